package uk.nhs.icr.access.service;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.RecordedBy;
import uk.nhs.icr.platform.VersionedDecision;

/**
 * Who is asking, as the edge that authenticated them established it: a member of staff acting in one
 * role for one organisation, or a patient acting for themselves. Carried in {@link CurrentCaller}. A caller who came
 * with a bearer token is also held to the scopes its client was granted ({@code scopes}; {@code null} for a portal
 * session, which no client stands between).
 */
public record Caller(String username, String displayName, StaffRole role, OdsCode organisation,
                     String organisationName, NhsNumber self, Channel channel, String clientAddress, Set<ApiScope> scopes)
        implements Serializable {

    public enum Channel { PORTAL, API }

    public Caller {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(channel, "channel");
        clientAddress = clientAddress == null ? "unknown" : clientAddress;
        scopes = scopes == null ? null : Set.copyOf(scopes);
        if ((role == null) == (self == null)) {
            throw new IllegalArgumentException("a caller is either staff with a role or a patient");
        }
    }

    public static Caller staff(String username, String displayName, StaffRole role, OdsCode organisation,
                               String organisationName, Channel channel, String clientAddress) {
        return new Caller(username, displayName, role, Objects.requireNonNull(organisation), organisationName, null,
                channel, clientAddress, null);
    }

    /** A patient acting for themselves: on record (the audit log, who recorded a choice) under their own NHS number. */
    public static Caller patient(NhsNumber self, Channel channel, String clientAddress) {
        return new Caller("patient:" + self.value(), "Patient", null, null, null, self, channel, clientAddress, null);
    }

    /** This caller, held to the scopes its token's client was granted. */
    public Caller withScopes(Set<ApiScope> granted) {
        return new Caller(username, displayName, role, organisation, organisationName, self, channel, clientAddress,
                Objects.requireNonNull(granted));
    }

    /** The scope doing {@code action} to {@code resource} needs, when this caller's token was not granted it. */
    public Optional<ApiScope> lacksScopeFor(Resource resource, AuditAction action) {
        ApiScope needed = ApiScope.neededFor(resource, action);
        return scopes == null || scopes.contains(needed) ? Optional.empty() : Optional.of(needed);
    }

    public boolean isPatient() {
        return self != null;
    }

    /** True when this caller is {@code patient} themselves, signed in to the app (not staff, not someone acting for them). */
    public boolean isThePatient(NhsNumber patient) {
        return self != null && self.equals(patient);
    }

    /** True when this caller is a patient acting for someone else ({@code patient}), as their recorded proxy. */
    public boolean actsFor(NhsNumber patient) {
        return self != null && !self.equals(patient);
    }

    public boolean hasRole(StaffRole wanted) {
        return role == wanted;
    }

    /** This caller as the recorder of a patient's decision, acting as {@code kind}. */
    public VersionedDecision.Recorder recordingAs(RecordedBy kind) {
        return new VersionedDecision.Recorder(kind, displayName, username);
    }

    /** This caller as the recorder of a patient's decision: the patient themselves, or staff. */
    public VersionedDecision.Recorder recorder() {
        return recordingAs(isPatient() ? RecordedBy.PATIENT : RecordedBy.STAFF);
    }

    /** For the audit log: the role name, or PATIENT. */
    public String roleName() {
        return isPatient() ? "PATIENT" : role.name();
    }

    public String organisationCode() {
        return isPatient() ? "-" : organisation.value();
    }

    @Override
    public String toString() {
        return "Caller[" + roleName() + "@" + organisationCode() + "]";
    }
}

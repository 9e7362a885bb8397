package uk.nhs.icr.access;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import uk.nhs.icr.access.AccessDecision.Action;
import uk.nhs.icr.access.AccessDecision.Outcome;
import uk.nhs.icr.access.AccessDecision.Purpose;
import uk.nhs.icr.audit.AuditLog;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.socialcare.SocialCareRelationships;

/**
 * The one access decision point. Every read or write of a patient's data asks it first; it decides
 * (legitimate relationship, break-glass grant, role), records the decision in the audit log whatever it
 * is, and refuses with {@link AccessDeniedException} when denied.
 */
@Stateless
public class AccessControl {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    CareRelationships careRelationships;

    @Inject
    SocialCareRelationships socialCare;

    @Inject
    BreakGlassGrants breakGlass;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /** Decides, audits, and returns the decision if granted; throws if not signed in or denied. */
    public AccessDecision require(NhsNumber patient, Resource resource, Action action) {
        Caller caller = currentCaller.require();
        AccessDecision decision = decide(caller, patient, resource, action);
        audit.record(caller, patient, resource.auditName(), action.name(), decision);
        if (!decision.granted()) {
            throw new AccessDeniedException(decision.reason(), decision.breakGlassAvailable());
        }
        return decision;
    }

    /** Roles that register new patients (front desk, GPs and hospital staff). */
    static final Set<StaffRole> REGISTRARS = EnumSet.of(StaffRole.GP, StaffRole.HOSPITAL_CLINICIAN, StaffRole.NURSE,
            StaffRole.ADMIN);

    /** Registration creates the record, so no relationship can exist yet: the role decides. Audited either way. */
    public void requireRegistration(NhsNumber patient) {
        Caller caller = currentCaller.require();
        AccessDecision decision = !caller.isPatient() && REGISTRARS.contains(caller.role())
                ? AccessDecision.grant(Purpose.ADMINISTRATION, "patient registration")
                : AccessDecision.deny(Purpose.ADMINISTRATION, "role may not register patients", false);
        audit.record(caller, patient, Resource.PATIENT.auditName(), "CREATE", decision);
        if (!decision.granted()) {
            throw new AccessDeniedException("Your role may not register patients", false);
        }
    }

    /** Records an access that concerns no single patient (a search) or that another rule has decided. */
    public void record(Caller caller, NhsNumber patient, String resourceType, String action, AccessDecision decision) {
        audit.record(caller, patient, resourceType, action, decision);
    }

    /** True when the caller has a legitimate relationship with the patient (no break-glass). */
    public boolean hasRelationship(Caller caller, NhsNumber patient) {
        return !caller.isPatient() && relationship(caller, patient);
    }

    AccessDecision decide(Caller caller, NhsNumber patient, Resource resource, Action action) {
        if (caller.isPatient()) {
            return caller.self().equals(patient) && action == Action.READ
                    ? AccessDecision.grant(Purpose.PATIENT_ACCESS, "patient reading their own record")
                    : AccessDecision.deny(Purpose.PATIENT_ACCESS, "patients may read their own record only", false);
        }
        StaffRole role = caller.role();
        if (role == StaffRole.PRIVACY_OFFICER) {
            return AccessDecision.deny(Purpose.PRIVACY_REVIEW, "privacy officers review access; they do not open records", false);
        }
        if (action == Action.WRITE && !resource.writableBy(role)) {
            return AccessDecision.deny(Purpose.DIRECT_CARE, role.label() + "s may not record " + resource.auditName()
                    + " entries", false);
        }
        Purpose purpose = role == StaffRole.ADMIN ? Purpose.ADMINISTRATION : Purpose.DIRECT_CARE;
        if (relationship(caller, patient)) {
            return AccessDecision.grant(purpose, "legitimate relationship");
        }
        if (role.mayBreakGlass() && breakGlass.activeFor(caller.username(), patient, clock.instant()).isPresent()) {
            return new AccessDecision(Outcome.GRANTED_BY_BREAK_GLASS, Purpose.BREAK_GLASS, "active break-glass grant", false);
        }
        return AccessDecision.deny(purpose, "no legitimate relationship", role.mayBreakGlass());
    }

    private boolean relationship(Caller caller, NhsNumber patient) {
        return careRelationships.isRegisteredWith(patient, caller.organisation())
                || careRelationships.hasOpenEpisode(patient, caller.organisation())
                || socialCare.isCaredForBy(patient, caller.organisation())
                || (caller.hasRole(StaffRole.SOCIAL_WORKER) && socialCare.isOnCaseloadOf(patient, caller.username()));
    }
}

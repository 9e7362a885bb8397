package uk.nhs.icr.consent;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.VersionedDecision;
import uk.nhs.icr.sharedrecord.DataCategory;

/**
 * One version of a patient's consent directive for a scope (FHIR R4 {@code Consent}): status, when it was
 * decided, who recorded it and why, and its provisions. A change is a new version; the highest is current.
 * Sharing for direct care is the default: deny provisions withhold categories, permit provisions make
 * exceptions to them.
 */
@Entity
@Table(name = "consent_directive")
public class ConsentDirective extends VersionedDecision {

    public enum Scope { TREATMENT, RESEARCH }

    public enum Status { ACTIVE, INACTIVE, ENTERED_IN_ERROR }

    @Enumerated(EnumType.STRING)
    @Column(name = "scope", nullable = false, updatable = false)
    private Scope scope;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, updatable = false)
    private Status status;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    @Column(name = "recorded_by_ods", updatable = false)
    private String recordedByOrganisation;

    @Column(name = "reason", updatable = false)
    private String reason;

    @Convert(converter = ProvisionsConverter.class)
    @Column(name = "provisions", nullable = false, updatable = false)
    private List<Provision> provisions;

    protected ConsentDirective() {
        // for JPA
    }

    public ConsentDirective(NhsNumber patient, Scope scope, int version, Status status, Instant decidedAt, Recorder recorder,
                            String recordedByOrganisation, String reason, List<Provision> provisions, Instant recordedAt) {
        super(patient, version, recorder, recordedAt);
        this.scope = Objects.requireNonNull(scope);
        this.status = Objects.requireNonNull(status);
        this.decidedAt = Objects.requireNonNull(decidedAt);
        this.recordedByOrganisation = recordedByOrganisation;
        this.reason = reason;
        this.provisions = List.copyOf(provisions);
    }

    /**
     * What this directive withholds from a member of staff of {@code organisation} in {@code role} at
     * {@code at}: each category some deny provision covers and no permit provision excepts. Only an active
     * directive withholds anything.
     */
    public Withholding withholdingFor(OdsCode organisation, StaffRole role, Instant at, ZoneId zone) {
        if (status != Status.ACTIVE) {
            return Withholding.none("consent v" + version() + " is " + Codes.phrase(status) + ": nothing withheld");
        }
        Set<DataCategory> withheld = EnumSet.noneOf(DataCategory.class);
        Set<Integer> rules = new TreeSet<>();
        for (DataCategory category : DataCategory.values()) {
            int denied = firstApplying(Provision.Type.DENY, category, organisation, role, at, zone);
            if (denied > 0 && firstApplying(Provision.Type.PERMIT, category, organisation, role, at, zone) == 0) {
                withheld.add(category);
                rules.add(denied);
            }
        }
        if (withheld.isEmpty()) {
            return Withholding.none("consent v" + version() + ": no deny provision applies");
        }
        return new Withholding(withheld, "consent v" + version() + " deny provision " + rules + " withholds " + withheld);
    }

    /** True when this directive, in force, expressly permits the category to this viewer at {@code at}. */
    public boolean permits(DataCategory category, OdsCode organisation, StaffRole role, Instant at, ZoneId zone) {
        return status == Status.ACTIVE && firstApplying(Provision.Type.PERMIT, category, organisation, role, at, zone) > 0;
    }

    /** The 1-based number of the first provision of this type that applies, or 0. */
    private int firstApplying(Provision.Type type, DataCategory category, OdsCode organisation, StaffRole role, Instant at, ZoneId zone) {
        for (int i = 0; i < provisions.size(); i++) {
            Provision provision = provisions.get(i);
            if (provision.type() == type && provision.appliesTo(category, organisation, role, at, zone)) {
                return i + 1;
            }
        }
        return 0;
    }

    public Scope scope() { return scope; }
    public Status status() { return status; }
    public Instant decidedAt() { return decidedAt; }
    public String recordedByOrganisation() { return recordedByOrganisation; }
    public String reason() { return reason; }
    public List<Provision> provisions() { return provisions; }
}

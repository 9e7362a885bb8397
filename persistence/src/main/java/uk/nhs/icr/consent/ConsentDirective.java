package uk.nhs.icr.consent;

import java.time.Duration;
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
import uk.nhs.icr.platform.RecordedBy;
import uk.nhs.icr.platform.VersionedDecision;
import uk.nhs.icr.sharedrecord.DataCategory;

/**
 * One version of a patient's consent directive for a scope (FHIR R4 {@code Consent}): status, when it was
 * decided, who recorded it and why, and its provisions. A change is a new version; the highest is current.
 * Sharing for direct care is the default: deny provisions withhold categories, permit provisions make
 * exceptions to them.
 * <p>
 * A version staff record is made at the patient's request and says so. One that would let someone see more
 * than the version before did awaits the patient's confirmation: it applies once confirmed (in the app, or in
 * person to another clinician) and lapses unconfirmed after {@link #CONFIRMATION_PERIOD}. The confirmation
 * is the one thing written onto a version after it is stored, once.
 */
@Entity
@Table(name = "consent_directive")
public class ConsentDirective extends VersionedDecision {

    public enum Scope { TREATMENT, RESEARCH }

    public enum Status { ACTIVE, INACTIVE, ENTERED_IN_ERROR }

    /** How the patient confirmed a change staff recorded: in the app, or in person to a clinician. */
    public enum ConfirmationChannel { APP, IN_PERSON }

    /** Where a version stands with the patient's confirmation. */
    public enum Confirmation {
        /** Applies as recorded: the patient's own, or one that lets nobody see more. */
        NOT_NEEDED,
        AWAITING,
        CONFIRMED,
        /** Not confirmed within the confirmation period: it never applied. */
        LAPSED
    }

    /** How long a change that loosens the patient's restrictions waits for them to confirm it. */
    public static final Duration CONFIRMATION_PERIOD = Duration.ofDays(28);

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

    @Column(name = "at_patients_request", updatable = false)
    private Boolean atPatientsRequest;

    @Column(name = "awaiting_confirmation", nullable = false, updatable = false)
    private boolean awaitingConfirmation;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "confirmed_by_kind")
    private RecordedBy confirmedByKind;

    @Column(name = "confirmed_by_name")
    private String confirmedByName;

    @Column(name = "confirmed_by_username")
    private String confirmedByUsername;

    @Enumerated(EnumType.STRING)
    @Column(name = "confirmation_channel")
    private ConfirmationChannel confirmationChannel;

    protected ConsentDirective() {
        // for JPA
    }

    public ConsentDirective(NhsNumber patient, Scope scope, int version, Status status, Instant decidedAt, Recorder recorder,
                            String recordedByOrganisation, String reason, List<Provision> provisions, Instant recordedAt,
                            Boolean atPatientsRequest, boolean awaitingConfirmation) {
        super(patient, version, recorder, recordedAt);
        if (awaitingConfirmation && (status == Status.ENTERED_IN_ERROR || recorder.kind() == RecordedBy.PATIENT)) {
            throw new IllegalArgumentException("only a change staff record on the patient's behalf awaits their confirmation");
        }
        this.scope = Objects.requireNonNull(scope);
        this.status = Objects.requireNonNull(status);
        this.decidedAt = Objects.requireNonNull(decidedAt);
        this.recordedByOrganisation = recordedByOrganisation;
        this.reason = reason;
        this.provisions = List.copyOf(provisions);
        this.atPatientsRequest = atPatientsRequest;
        this.awaitingConfirmation = awaitingConfirmation;
    }

    /** Where this version stands with the patient's confirmation at {@code now}. */
    public Confirmation confirmation(Instant now) {
        if (!awaitingConfirmation) {
            return Confirmation.NOT_NEEDED;
        }
        if (confirmedAt != null) {
            return Confirmation.CONFIRMED;
        }
        return now.isBefore(confirmBy()) ? Confirmation.AWAITING : Confirmation.LAPSED;
    }

    /** True when this version can apply at {@code now}: it needs no confirmation, or has it. */
    public boolean standsConfirmed(Instant now) {
        Confirmation confirmation = confirmation(now);
        return confirmation == Confirmation.NOT_NEEDED || confirmation == Confirmation.CONFIRMED;
    }

    /** The moment an unconfirmed loosening lapses. */
    public Instant confirmBy() {
        return recordedAt().plus(CONFIRMATION_PERIOD);
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
    /** Staff's statement that the patient asked for this version; null for the patient's own. */
    public Boolean atPatientsRequest() { return atPatientsRequest; }
    public Instant confirmedAt() { return confirmedAt; }
    public RecordedBy confirmedByKind() { return confirmedByKind; }
    public String confirmedByName() { return confirmedByName; }
    public String confirmedByUsername() { return confirmedByUsername; }
    public ConfirmationChannel confirmationChannel() { return confirmationChannel; }
}

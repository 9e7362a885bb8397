package uk.nhs.icr.consent.service;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;

import uk.nhs.icr.access.OrganisationType;
import uk.nhs.icr.access.StaffDirectory;
import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.NamedOrganisation;
import uk.nhs.icr.access.service.PatientAccess;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.consent.ConsentDirective;
import uk.nhs.icr.consent.ConsentRepository;
import uk.nhs.icr.consent.DirectiveHistory;
import uk.nhs.icr.consent.Provision;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.RecordedBy;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.DecisionVersions;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.Precondition;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.validation.InOrder;
import uk.nhs.icr.platform.validation.Items;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.NotInFuture;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.sharedrecord.DataCategory;

/**
 * A patient's consent directives (FHIR R4 Consent shape): read the current one or its history, record a new
 * version. The patient records their own; staff caring for them record one on their behalf, with a reason.
 * The access decision point applies the current treatment directive to every read of the shared record.
 */
@Stateless
public class ConsentService {

    static final int MIN_REASON = 10;

    /** Far more provisions, categories, organisations or roles than any directive needs. */
    static final int MAX_LIST = 50;

    /**
     * A provision of a directive: permit or deny, for data categories, organisations (ODS codes) and staff roles,
     * in a period (start and end dates, either open).
     */
    @InOrder(earlier = "start", later = "end", mayBeEqual = true, message = "must not be before start")
    public record NewProvision(@Required Provision.Type type,
                               @Items(max = MAX_LIST) List<DataCategory> categories,
                               @Items(max = MAX_LIST) List<OdsCode> organisations,
                               @Items(max = MAX_LIST) List<StaffRole> roles,
                               LocalDate start,
                               LocalDate end) {
    }

    /**
     * A new version of the directive: status, scope (treatment when absent), when it was decided (now when absent),
     * who records it (staff: staff or proxy; the patient's own is always the patient's), the reason (staff: why
     * they record it for the patient), staff's statement that the patient asked for it, and the provisions.
     */
    @StaffGiveReason(min = MIN_REASON)
    public record NewConsentDirective(@Required ConsentDirective.Status status,
                                      ConsentDirective.Scope scope,
                                      @NotInFuture @Label("decision time") Instant decidedAt,
                                      RecordedBy recordedBy,
                                      @Text(max = 1000) String reason,
                                      Boolean atPatientsRequest,
                                      @Items(max = MAX_LIST) List<@Valid NewProvision> provisions) {
    }

    /**
     * The patient's confirmation of a change staff recorded that loosens their restrictions: the version it
     * confirms, and (a clinician recording it) the statement that the patient confirmed it to them in person.
     */
    public record PatientConfirmation(@Required Integer version, Boolean confirmedInPerson) {
    }

    /** What a reader is told in place of a directive's provisions and reason when they are not theirs to read. */
    public static final String WITHHELD = "Information is withheld from you";

    /**
     * One version as a reader sees it. {@code inForce}: whether it is the version that applies now.
     * {@code confirmation}: not-needed, awaiting (until {@code confirmBy}), confirmed or lapsed. Someone who may
     * not read what it says gets the version, its status and who recorded it, with {@code withheld} set and no
     * provisions or reason.
     */
    public record ConsentView(String scope, int version, String status, boolean inForce, Instant decidedAt, String recordedBy,
                              String recordedByName, String recordedByOrganisation, Boolean atPatientsRequest, String reason,
                              List<Provision> provisions, Instant recordedAt, String confirmation, Instant confirmBy,
                              Instant confirmedAt, String confirmedByName, String confirmationChannel, String withheld)
            implements Serializable {

        static ConsentView of(ConsentDirective directive, boolean inForce, boolean readable, Instant now) {
            ConsentDirective.Confirmation confirmation = directive.confirmation(now);
            return new ConsentView(lower(directive.scope()), directive.version(), lower(directive.status()), inForce,
                    directive.decidedAt(), lower(directive.recordedBy()), directive.recordedByName(),
                    directive.recordedByOrganisation(), directive.atPatientsRequest(), readable ? directive.reason() : null,
                    readable ? directive.provisions() : List.of(), directive.recordedAt(), lower(confirmation),
                    confirmation == ConsentDirective.Confirmation.NOT_NEEDED ? null : directive.confirmBy(), directive.confirmedAt(),
                    directive.confirmedByName(), directive.confirmationChannel() == null ? null : lower(directive.confirmationChannel()),
                    readable ? null : WITHHELD);
        }

        public boolean awaitingConfirmation() {
            return "awaiting".equals(confirmation);
        }

        private static String lower(Enum<?> value) {
            return Codes.of(value);
        }
    }

    /** The version named is not one awaiting the patient's confirmation (any longer): nothing was written. */
    public static class NotAwaitingConfirmationException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public NotAwaitingConfirmationException(int version, String why) {
            super("Version " + version + " of the directive cannot be confirmed: " + why);
        }
    }

    /** No directive recorded for this scope: the record is shared for direct care. */
    public static class NoConsentDirectiveException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public NoConsentDirectiveException() {
            super("No consent directive is recorded for this patient and scope: the record is shared for direct care");
        }
    }

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AccessControl access;

    @Inject
    ConsentRepository consents;

    @Inject
    PatientAccess patientAccess;

    @Inject
    UkClock clock;

    @Inject
    StaffDirectory directory;

    /**
     * The newest version (what a change names with If-Match; it may be one entered in error, or one awaiting the
     * patient's confirmation: {@code inForce} says whether it applies). What a directive says is read by the
     * patient, the privacy officer and its author; a version awaiting confirmation also by the clinicians who may
     * take that confirmation in person. Everyone else is told it is withheld.
     */
    @PatientDataAccess(resource = Resource.CONSENT, action = AuditAction.READ)
    public ConsentView current(NhsNumber patient, ConsentDirective.Scope wanted) {
        return history(patient, wanted).stream().findFirst().orElseThrow(NoConsentDirectiveException::new);
    }

    /** Every version, newest first (empty when none was ever recorded), as {@link #current} shows each. */
    @PatientDataAccess(resource = Resource.CONSENT, action = AuditAction.READ)
    public List<ConsentView> history(NhsNumber patient, ConsentDirective.Scope wanted) {
        Caller caller = currentCaller.require();
        Instant now = clock.now();
        DirectiveHistory versions = new DirectiveHistory(consents.history(patient, wanted));
        Optional<ConsentDirective> inForce = versions.inForce(now);
        boolean mayChange = !versions.newestFirst().isEmpty() && staffMayChange(caller, patient);
        return versions.newestFirst().stream()
                .map(version -> ConsentView.of(version, inForce.filter(version::equals).isPresent(),
                        mayChange || readable(caller, version), now))
                .toList();
    }

    /**
     * The organisations a provision may name, by name: every one whose staff read records (hospital trusts, GP practices,
     * local authorities, care providers). A directory, not patient data.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<NamedOrganisation> organisationsAProvisionMayName() {
        return directory.organisationsOfType(EnumSet.complementOf(EnumSet.of(OrganisationType.NATIONAL_SERVICE))).stream()
                .map(NamedOrganisation::of).toList();
    }

    /**
     * Whether the caller may record a new version: the patient, or staff from whom nothing of the record is withheld
     * (privacy officers correct versions entered in error only).
     */
    @PatientDataAccess(resource = Resource.CONSENT, action = AuditAction.READ)
    public boolean changeableByCaller(NhsNumber patient) {
        Caller caller = currentCaller.require();
        return caller.isThePatient(patient) || staffMayChange(caller, patient);
    }

    /** Staff of a role that records consent, not a privacy officer, from whom nothing of the record is withheld. */
    private boolean staffMayChange(Caller caller, NhsNumber patient) {
        return !caller.isPatient() && !caller.hasRole(StaffRole.PRIVACY_OFFICER) && Resource.CONSENT.writableBy(caller.role())
                && !access.withholdingFromStaff(caller, patient).withholdsAnything();
    }

    /** Why staff may not change a directive while anything of the record is withheld from them. */
    public static final String RESTRICTED_STAFF = "What the patient's directive says is withheld from you, as some of their record"
            + " is: the patient, or a clinician it does not restrict, may change it";

    /**
     * Whether this reader may read what a version says: a version restricts and reveals (a mental-health deny
     * names the condition), so the patient, the privacy officer reviewing it and its author do. So do staff who may
     * change it (nothing of the record is withheld from them, so it hides nothing from them): a new version is
     * written over the one in force, and one written blind would drop restrictions the patient never asked to drop.
     */
    private static boolean readable(Caller caller, ConsentDirective version) {
        // someone acting for the patient reads that a directive exists, not what it says: it is the patient's own
        return caller.isThePatient(version.patient()) || caller.hasRole(StaffRole.PRIVACY_OFFICER)
                || caller.username().equals(version.recordedByUsername());
    }

    /**
     * Records a new version. The patient's own applies at once. Staff record one only at the patient's request
     * (and say so), never while anything of the record is withheld from them; theirs applies at once when it
     * lets nobody see more, and otherwise awaits the patient's confirmation. "Entered in error" voids the newest
     * standing version, said by its author or a privacy officer (who records nothing else).
     */
    @PatientDataAccess(resource = Resource.CONSENT, action = AuditAction.WRITE)
    public ConsentView record(NhsNumber patient, @Valid NewConsentDirective directive, Precondition precondition) {
        Caller caller = currentCaller.require();
        ConsentDirective.Scope scope = directive.scope() == null ? ConsentDirective.Scope.TREATMENT : directive.scope();
        Instant now = clock.now();
        Instant decidedAt = directive.decidedAt() == null ? now : directive.decidedAt();
        boolean correction = directive.status() == ConsentDirective.Status.ENTERED_IN_ERROR;
        RecordedBy recordedBy = caller.isPatient() ? RecordedBy.PATIENT : staffRecordedBy(directive.recordedBy());
        if (caller.hasRole(StaffRole.PRIVACY_OFFICER) && !correction) {
            throw new AccessDeniedException("Privacy officers mark a directive entered in error; they record no other change", false);
        }
        if (!caller.isPatient() && !caller.hasRole(StaffRole.PRIVACY_OFFICER)) {
            requireStaffMayChange(caller, patient);
            if (!correction && !Boolean.TRUE.equals(directive.atPatientsRequest())) {
                throw InvalidInputException.of("atPatientsRequest", "staff record a directive only at the patient's request:"
                        + " confirm that they asked for this (true)");
            }
        }
        DirectiveHistory versions = new DirectiveHistory(consents.history(patient, scope));
        if (correction) {
            requireMayCorrect(versions.newestStanding(), caller);
            requireCorrectionKeepsRestrictions(versions, caller, now);
        }
        List<Provision> provisions = directive.provisions().stream()
                .map(p -> new Provision(p.type(), new LinkedHashSet<>(p.categories()),
                        p.organisations().stream().map(OdsCode::value).collect(Collectors.toCollection(LinkedHashSet::new)),
                        new LinkedHashSet<>(p.roles()), p.start(), p.end()))
                .toList();
        Optional<ConsentDirective> inForce = versions.inForce(now);
        boolean awaitsPatient = !caller.isPatient() && !correction
                && Loosening.loosens(inForce, directive.status(), provisions, now, UkClock.ZONE);

        ConsentDirective recorded = DecisionVersions.appendAfter(versions.newestFirst().stream().findFirst(), precondition,
                version -> new ConsentDirective(patient, scope, version, directive.status(), decidedAt, caller.recordingAs(recordedBy),
                        caller.isPatient() ? null : caller.organisation().value(), directive.reason(), provisions, now,
                        caller.isPatient() ? null : directive.atPatientsRequest(), awaitsPatient),
                consents::add, "the consent directive");
        if (awaitsPatient) {
            patientAccess.note("v" + recorded.version() + " awaits the patient's confirmation: it would let staff see more");
        }
        return ConsentView.of(recorded, !awaitsPatient && !correction, true, now);
    }

    /**
     * The patient confirms a change staff recorded that loosens their restrictions: in the app, or in person to a
     * clinician caring for them who did not record it (and from whom nothing is withheld). It must be the newest
     * standing version, still awaiting confirmation; from then on it applies.
     */
    @PatientDataAccess(resource = Resource.CONSENT, action = AuditAction.WRITE)
    public ConsentView confirm(NhsNumber patient, ConsentDirective.Scope wanted, @Valid PatientConfirmation confirmation) {
        Caller caller = currentCaller.require();
        ConsentDirective.Scope scope = wanted == null ? ConsentDirective.Scope.TREATMENT : wanted;
        Instant now = clock.now();
        DirectiveHistory versions = new DirectiveHistory(consents.history(patient, scope));
        ConsentDirective awaiting = versions.newestStanding().filter(v -> v.version() == confirmation.version())
                .orElseThrow(() -> new NotAwaitingConfirmationException(confirmation.version(), "it is not the newest version standing"));
        switch (awaiting.confirmation(now)) {
            case AWAITING -> { }
            case LAPSED -> throw new NotAwaitingConfirmationException(awaiting.version(), "it lapsed unconfirmed on "
                    + awaiting.confirmBy().atZone(UkClock.ZONE).toLocalDate() + "; record it again if the patient still wants it");
            default -> throw new NotAwaitingConfirmationException(awaiting.version(), "it does not await confirmation");
        }
        ConsentDirective.ConfirmationChannel channel = ConsentDirective.ConfirmationChannel.APP;
        if (!caller.isPatient()) {
            if (!caller.role().isClinical()) {
                throw new AccessDeniedException("A patient confirms a change in the app, or in person to a clinician caring for them",
                        false);
            }
            requireStaffMayChange(caller, patient);
            if (caller.username().equals(awaiting.recordedByUsername())) {
                throw new AccessDeniedException("The patient's confirmation is taken by a clinician other than the one who recorded"
                        + " the change", false);
            }
            if (!Boolean.TRUE.equals(confirmation.confirmedInPerson())) {
                throw InvalidInputException.of("confirmedInPerson", "say that the patient confirmed this change to you in person (true)");
            }
            channel = ConsentDirective.ConfirmationChannel.IN_PERSON;
        }
        if (!consents.confirm(awaiting, caller.recorder(), channel, now)) {
            throw new NotAwaitingConfirmationException(awaiting.version(), "it was confirmed meanwhile");
        }
        patientAccess.note("v" + awaiting.version() + " confirmed by the patient (" + Codes.phrase(channel) + ")");
        return ConsentView.of(awaiting, true, true, now);
    }

    /**
     * A member of staff's "entered in error" must not let anyone see more than the version in force does (it would
     * undo, at once, a restriction the patient asked for): the patient records that change, or a privacy officer
     * corrects the record.
     */
    private static void requireCorrectionKeepsRestrictions(DirectiveHistory versions, Caller caller, Instant now) {
        if (caller.isPatient() || caller.hasRole(StaffRole.PRIVACY_OFFICER)) {
            return;
        }
        Optional<ConsentDirective> before = versions.inForce(now);
        Optional<ConsentDirective> after = versions.correctingNewest(now).inForce(now);
        ConsentDirective.Status status = after.map(ConsentDirective::status).orElse(ConsentDirective.Status.INACTIVE);
        List<Provision> provisions = after.map(ConsentDirective::provisions).orElse(List.of());
        if (Loosening.loosens(before, status, provisions, now, UkClock.ZONE)) {
            throw new AccessDeniedException("Marking this version entered in error would let staff see more than the patient chose;"
                    + " the patient records that change, or a privacy officer corrects the record", false);
        }
    }

    /** Staff from whom the patient's wishes, or the sensitive-data rules, keep anything do not change the directive. */
    private void requireStaffMayChange(Caller caller, NhsNumber patient) {
        if (access.withholdingFromStaff(caller, patient).withholdsAnything()) {
            throw new AccessDeniedException(RESTRICTED_STAFF, false);
        }
    }

    /**
     * "Entered in error" corrects the newest standing version: said by its author (the patient, for their own) or by a
     * privacy officer.
     */
    private static void requireMayCorrect(Optional<ConsentDirective> standing, Caller caller) {
        ConsentDirective corrected = standing.orElseThrow(() -> InvalidInputException.of("status",
                "there is no directive standing to mark as entered in error"));
        boolean author = caller.isPatient() ? corrected.recordedBy() == RecordedBy.PATIENT
                : caller.username().equals(corrected.recordedByUsername());
        if (!author && !caller.hasRole(StaffRole.PRIVACY_OFFICER)) {
            throw new AccessDeniedException("Only who recorded version " + corrected.version() + ", or a privacy officer, may mark it"
                    + " entered in error; to change the patient's choice, record a new version", false);
        }
    }

    /** Staff record a directive as staff (the default) or for a proxy; only the patient records their own. */
    private static RecordedBy staffRecordedBy(RecordedBy chosen) {
        if (chosen != null && chosen != RecordedBy.STAFF && chosen != RecordedBy.PROXY) {
            throw InvalidInputException.of("recordedBy", "staff record a directive as staff or for a proxy; the patient records their own");
        }
        return chosen == null ? RecordedBy.STAFF : chosen;
    }
}

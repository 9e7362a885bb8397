package uk.nhs.icr.consent.service;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.consent.ConsentDirective;
import uk.nhs.icr.consent.ConsentRepository;
import uk.nhs.icr.consent.Provision;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.RecordedBy;
import uk.nhs.icr.platform.UkClock;
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
     * they record it for the patient) and the provisions.
     */
    @StaffGiveReason(min = MIN_REASON)
    public record NewConsentDirective(@Required ConsentDirective.Status status,
                                      ConsentDirective.Scope scope,
                                      @NotInFuture @Label("decision time") Instant decidedAt,
                                      RecordedBy recordedBy,
                                      @Text(max = 1000) String reason,
                                      @Items(max = MAX_LIST) List<@Valid NewProvision> provisions) {
    }

    public record ConsentView(String scope, int version, String status, Instant decidedAt, String recordedBy, String recordedByName,
                              String recordedByOrganisation, String reason, List<Provision> provisions, Instant recordedAt)
            implements Serializable {

        static ConsentView of(ConsentDirective directive) {
            return new ConsentView(lower(directive.scope()), directive.version(), lower(directive.status()), directive.decidedAt(),
                    lower(directive.recordedBy()), directive.recordedByName(), directive.recordedByOrganisation(), directive.reason(),
                    directive.provisions(), directive.recordedAt());
        }

        private static String lower(Enum<?> value) {
            return Codes.of(value);
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
    UkClock clock;

    /**
     * The newest version (what a change names with If-Match; it may be one entered in error). Staff the patient's
     * wishes restrict do not read the directive: the decision point refuses them.
     */
    @PatientDataAccess(resource = Resource.CONSENT, action = AuditAction.READ)
    public ConsentView current(NhsNumber patient, ConsentDirective.Scope wanted) {
        return consents.current(patient, wanted).map(ConsentView::of).orElseThrow(NoConsentDirectiveException::new);
    }

    /** The version that applies: the newest neither entered in error nor voided by one (none: shared for direct care). */
    @PatientDataAccess(resource = Resource.CONSENT, action = AuditAction.READ)
    public Optional<ConsentView> inForce(NhsNumber patient, ConsentDirective.Scope wanted) {
        return consents.inForce(patient, wanted).map(ConsentView::of);
    }

    /** Every version, newest first (empty when none was ever recorded). */
    @PatientDataAccess(resource = Resource.CONSENT, action = AuditAction.READ)
    public List<ConsentView> history(NhsNumber patient, ConsentDirective.Scope wanted) {
        return consents.history(patient, wanted).stream().map(ConsentView::of).toList();
    }

    @PatientDataAccess(resource = Resource.CONSENT, action = AuditAction.WRITE)
    public ConsentView record(NhsNumber patient, @Valid NewConsentDirective directive, Precondition precondition) {
        Caller caller = currentCaller.require();
        ConsentDirective.Scope scope = directive.scope() == null ? ConsentDirective.Scope.TREATMENT : directive.scope();
        Instant decidedAt = directive.decidedAt() == null ? clock.now() : directive.decidedAt();
        RecordedBy recordedBy = caller.isPatient() ? RecordedBy.PATIENT : staffRecordedBy(directive.recordedBy());
        if (!caller.isPatient() && access.withholdingFromStaff(caller, patient).withholdsAnything()) {
            // the patient's wishes, or the sensitive-data rules, keep something from this member of staff
            throw new AccessDeniedException("Some of this patient's record is withheld from you, so you may not change their"
                    + " directive: the patient, or a clinician it does not restrict, may", false);
        }
        if (directive.status() == ConsentDirective.Status.ENTERED_IN_ERROR) {
            requireAuthorOf(consents.inForce(patient, scope), caller);
        }
        List<Provision> provisions = directive.provisions().stream()
                .map(p -> new Provision(p.type(), new LinkedHashSet<>(p.categories()),
                        p.organisations().stream().map(OdsCode::value).collect(Collectors.toCollection(LinkedHashSet::new)),
                        new LinkedHashSet<>(p.roles()), p.start(), p.end()))
                .toList();

        ConsentDirective recorded = DecisionVersions.appendAfter(consents.current(patient, scope), precondition,
                version -> new ConsentDirective(patient, scope, version, directive.status(), decidedAt, caller.recordingAs(recordedBy),
                        caller.isPatient() ? null : caller.organisation().value(), directive.reason(), provisions, clock.now()),
                consents::add, "the consent directive");
        return ConsentView.of(recorded);
    }

    /** "Entered in error" corrects the version in force, and only its author (or the patient, for their own) says so. */
    private static void requireAuthorOf(Optional<ConsentDirective> inForce, Caller caller) {
        ConsentDirective corrected = inForce.orElseThrow(() -> InvalidInputException.of("status",
                "there is no directive in force to mark as entered in error"));
        boolean author = caller.isPatient() ? corrected.recordedBy() == RecordedBy.PATIENT
                : caller.username().equals(corrected.recordedByUsername());
        if (!author) {
            throw new AccessDeniedException("Only who recorded version " + corrected.version() + " may mark it entered in error;"
                    + " to change the patient's choice, record a new version", false);
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

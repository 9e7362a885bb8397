package uk.nhs.icr.consent.service;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import uk.nhs.icr.access.StaffRole;
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
import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.RecordedBy;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.VersionedDecision;
import uk.nhs.icr.platform.service.DecisionVersions;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.Fields;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.sharedrecord.DataCategory;

/**
 * A patient's consent directives (FHIR R4 Consent shape): read the current one or its history, record a new
 * version. The patient records their own; staff caring for them record one on their behalf, with a reason.
 * The access decision point applies the current treatment directive to every read of the shared record.
 */
@Stateless
public class ConsentService {

    static final int MIN_REASON = 10;

    /** A provision as typed: type (permit, deny), categories, organisations (ODS codes), roles, start and end (YYYY-MM-DD). */
    public record ProvisionForm(String type, List<String> categories, List<String> organisations, List<String> roles,
                                String start, String end) {
    }

    /**
     * A new version as typed: status (active, inactive, entered-in-error), scope (treatment, research; default
     * treatment), decidedAt (default now), recordedBy (staff or proxy, for staff; the patient's own is always
     * patient), reason (staff: why they record it for the patient) and provisions.
     */
    public record ConsentForm(String status, String scope, String decidedAt, String recordedBy, String reason,
                              List<ProvisionForm> provisions) {
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
    ConsentRepository consents;

    @Inject
    UkClock clock;

    @PatientDataAccess(resource = Resource.CONSENT, action = AuditAction.READ)
    public ConsentView current(NhsNumber patient, ConsentDirective.Scope wanted) {
        return consents.current(patient, wanted).map(ConsentView::of).orElseThrow(NoConsentDirectiveException::new);
    }

    /** Every version, newest first (empty when none was ever recorded). */
    @PatientDataAccess(resource = Resource.CONSENT, action = AuditAction.READ)
    public List<ConsentView> history(NhsNumber patient, ConsentDirective.Scope wanted) {
        return consents.history(patient, wanted).stream().map(ConsentView::of).toList();
    }

    @PatientDataAccess(resource = Resource.CONSENT, action = AuditAction.WRITE)
    public ConsentView record(NhsNumber patient, ConsentForm form) {
        Caller caller = currentCaller.require();
        ConsentForm f = form == null ? new ConsentForm(null, null, null, null, null, null) : form;
        FieldErrors errors = new FieldErrors();
        ConsentDirective.Status status = errors.parse("status", f.status(), Fields.oneOf("status", ConsentDirective.Status.class));
        ConsentDirective.Scope scope = errors.parse("scope", f.scope(), ConsentService::scope);
        Instant decidedAt = f.decidedAt() == null || f.decidedAt().isBlank() ? clock.now()
                : errors.parse("decidedAt", f.decidedAt(), Fields.pastInstant("decision time", clock.now()));
        RecordedBy recordedBy = caller.isPatient() ? RecordedBy.PATIENT
                : errors.parse("recordedBy", f.recordedBy(), ConsentService::staffRecordedBy);
        String reason = errors.parse("reason", f.reason(), Fields.optionalText("reason", 1000));
        if (!caller.isPatient() && (reason == null || reason.length() < MIN_REASON)) {
            errors.add("reason", "say why you record this for the patient (at least " + MIN_REASON + " characters)");
        }
        List<Provision> provisions = provisions(f.provisions(), errors);
        errors.throwIfAny();

        ConsentDirective directive = DecisionVersions.append(new ConsentDirective(patient, scope,
                VersionedDecision.nextVersion(consents.current(patient, scope)), status, decidedAt, caller.recordingAs(recordedBy),
                caller.isPatient() ? null : caller.organisation().value(), reason, provisions, clock.now()), consents::add, "the consent");
        return ConsentView.of(directive);
    }

    private static List<Provision> provisions(List<ProvisionForm> forms, FieldErrors errors) {
        List<Provision> provisions = new ArrayList<>();
        if (forms == null) {
            return provisions;
        }
        if (forms.size() > 50) {
            errors.add("provisions", "at most 50 provisions");
            return provisions;
        }
        for (int i = 0; i < forms.size(); i++) {
            String at = "provisions[" + i + "].";
            ProvisionForm p = forms.get(i);
            if (p == null) {
                errors.add("provisions[" + i + "]", "a provision must be an object");
                continue;
            }
            Provision.Type type = errors.parse(at + "type", p.type(), Fields.oneOf("type", Provision.Type.class));
            Set<DataCategory> categories = each(at + "categories", p.categories(), Fields.oneOf("category", DataCategory.class), errors);
            Set<String> organisations = each(at + "organisations", p.organisations(), code -> OdsCode.parse(code).value(), errors);
            Set<StaffRole> roles = each(at + "roles", p.roles(), Fields.oneOf("role", StaffRole.class), errors);
            LocalDate start = errors.parse(at + "start", p.start(), Fields.date("start", false));
            LocalDate end = errors.parse(at + "end", p.end(), Fields.date("end", false));
            if (start != null && end != null && end.isBefore(start)) {
                errors.add(at + "end", "end must not be before start");
            }
            provisions.add(new Provision(type, categories, organisations, roles, start, end));
        }
        return provisions;
    }

    private static <T> Set<T> each(String field, List<String> values, Function<String, T> parser, FieldErrors errors) {
        Set<T> parsed = new LinkedHashSet<>();
        if (values == null) {
            return parsed;
        }
        if (values.size() > 50) {
            errors.add(field, "at most 50 values");
            return parsed;
        }
        for (int i = 0; i < values.size(); i++) {
            T value = errors.parse(field + "[" + i + "]", values.get(i), parser);
            if (value != null) {
                parsed.add(value);
            }
        }
        return parsed;
    }

    /** A scope as a client typed it: treatment (the default when blank) or research. */
    public static ConsentDirective.Scope scope(String value) {
        return value == null || value.isBlank() ? ConsentDirective.Scope.TREATMENT
                : Fields.oneOf("scope", ConsentDirective.Scope.class).apply(value);
    }

    private static RecordedBy staffRecordedBy(String value) {
        if (value == null || value.isBlank()) {
            return RecordedBy.STAFF;
        }
        RecordedBy by = Fields.oneOf("recorded by", RecordedBy.class).apply(value);
        if (by == RecordedBy.PATIENT) {
            throw new InvalidValueException("staff record a directive as staff or for a proxy; the patient records their own");
        }
        return by;
    }
}

package uk.nhs.icr.prescriptions.service;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDecidedInside;
import uk.nhs.icr.access.service.AccessDecision.Purpose;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientAccess;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.PracticeLists;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Patient;
import uk.nhs.icr.patient.PatientRepository;
import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.DatabaseFailures;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.validation.Items;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.NotInPast;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.prescriptions.PharmacyNomination;
import uk.nhs.icr.prescriptions.RepeatPrescriptions;
import uk.nhs.icr.prescriptions.RepeatRequest;
import uk.nhs.icr.prescriptions.RepeatTemplate;

/**
 * Repeat prescriptions (IM1 patient-facing services): a GP authorises a repeat; the patient, or a proxy with the
 * prescriptions service, requests one or more with an optional note, to their nominated pharmacy; a request is refused
 * (409, the reason in words) when the medication review is due, no issues are left, or a request for the item is pending
 * already (a database constraint, so two racing requests cannot both be). The practice's GPs issue (one issue used) or
 * reject with a reason the patient reads.
 */
@Stateless
public class RepeatPrescriptionService {

    private static final Logger LOG = Logger.getLogger(RepeatPrescriptionService.class.getName());

    /** At most this many items in one request: a patient's whole repeat list, and no more. */
    static final int MOST_ITEMS = 20;

    public record NewRepeat(@Required @Text(max = 300) @Label("medicine") String medicine,
                            @Required @Text(max = 200) String dose,
                            @Required @Text(max = 100) String quantity,
                            @Required @Min(1) @Max(52) @Label("issues allowed") Integer issuesAllowed,
                            @Required @NotInPast @Label("medication review date") LocalDate reviewDate) {
    }

    /** One or more repeats asked for, with a note to the practice and the pharmacy (the nominated one when absent). */
    public record NewRepeatRequest(@Required @Items(max = MOST_ITEMS) List<Long> repeats,
                                   @Text(max = 500) String note,
                                   @Label("pharmacy ODS code") OdsCode pharmacyOdsCode) {
    }

    public record Rejection(@Required @Text(max = 500) String reason) {
    }

    public record Nomination(@Required @Label("pharmacy ODS code") OdsCode pharmacyOdsCode) {
    }

    /** A repeat as the patient and the practice see it, with whether it can be requested now and why not. */
    public record RepeatView(long id, String medicine, String dose, String quantity, int issuesAllowed, int issuesUsed, int issuesLeft,
                             LocalDate reviewDate, String authorisedBy, boolean requestPending, boolean requestable, String whyNot)
            implements Serializable {
    }

    /** A request and what became of it; for the practice's queue, with whose it is. */
    public record RequestView(long id, long repeatId, String medicine, String dose, String quantity, String status, Instant requestedAt,
                              String note, String pharmacyOdsCode, String decidedBy, Instant decidedAt, String rejectionReason,
                              String patientNhsNumber, String patientName, int issuesLeft) implements Serializable {

        static RequestView of(RepeatRequest request, String patientName) {
            RepeatTemplate repeat = request.template();
            return new RequestView(request.id(), repeat.id(), repeat.medicine(), repeat.dose(), repeat.quantity(),
                    request.status().name().toLowerCase(Locale.ROOT), request.requestedAt(), request.note(),
                    request.pharmacy().value(), request.decidedByName(), request.decidedAt(), request.rejectionReason(),
                    request.patient().value(), patientName, repeat.issuesLeft());
        }
    }

    @Inject
    RepeatPrescriptions prescriptions;

    @Inject
    PatientRepository patients;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PatientAccess patientAccess;

    @Inject
    PracticeLists practiceLists;

    @Inject
    UkClock clock;

    /** A GP of the patient's practice authorises a repeat. */
    @PatientDataAccess(resource = Resource.REPEAT_PRESCRIPTION, action = AuditAction.CREATE)
    public RepeatView authorise(NhsNumber patient, @Valid NewRepeat repeat) {
        Caller caller = gpAtTheirPractice(patient);
        RepeatTemplate template = new RepeatTemplate(patient, repeat.medicine().strip(), repeat.dose().strip(), repeat.quantity().strip(),
                repeat.issuesAllowed(), 0, repeat.reviewDate(), caller.organisation(), caller.username(), caller.displayName(), clock.now());
        prescriptions.add(template);
        patientAccess.note("repeat authorised");
        return view(template, Set.of());
    }

    /** The patient's repeats, each with whether it can be requested today and why not. */
    @PatientDataAccess(resource = Resource.REPEAT_PRESCRIPTION, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<RepeatView> repeatsOf(NhsNumber patient) {
        Set<Long> pending = new HashSet<>(prescriptions.pendingTemplateIds(patient));
        return prescriptions.templatesOf(patient).stream().map(template -> view(template, pending)).toList();
    }

    /**
     * The patient (or their proxy) requests repeats: all of them or none. Each must be theirs, still on repeat, before its
     * review date, with an issue left and no request pending; otherwise 409 with each reason.
     */
    @PatientDataAccess(resource = Resource.REPEAT_PRESCRIPTION, action = AuditAction.CREATE)
    public List<RequestView> request(NhsNumber patient, @Valid NewRepeatRequest request) {
        Caller caller = currentCaller.require();
        if (!caller.isPatient()) {
            throw new AccessDeniedException("Repeats are requested by the patient or someone acting for them; the practice issues them",
                    false);
        }
        Set<Long> wanted = new LinkedHashSet<>(request.repeats());
        if (wanted.isEmpty()) {
            throw InvalidInputException.of("repeats", "choose at least one repeat");
        }
        Map<Long, RepeatTemplate> found = prescriptions.templatesOf(patient, wanted).stream()
                .collect(Collectors.toMap(RepeatTemplate::id, Function.identity()));
        if (found.size() != wanted.size()) {
            throw InvalidInputException.of("repeats", "not all of these are your repeats; list them with GET /api/me/prescriptions");
        }
        OdsCode pharmacy = Optional.ofNullable(request.pharmacyOdsCode())
                .or(() -> prescriptions.nominationOf(patient).map(PharmacyNomination::pharmacy))
                .orElseThrow(() -> InvalidInputException.of("pharmacyOdsCode", "no pharmacy is nominated: name the pharmacy to send it to"));
        LocalDate today = clock.today();
        Set<Long> pending = new HashSet<>(prescriptions.pendingTemplateIds(patient));
        List<String> refusals = new ArrayList<>();
        for (Long id : wanted) {
            RepeatTemplate template = found.get(id);
            template.whyNotRequestable(today).or(() -> pending.contains(id)
                            ? Optional.of("a request for it is already waiting for your practice") : Optional.empty())
                    .ifPresent(why -> refusals.add(template.medicine() + ": " + why));
        }
        if (!refusals.isEmpty()) {
            throw new RepeatNotRequestableException(refusals);
        }
        Instant now = clock.now();
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        List<RequestView> made = new ArrayList<>();
        for (Long id : wanted) {
            RepeatRequest requested = new RepeatRequest(found.get(id), caller.username(), now, note, pharmacy);
            try {
                prescriptions.add(requested);
            } catch (PersistenceException e) {
                if (DatabaseFailures.isUniqueViolation(e)) {
                    throw new RepeatNotRequestableException(List.of(found.get(id).medicine()
                            + ": a request for it is already waiting for your practice"));
                }
                throw e;
            }
            made.add(RequestView.of(requested, null));
        }
        patientAccess.note(made.size() + " repeat(s) requested");
        LOG.info(() -> "Repeat requests " + made.stream().map(view -> Long.toString(view.id())).collect(Collectors.joining(",")));
        return made;
    }

    /** The patient's requests, newest first, with what became of each. */
    @PatientDataAccess(resource = Resource.REPEAT_PRESCRIPTION, action = AuditAction.HISTORY)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<RequestView> requestsOf(NhsNumber patient, PageRequest page) {
        List<RequestView> items = prescriptions.requestsOf(patient, page.firstResult(), page.size()).stream()
                .map(request -> RequestView.of(request, null)).toList();
        return new Page<>(items, page.page(), page.size(), prescriptions.countRequestsOf(patient));
    }

    /** The pharmacy the patient nominated, if any. */
    @PatientDataAccess(resource = Resource.REPEAT_PRESCRIPTION, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> nominatedPharmacy(NhsNumber patient) {
        return prescriptions.nominationOf(patient).map(nomination -> nomination.pharmacy().value());
    }

    /** The patient (or their proxy) nominates the pharmacy their prescriptions go to. */
    @PatientDataAccess(resource = Resource.REPEAT_PRESCRIPTION, action = AuditAction.WRITE)
    public String nominate(NhsNumber patient, @Valid Nomination nomination) {
        if (!currentCaller.require().isPatient()) {
            throw new AccessDeniedException("The patient nominates their pharmacy, in the app or at the pharmacy", false);
        }
        Instant now = clock.now();
        prescriptions.nominationOf(patient).ifPresentOrElse(existing -> existing.nominate(nomination.pharmacyOdsCode(), now),
                () -> prescriptions.add(new PharmacyNomination(patient, nomination.pharmacyOdsCode(), now)));
        patientAccess.note("pharmacy nominated");
        return nomination.pharmacyOdsCode().value();
    }

    /**
     * The practice's pending requests, oldest first, for its GPs. Each patient shown is on their own audit log: the queue
     * reads their name and their medicine.
     */
    @AccessDecidedInside("the practice's own queue: its registered patients, each patient listed audited as read")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<RequestView> queue(PageRequest page) {
        Caller caller = practiceGp();
        List<RepeatRequest> pending = prescriptions.pendingAt(caller.organisation(), page.firstResult(), page.size());
        Map<NhsNumber, String> names = practiceLists.namesShown(caller, pending.stream().map(RepeatRequest::patient).toList(),
                Resource.REPEAT_PRESCRIPTION, Purpose.DIRECT_CARE, PracticeLists.PracticeList.REPEAT_REQUESTS);
        List<RequestView> items = pending.stream().map(request -> RequestView.of(request, names.get(request.patient()))).toList();
        return new Page<>(items, page.page(), page.size(), prescriptions.countPendingAt(caller.organisation()));
    }

    /** A GP of the practice issues the request to the pharmacy named: one issue of the repeat is used. */
    @PatientDataAccess(resource = Resource.REPEAT_PRESCRIPTION, action = AuditAction.REVIEW)
    public RequestView issue(NhsNumber patient, long requestId) {
        Caller caller = gpAtTheirPractice(patient);
        RepeatRequest request = pendingRequest(caller, patient, requestId);
        if (request.template().issuesLeft() == 0) {
            throw new RepeatRequestDecidedException("no issues are left on this repeat: authorise it again, or reject the request");
        }
        request.issue(caller.displayName(), clock.now());
        patientAccess.note("repeat request " + requestId + " issued");
        return RequestView.of(request, null);
    }

    /** A GP of the practice rejects the request, with a reason the patient reads. */
    @PatientDataAccess(resource = Resource.REPEAT_PRESCRIPTION, action = AuditAction.REVIEW)
    public RequestView reject(NhsNumber patient, long requestId, @Valid Rejection rejection) {
        Caller caller = gpAtTheirPractice(patient);
        RepeatRequest request = pendingRequest(caller, patient, requestId);
        request.reject(caller.displayName(), rejection.reason().strip(), clock.now());
        patientAccess.note("repeat request " + requestId + " rejected");
        return RequestView.of(request, null);
    }

    private RepeatRequest pendingRequest(Caller caller, NhsNumber patient, long requestId) {
        RepeatRequest request = prescriptions.requestForDecision(caller.organisation(), requestId).filter(found -> found.patient().equals(patient))
                .orElseThrow(RepeatRequestNotFoundException::new);
        if (!request.pending()) {
            throw new RepeatRequestDecidedException("this request was " + request.status().name().toLowerCase(Locale.ROOT)
                    + " already");
        }
        return request;
    }

    private RepeatView view(RepeatTemplate template, Set<Long> pending) {
        Optional<String> whyNot = template.whyNotRequestable(clock.today())
                .or(() -> pending.contains(template.id()) ? Optional.of("a request for it is waiting for your practice") : Optional.empty());
        return new RepeatView(template.id(), template.medicine(), template.dose(), template.quantity(), template.issuesAllowed(),
                template.issuesUsed(), template.issuesLeft(), template.reviewDate(), template.authorisedByName(),
                pending.contains(template.id()), whyNot.isEmpty(), whyNot.orElse(null));
    }

    /** A GP of the practice the patient is registered with. */
    private Caller gpAtTheirPractice(NhsNumber patient) {
        Caller caller = practiceGp();
        Patient registered = patients.findByNhsNumber(patient).orElseThrow(PatientNotFoundException::new);
        if (!registered.gpPractice().equals(caller.organisation())) {
            throw new AccessDeniedException("Repeats are authorised and issued by the patient's own GP practice", false);
        }
        return caller;
    }

    private Caller practiceGp() {
        Caller caller = currentCaller.require();
        if (!caller.hasRole(StaffRole.GP)) {
            throw new AccessDeniedException("Repeats are authorised and issued by a GP of the patient's practice", false);
        }
        return caller;
    }

    /** One or more of the repeats asked for cannot be requested now: each with its reason. */
    public static class RepeatNotRequestableException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public RepeatNotRequestableException(List<String> reasons) {
            super(String.join("; ", reasons));
        }
    }

    public static class RepeatRequestDecidedException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public RepeatRequestDecidedException(String why) {
            super(sentence(why));
        }
    }

    public static class RepeatRequestNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public RepeatRequestNotFoundException() {
            super("Your practice has no repeat request of this patient with that id");
        }
    }
}

package uk.nhs.icr.sharedrecord.service;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;

import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.BreakGlassService;
import uk.nhs.icr.access.service.BreakGlassView;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientAccess;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.consent.Withholding;
import uk.nhs.icr.hospital.Allergy;
import uk.nhs.icr.hospital.BloodTestResult;
import uk.nhs.icr.hospital.ClinicalAlert;
import uk.nhs.icr.hospital.HospitalEntry;
import uk.nhs.icr.hospital.HospitalRecordRepository;
import uk.nhs.icr.access.Organisation;
import uk.nhs.icr.access.StaffDirectory;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Patient;
import uk.nhs.icr.patient.PatientRepository;
import uk.nhs.icr.patient.service.PatientDemographics;
import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.RecordQuery;
import uk.nhs.icr.sharedrecord.RecordSource;
import uk.nhs.icr.sharedrecord.RecordedEntry;
import uk.nhs.icr.socialcare.SocialCareEntry;
import uk.nhs.icr.socialcare.SocialCareRecordRepository;
import uk.nhs.icr.terminology.CodedTerms;
import uk.nhs.icr.terminology.LabTest;

/**
 * The shared record view: one timeline of the hospital and social care records, newest first, filtered
 * and paged, and the summary. Each read goes through the access decision point ({@link PatientDataAccess})
 * and is audited; each store is read in a fixed number of queries however long the record is.
 */
@Stateless
// reads join a caller's transaction and open none: a read of both databases pays no two-phase commit
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SharedRecordService {

    static final Comparator<RecordEntry> NEWEST_FIRST = Comparator.comparing(RecordEntry::occurredAt).reversed()
            .thenComparing(RecordEntry::source).thenComparing(Comparator.comparingLong(RecordEntry::id).reversed());

    @Inject
    PatientAccess patientAccess;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PatientRepository patients;

    @Inject
    StaffDirectory directory;

    @Inject
    UkClock clock;

    @Inject
    BreakGlassService breakGlass;

    @Inject
    HospitalRecordRepository hospital;

    @Inject
    SocialCareRecordRepository socialCare;

    @Inject
    CodedTerms codedTerms;

    @Inject
    AccessControl access;

    @PatientDataAccess(resource = Resource.SHARED_RECORD, action = AuditAction.READ)
    public RecordPage timeline(NhsNumber patient, TimelineQuery timeline) {
        Withholding withholding = patientAccess.withholding(patient);

        boolean wantHospital = timeline.wants(RecordSource.HOSPITAL);
        boolean wantSocial = timeline.wants(RecordSource.SOCIAL_CARE);
        RecordQuery query = new RecordQuery(timeline.types(), timeline.from(), timeline.to(), withholding.categories(),
                withholding.alwaysShown(), withholding.patientView());
        PageRequest request = timeline.page();
        int window = (request.page() + 1) * request.size();
        List<RecordEntry> merged = new ArrayList<>();
        long total = 0;
        if (withholding.withholdsEverything()) {
            wantHospital = false;
            wantSocial = false;
        }
        if (wantHospital) {
            hospital.newest(patient, query, window).forEach(entry -> merged.add(RecordEntry.of(entry)));
            total += hospital.count(patient, query);
        }
        if (wantSocial) {
            socialCare.newest(patient, query, window).forEach(entry -> merged.add(RecordEntry.of(entry)));
            total += socialCare.count(patient, query);
        }
        merged.sort(NEWEST_FIRST);
        List<RecordEntry> items = merged.subList(Math.min(request.firstResult(), merged.size()),
                Math.min(request.firstResult() + request.size(), merged.size()));
        Page<RecordEntry> result = new Page<>(named(items), request.page(), request.size(), total);
        return new RecordPage(result, somethingWithheld(patient, withholding));
    }

    /** What the patient page shows on opening: who the patient is, the summary, and the caller's break-glass grant if any. */
    public record OpenedRecord(PatientDemographics patient, RecordSummary summary, BreakGlassView activeGrant) implements Serializable {
    }

    /**
     * Opens the patient page in one access decision and one audit entry: the banner, the summary, and (in the
     * same request) the first timeline page.
     */
    @PatientDataAccess(resource = Resource.SHARED_RECORD, action = AuditAction.READ)
    public OpenedRecord open(NhsNumber patient) {
        PatientDemographics demographics = patients.findByNhsNumber(patient).map(PatientDemographics::of)
                .orElseThrow(PatientNotFoundException::new);
        return new OpenedRecord(demographics, summary(patient), breakGlass.activeGrant(patient).orElse(null));
    }

    /** The entries with their organisations named and their settings told, in one directory query. */
    private List<RecordEntry> named(List<RecordEntry> entries) {
        return named(entries, directory.organisations(entries.stream().map(RecordEntry::organisationOdsCode).collect(Collectors.toSet())));
    }

    private static List<RecordEntry> named(List<RecordEntry> entries, Map<String, Organisation> organisations) {
        return entries.stream().map(entry -> entry.named(organisations.get(entry.organisationOdsCode()))).toList();
    }

    /**
     * The banner of every page about a patient: who they are, and what the reader should know while reading (something
     * withheld from them, a break-glass grant). One read of the patient, on the request's one access decision.
     */
    @PatientDataAccess(resource = Resource.PATIENT, action = AuditAction.READ)
    public PatientBanner banner(NhsNumber patient) {
        Patient registered = patients.findByNhsNumber(patient).orElseThrow(PatientNotFoundException::new);
        Withholding withholding = patientAccess.withholding(patient);
        return PatientBanner.of(registered, directory.nameOf(registered.gpPractice()), somethingWithheld(patient, withholding),
                breakGlass.activeGrant(patient).map(BreakGlassView::expiresAt).orElse(null), clock.today());
    }

    /** One entry of either record, by source ({@code hospital} or {@code social-care}) and id. */
    @PatientDataAccess(resource = Resource.SHARED_RECORD, action = AuditAction.READ)
    public RecordEntry entry(NhsNumber patient, RecordSource source, long entryId) {
        Withholding withholding = patientAccess.withholding(patient);
        // a withheld entry is answered as an absent one: the reader is told elsewhere that something is withheld, never what
        return (source == RecordSource.HOSPITAL
                ? hospital.findEntry(patient, entryId).filter(found -> !withholding.withholds(found)).map(RecordEntry::of)
                : socialCare.findEntry(patient, entryId).filter(found -> !withholding.withholds(found)).map(RecordEntry::of))
                .orElseThrow(EntryNotFoundException::new);
    }

    /** Whether the patient sees an entry in their own view (and those acting for them do). */
    public record PatientView(@Required Boolean visible) {
    }

    /**
     * A professional caring for the patient marks an entry "not for patient view" (third-party information, or information
     * likely to cause serious harm to the patient or someone else), or shows it again. The entry stays in the record for
     * staff; the patient's own view leaves it out without saying so. Only an entry this reader can see.
     */
    @PatientDataAccess(resource = Resource.PATIENT_VIEW, action = AuditAction.WRITE)
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public RecordEntry showToPatient(NhsNumber patient, RecordSource source, long entryId, @Valid PatientView view) {
        Withholding withholding = access.withholdingFromStaff(currentCaller.require(), patient);
        RecordedEntry entry = (source == RecordSource.HOSPITAL ? hospital.findEntry(patient, entryId).map(RecordedEntry.class::cast)
                : socialCare.findEntry(patient, entryId).map(RecordedEntry.class::cast))
                .filter(found -> !withholding.withholds(found)).orElseThrow(EntryNotFoundException::new);
        entry.showToPatient(view.visible());
        patientAccess.note(source.code() + " entry " + entryId + (view.visible() ? " shown to the patient" : " not for patient view"));
        return entry instanceof HospitalEntry hospitalEntry ? RecordEntry.of(hospitalEntry) : RecordEntry.of((SocialCareEntry) entry);
    }

    /** No such entry in this patient's record. */
    public static class EntryNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public EntryNotFoundException() {
            super("This patient's record has no entry with that id");
        }
    }

    /** One value of a test over time, for a chart. */
    public record ResultPoint(Instant reportedAt, BigDecimal value, String unit, BigDecimal referenceLow,
                              BigDecimal referenceHigh, boolean abnormal) implements Serializable {
    }

    /** Charts show at most this many results of a test, the newest. */
    static final int MAX_RESULTS = 200;

    /** The results of one test (by its name, as in the summary), oldest first: at most the newest {@link #MAX_RESULTS}. */
    @PatientDataAccess(resource = Resource.SHARED_RECORD, action = AuditAction.READ)
    public List<ResultPoint> results(NhsNumber patient, @Required @Text(max = 200) String test) {
        String name = test.strip();
        RecordQuery query = query(patientAccess.withholding(patient));
        return hospital.resultsOf(patient, name, query, MAX_RESULTS).stream()
                .map(r -> new ResultPoint(r.occurredAt(), r.value(), r.unit(), r.referenceLow(), r.referenceHigh(), r.abnormal()))
                .toList();
    }

    /**
     * The patient's results as they read them, newest first: what is released to them (reviewed, or past the release
     * delay) and not withheld, each with its range in words, what the test is for and the clinician's comment.
     */
    @PatientDataAccess(resource = Resource.SHARED_RECORD, action = AuditAction.READ)
    public Page<PatientResult> resultsAsThePatientReadsThem(NhsNumber patient, PageRequest page) {
        Withholding withholding = patientAccess.withholding(patient);
        RecordQuery query = new RecordQuery(Set.of(EntryType.BLOOD_TEST), Optional.empty(), Optional.empty(), withholding.categories(),
                withholding.alwaysShown(), withholding.patientView());
        List<BloodTestResult> window = hospital.newest(patient, query, page.firstResult() + page.size()).stream()
                .skip(page.firstResult()).map(BloodTestResult.class::cast).toList();
        Map<String, LabTest> tests = codedTerms.labTestsNamed(window.stream().map(BloodTestResult::title).collect(Collectors.toSet()));
        Map<String, Organisation> organisations = directory.organisations(window.stream().map(result -> result.organisation().value())
                .collect(Collectors.toSet()));
        List<PatientResult> items = window.stream().map(result -> PatientResult.of(result, tests.get(result.title().toLowerCase(Locale.ROOT)),
                Optional.ofNullable(organisations.get(result.organisation().value())).map(Organisation::name)
                        .orElse(result.organisation().value()))).toList();
        return new Page<>(items, page.page(), page.size(), hospital.count(patient, query));
    }

    @PatientDataAccess(resource = Resource.SHARED_RECORD, action = AuditAction.READ)
    public RecordSummary summary(NhsNumber patient) {
        Withholding withholding = patientAccess.withholding(patient);
        RecordQuery query = query(withholding);
        boolean everything = withholding.withholdsEverything();

        List<HospitalEntry> current = everything ? List.of() : hospital.summaryEntries(patient, query);
        List<RecordEntry> results = everything ? List.of() : hospital.latestResults(patient, query).stream().map(RecordEntry::of).toList();
        List<SocialCareEntry> social = everything ? List.of() : socialCare.summaryEntries(patient, query);

        List<String> alerts = new ArrayList<>();
        current.stream().filter(Allergy.class::isInstance).map(Allergy.class::cast).forEach(allergy -> alerts.add(
                "Allergy: " + allergy.title() + (allergy.severity() == null ? "" : " (" + Codes.phrase(allergy.severity()) + ")")));
        current.stream().filter(ClinicalAlert.class::isInstance).forEach(alert -> alerts.add(alert.title() + ": " + alert.details()));
        prescriberWarning(patient, withholding).ifPresent(alerts::add);
        if (social.stream().anyMatch(entry -> entry.type() == EntryType.SAFEGUARDING_CONCERN)) {
            alerts.add("Safeguarding concern open");
        } else if (!withholding.alwaysShown().isEmpty() && socialCare.hasOpenSafeguardingConcern(patient)) {
            // the emergency minimum: the fact, not the concern, whatever the patient's directive withholds
            alerts.add("Safeguarding concern open (details withheld)");
        }
        // every organisation the summary names, in one directory query
        Set<String> codes = new HashSet<>();
        current.forEach(entry -> codes.add(entry.organisation().value()));
        social.forEach(entry -> codes.add(entry.organisation().value()));
        results.forEach(entry -> codes.add(entry.organisationOdsCode()));
        Map<String, Organisation> organisations = directory.organisations(codes);
        RecordEntry carePlan = social.stream().filter(entry -> entry.type() == EntryType.CARE_PLAN).findFirst()
                .map(RecordEntry::of).map(entry -> entry.named(organisations.get(entry.organisationOdsCode()))).orElse(null);
        return new RecordSummary(alerts, named(onceEach(current, EntryType.PROBLEM), organisations),
                named(onceEach(current, EntryType.MEDICATION), organisations), named(onceEach(current, EntryType.ALLERGY), organisations),
                named(results, organisations), named(ofType(current, EntryType.ENCOUNTER), organisations), carePlan,
                named(social.stream().filter(entry -> entry.type() == EntryType.SAFEGUARDING_CONCERN).map(RecordEntry::of).toList(),
                        organisations),
                somethingWithheld(patient, withholding));
    }

    /** All of a record but what this reader may not see. */
    private static RecordQuery query(Withholding withholding) {
        return RecordQuery.withholding(withholding.categories(), withholding.alwaysShown(), withholding.patientView());
    }

    /**
     * A prescriber the patient's directive keeps from their own active prescriptions is told so, not silently blinded:
     * they stay responsible for them (hazard H-030).
     */
    private Optional<String> prescriberWarning(NhsNumber patient, Withholding withholding) {
        Caller caller = currentCaller.require();
        if (caller.isPatient() || !withholding.withholdsAnything() || !withholding.told()) {
            return Optional.empty();
        }
        long withheld = hospital.activeMedicationsPrescribedBy(patient, caller.username(), withholding.categories());
        return withheld == 0 ? Optional.empty() : Optional.of("Prescribing: " + withheld + " active medication" + (withheld == 1 ? "" : "s")
                + " you prescribed " + (withheld == 1 ? "is" : "are") + " withheld from you by the patient's consent directive;"
                + " review them with the patient before prescribing");
    }

    /** Whether the reader is told they miss anything: some entry of either record is in a withheld category. */
    private boolean somethingWithheld(NhsNumber patient, Withholding withholding) {
        return somethingWithheld(patient, withholding, hospital, socialCare);
    }

    /** Whether this reader is to be told that something is withheld: only when they are told, and something is. */
    static boolean somethingWithheld(NhsNumber patient, Withholding withholding, HospitalRecordRepository hospital,
                                     SocialCareRecordRepository socialCare) {
        if (!withholding.withholdsAnything() || !withholding.told()) {
            return false;
        }
        Set<DataCategory> categories = withholding.categories();
        return hospital.countInCategories(patient, categories) + socialCare.countInCategories(patient, categories) > 0;
    }

    /**
     * The entries of one kind, each condition, medicine or allergy once: the GP and the hospital often record the same
     * one, and a list that shows it twice reads as two. A condition is the same by its name; a medicine or an allergy
     * only when its details match too (two doses of warfarin are two prescriptions, and must show as two). The
     * earliest is kept, so its date is the onset or start.
     */
    static List<RecordEntry> onceEach(List<HospitalEntry> entries, EntryType type) {
        Map<String, RecordEntry> once = new LinkedHashMap<>();
        entries.stream().filter(entry -> entry.type() == type).map(RecordEntry::of)
                .sorted(Comparator.comparing(RecordEntry::occurredAt))
                .forEach(entry -> once.putIfAbsent(sameness(entry), entry));
        return once.values().stream().sorted(Comparator.comparing(RecordEntry::occurredAt).reversed()).toList();
    }

    private static String sameness(RecordEntry entry) {
        String name = entry.title().strip().toLowerCase(Locale.UK);
        return entry.type() == EntryType.PROBLEM ? name : name + "|" + (entry.summary() == null ? "" : entry.summary().strip());
    }

    private static List<RecordEntry> ofType(List<HospitalEntry> entries, EntryType type) {
        return entries.stream().filter(entry -> entry.type() == type).map(RecordEntry::of).toList();
    }

}

package uk.nhs.icr.hospital.service;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.AccessDecidedInside;
import uk.nhs.icr.access.service.AccessDecision;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientAccess;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.PracticeLists;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.consent.Withholding;
import uk.nhs.icr.hospital.Allergy;
import uk.nhs.icr.hospital.BloodTestResult;
import uk.nhs.icr.hospital.HospitalEntry;
import uk.nhs.icr.hospital.HospitalRecordRepository;
import uk.nhs.icr.hospital.Medication;
import uk.nhs.icr.hospital.Problem;
import uk.nhs.icr.hospital.TreatmentPlan;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.platform.validation.Amount;
import uk.nhs.icr.platform.validation.InOrder;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.NotInFuture;
import uk.nhs.icr.platform.validation.NotInPast;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.SensitiveContent;
import uk.nhs.icr.sharedrecord.service.PatientResult;
import uk.nhs.icr.sharedrecord.service.RecordEntry;
import uk.nhs.icr.sharedrecord.service.RecordWriter;
import uk.nhs.icr.sharedrecord.service.SharedRecordService;
import uk.nhs.icr.terminology.ClinicalFinding;
import uk.nhs.icr.terminology.CodedTerms;
import uk.nhs.icr.terminology.LabTest;

/**
 * Clinicians' writes to the hospital record: blood-test results, problems, medications, allergies and
 * treatment plans. Each command is checked (Bean Validation) once access for its kind of entry is granted,
 * and stored with the caller as author.
 */
@Stateless
public class HospitalRecordService {

    /**
     * category: as for problems; a test that reveals a sensitive condition (a lithium level, an HIV viral load) is
     * filed under it whatever is chosen ({@link SensitiveContent}).
     */
    @InOrder(earlier = "referenceLow", later = "referenceHigh", mayBeEqual = true, message = "must not be below reference low")
    public record NewBloodTest(@Required @Text(max = 200) String test,
                               @Required @Amount BigDecimal value,
                               @Required @Text(max = 30) String unit,
                               @Amount BigDecimal referenceLow,
                               @Amount BigDecimal referenceHigh,
                               @Required @NotInFuture @Label("reported time") Instant reportedAt,
                               DataCategory category,
                               @Text(max = 200) @Label("requested by") String requestedBy) {
    }

    /**
     * category: a sensitive data category consent may withhold (mental health, sexual health, ...); when absent, the
     * category of the coded finding (depression: mental health), else general.
     */
    public record NewProblem(@Required @Pattern(regexp = "[1-9][0-9]{5,17}", message = "must be 6 to 18 digits")
                             @Label("SNOMED CT code") String snomedCode,
                             @Required @Text(max = 300) String display,
                             @Required @NotInFuture Instant onset,
                             ProblemStatus status,
                             @Text(max = 4000) String notes,
                             DataCategory category) {
    }

    /** category: as for problems; a medicine that reveals a sensitive condition (lithium, methadone) is filed under it. */
    public record NewMedication(@Required @Text(max = 300) @Label("medication name") String name,
                                @Required @Text(max = 100) String dose,
                                @Required @Text(max = 50) String route,
                                @Required @Text(max = 100) String frequency,
                                @Required Medication.Course course,
                                @Required @NotInFuture @Label("start") Instant startedAt,
                                DataCategory category) {
    }

    public record NewAllergy(@Required @Text(max = 300) String substance,
                             @Required @Text(max = 200) String reaction,
                             @Required Allergy.Severity severity,
                             @Required @NotInFuture @Label("noted time") Instant notedAt) {
    }

    public record NewTreatmentPlan(@Required @Text(max = 300) String title,
                                   @Required @Text(max = 2000) String goals,
                                   @Required @Text(max = 2000) String activities,
                                   @Required @Text(max = 200) String responsibleClinician,
                                   @Required @NotInPast LocalDate reviewDate) {
    }

    /** A clinician's review of a result, with what they want the patient to read beside it. */
    public record ResultReview(@Text(max = 500) String comment) {
    }

    /** What a clinician may say of a problem they record. */
    public enum ProblemStatus {
        ACTIVE(EntryStatus.ACTIVE), RESOLVED(EntryStatus.RESOLVED);

        private final EntryStatus stored;

        ProblemStatus(EntryStatus stored) {
            this.stored = stored;
        }
    }

    @Inject
    RecordWriter writer;

    @Inject
    HospitalRecordRepository record;

    @Inject
    CodedTerms codes;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PatientAccess patientAccess;

    @Inject
    AccessControl access;

    @Inject
    PracticeLists practiceLists;

    /** How long a result nobody has reviewed is held back from the patient (ICR_RESULT_RELEASE_DELAY). */
    @Inject
    @ConfigProperty(name = "icr.result-release-delay", defaultValue = "P7D")
    Duration resultReleaseDelay;

    @PatientDataAccess(resource = Resource.BLOOD_TEST, action = AuditAction.WRITE)
    public RecordEntry recordBloodTest(NhsNumber patient, @Valid NewBloodTest result) {
        codes.labTest(result.test()).ifPresent(test -> checkAgainst(test, result));
        DataCategory category = category(result.category(), result.test());
        BloodTestResult recorded = new BloodTestResult(patient, result.test(), result.value(), result.unit(), result.referenceLow(),
                result.referenceHigh(), result.reportedAt(), writer.author(), writer.now());
        recorded.requestedBy(result.requestedBy());
        recorded.holdForReview(resultReleaseDelay);
        return store(recorded, category);
    }

    /**
     * A clinician reviews a result: it reaches the patient now if it was still held back, with their comment if they
     * wrote one. A result is reviewed once.
     */
    @PatientDataAccess(resource = Resource.RESULT_REVIEW, action = AuditAction.REVIEW)
    public RecordEntry reviewResult(NhsNumber patient, long resultId, @Valid ResultReview review) {
        Caller caller = currentCaller.require();
        // a result the patient's directive keeps from this clinician is not theirs to review: answered as absent
        Withholding withholding = access.withholdingFromStaff(caller, patient);
        BloodTestResult result = record.findResultForReview(patient, resultId).filter(found -> !withholding.withholds(found))
                .orElseThrow(SharedRecordService.EntryNotFoundException::new);
        if (result.reviewed()) {
            throw new ResultAlreadyReviewedException();
        }
        result.review(caller.username(), caller.displayName(), review.comment(), writer.now());
        patientAccess.note("result " + resultId + " reviewed");
        return RecordEntry.of(result);
    }

    /** A result in the practice's queue: whose, what, and until when it is held back from them. */
    public record ResultToReview(long id, String patientNhsNumber, String patientName, String test, BigDecimal value, String unit,
                                 String inWords, Instant reportedAt, Instant heldUntil) implements Serializable {
    }

    /**
     * The results of the practice's patients still to be reviewed, oldest first (its GPs). Results filed under a sensitive
     * category are left out of the list (the patient's directive applies to them: they are reviewed from the patient's
     * record). Each patient listed is on their own audit log as read.
     */
    @AccessDecidedInside("the practice's own queue: its registered patients, each patient listed audited as read")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<ResultToReview> resultsAwaitingReview(PageRequest page) {
        Caller caller = currentCaller.require();
        if (!caller.hasRole(StaffRole.GP)) {
            throw new AccessDeniedException("The practice's GPs review its results", false);
        }
        List<BloodTestResult> waiting = record.awaitingReviewAt(caller.organisation(), DataCategory.SENSITIVE, page.firstResult(),
                page.size());
        Map<NhsNumber, String> names = practiceLists.namesShown(caller, waiting.stream().map(BloodTestResult::patient).toList(),
                Resource.RESULT_REVIEW, AccessDecision.Purpose.DIRECT_CARE, PracticeLists.PracticeList.RESULTS_TO_REVIEW);
        List<ResultToReview> items = waiting.stream().map(result -> new ResultToReview(result.id(), result.patient().value(),
                names.get(result.patient()), result.title(), result.value(), result.unit(), PatientResult.inWords(result), result.occurredAt(),
                result.releasedToPatientAt())).toList();
        return new Page<>(items, page.page(), page.size(), record.countAwaitingReviewAt(caller.organisation(), DataCategory.SENSITIVE));
    }

    /** The result was reviewed already: by whom and when is on the record. */
    public static class ResultAlreadyReviewedException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public ResultAlreadyReviewedException() {
            super("This result has been reviewed already");
        }
    }

    @PatientDataAccess(resource = Resource.PROBLEM, action = AuditAction.WRITE)
    public RecordEntry recordProblem(NhsNumber patient, @Valid NewProblem problem) {
        ProblemStatus status = problem.status() == null ? ProblemStatus.ACTIVE : problem.status();
        return store(new Problem(patient, problem.snomedCode(), problem.display(), problem.onset(), status.stored, writer.author(),
                writer.now(), problem.notes()), category(codedCategory(problem), problem.display()));
    }

    @PatientDataAccess(resource = Resource.MEDICATION, action = AuditAction.WRITE)
    public RecordEntry recordMedication(NhsNumber patient, @Valid NewMedication medication) {
        DataCategory category = category(medication.category(), medication.name());
        return store(new Medication(patient, medication.name(), medication.dose(), medication.route(), medication.frequency(),
                medication.course(), EntryStatus.ACTIVE, medication.startedAt(), writer.author(), writer.now()), category);
    }

    @PatientDataAccess(resource = Resource.ALLERGY, action = AuditAction.WRITE)
    public RecordEntry recordAllergy(NhsNumber patient, @Valid NewAllergy allergy) {
        return store(new Allergy(patient, allergy.substance(), allergy.reaction(), allergy.severity(), allergy.notedAt(),
                writer.author(), writer.now()));
    }

    @PatientDataAccess(resource = Resource.TREATMENT_PLAN, action = AuditAction.WRITE)
    public RecordEntry recordTreatmentPlan(NhsNumber patient, @Valid NewTreatmentPlan plan) {
        Instant now = writer.now();
        return store(new TreatmentPlan(patient, plan.title(), plan.goals(), plan.activities(), plan.responsibleClinician(),
                plan.reviewDate(), now, writer.author(), now));
    }

    /**
     * A result of a test ICR knows is in that test's unit and a value the test can have: a potassium of -3 or of 45 is a
     * typing or unit error that would mislead every reader of the record, so it is refused, not stored.
     */
    private static void checkAgainst(LabTest test, NewBloodTest result) {
        if (!sameUnit(test.unit(), result.unit())) {
            throw InvalidInputException.of("unit", test.name() + " is reported in " + test.unit() + ", not " + result.unit().strip());
        }
        if (!test.plausible(result.value())) {
            throw InvalidInputException.of("value", test.name() + " cannot be " + result.value().toPlainString() + " " + test.unit()
                    + ": a result lies between " + test.plausibleLow().stripTrailingZeros().toPlainString() + " and "
                    + test.plausibleHigh().stripTrailingZeros().toPlainString() + "; check the value");
        }
    }

    /**
     * The category a problem is filed under: a coded finding brings its own (depression is mental health), by its code or
     * by its term as written, and the most sensitive of those and the clinician's choice wins: a choice may raise the
     * category, never lower it (an explicit "general" does not make a depression general).
     */
    private DataCategory codedCategory(NewProblem problem) {
        return Stream.of(Optional.ofNullable(problem.category()), codes.finding(problem.snomedCode()).map(ClinicalFinding::category),
                        codes.findingNamed(problem.display()).map(ClinicalFinding::category))
                .flatMap(Optional::stream)
                .filter(category -> category != DataCategory.GENERAL)
                .findFirst()
                .orElse(problem.category());
    }

    /** Units as people type them: case aside, and micro written as u or µ. */
    private static boolean sameUnit(String known, String typed) {
        return known.replace('µ', 'u').equalsIgnoreCase(typed.strip().replace('µ', 'u').replace('μ', 'u'));
    }

    /**
     * A hospital entry's data category: the sensitive one chosen or revealed by what it names, otherwise general
     * (social care is not a hospital category).
     */
    private static DataCategory category(DataCategory chosen, String name) {
        if (chosen == DataCategory.SOCIAL_CARE) {
            throw InvalidInputException.of("category", "social care is the social care record's category, not a hospital entry's");
        }
        return SensitiveContent.fileUnder(chosen, name);
    }

    private RecordEntry store(HospitalEntry entry, DataCategory category) {
        entry.fileUnder(category);
        return store(entry);
    }

    private RecordEntry store(HospitalEntry entry) {
        record.add(entry);
        record.flush();
        return RecordEntry.of(entry);
    }
}

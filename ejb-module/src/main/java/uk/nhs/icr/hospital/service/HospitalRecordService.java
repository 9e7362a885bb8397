package uk.nhs.icr.hospital.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.hospital.Allergy;
import uk.nhs.icr.hospital.BloodTestResult;
import uk.nhs.icr.hospital.HospitalEntry;
import uk.nhs.icr.hospital.HospitalRecordRepository;
import uk.nhs.icr.hospital.Medication;
import uk.nhs.icr.hospital.Problem;
import uk.nhs.icr.hospital.TreatmentPlan;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.Fields;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.service.RecordEntry;
import uk.nhs.icr.sharedrecord.service.RecordWriter;

/**
 * Clinicians' writes to the hospital record: blood-test results, problems, medications, allergies and
 * treatment plans. Forms carry fields as typed; each method validates, checks access for its kind of
 * entry, and stores it with the caller as author.
 */
@Stateless
public class HospitalRecordService {

    public record BloodTestForm(String test, String value, String unit, String referenceLow, String referenceHigh, String reportedAt) {
    }

    /** category: optional, a sensitive data category consent may withhold (mental_health, sexual_health, ...); default general. */
    public record ProblemForm(String snomedCode, String display, String onset, String status, String notes, String category) {
    }

    /** category: as for problems. */
    public record MedicationForm(String name, String dose, String route, String frequency, String course, String startedAt,
                                 String category) {
    }

    public record AllergyForm(String substance, String reaction, String severity, String notedAt) {
    }

    public record TreatmentPlanForm(String title, String goals, String activities, String responsibleClinician, String reviewDate) {
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

    @PatientDataAccess(resource = Resource.BLOOD_TEST, action = AuditAction.WRITE)
    public RecordEntry recordBloodTest(NhsNumber patient, BloodTestForm form) {
        FieldErrors errors = new FieldErrors();
        BloodTestForm f = form == null ? new BloodTestForm(null, null, null, null, null, null) : form;
        String test = errors.parse("test", f.test(), Fields.text("test", 200));
        BigDecimal value = errors.parse("value", f.value(), Fields.decimal("value", true));
        String unit = errors.parse("unit", f.unit(), Fields.text("unit", 30));
        BigDecimal low = errors.parse("referenceLow", f.referenceLow(), Fields.decimal("reference low", false));
        BigDecimal high = errors.parse("referenceHigh", f.referenceHigh(), Fields.decimal("reference high", false));
        Instant reported = errors.parse("reportedAt", f.reportedAt(), Fields.pastInstant("reported time", writer.now()));
        if (low != null && high != null && low.compareTo(high) > 0) {
            errors.add("referenceHigh", "reference high must not be below reference low");
        }
        EntryAuthor author = writer.author(errors);
        return store(new BloodTestResult(patient, test, value, unit, low, high, reported, author, writer.now()));
    }

    @PatientDataAccess(resource = Resource.PROBLEM, action = AuditAction.WRITE)
    public RecordEntry recordProblem(NhsNumber patient, ProblemForm form) {
        FieldErrors errors = new FieldErrors();
        ProblemForm f = form == null ? new ProblemForm(null, null, null, null, null, null) : form;
        String code = errors.parse("snomedCode", f.snomedCode(), value -> {
            String text = Fields.text("SNOMED CT code", 18).apply(value);
            if (!text.matches("[1-9][0-9]{5,17}")) {
                throw new InvalidValueException("SNOMED CT code must be 6 to 18 digits");
            }
            return text;
        });
        String display = errors.parse("display", f.display(), Fields.text("display", 300));
        Instant onset = errors.parse("onset", f.onset(), Fields.pastInstant("onset", writer.now()));
        ProblemStatus status = f.status() == null || f.status().isBlank() ? ProblemStatus.ACTIVE
                : errors.parse("status", f.status(), Fields.oneOf("status", ProblemStatus.class));
        String notes = errors.parse("notes", f.notes(), Fields.optionalText("notes", 4000));
        DataCategory category = errors.parse("category", f.category(), HospitalRecordService::category);
        EntryAuthor author = writer.author(errors);
        return store(new Problem(patient, code, display, onset, status.stored, author, writer.now(), notes), category);
    }

    @PatientDataAccess(resource = Resource.MEDICATION, action = AuditAction.WRITE)
    public RecordEntry recordMedication(NhsNumber patient, MedicationForm form) {
        FieldErrors errors = new FieldErrors();
        MedicationForm f = form == null ? new MedicationForm(null, null, null, null, null, null, null) : form;
        String name = errors.parse("name", f.name(), Fields.text("medication name", 300));
        String dose = errors.parse("dose", f.dose(), Fields.text("dose", 100));
        String route = errors.parse("route", f.route(), Fields.text("route", 50));
        String frequency = errors.parse("frequency", f.frequency(), Fields.text("frequency", 100));
        Medication.Course course = errors.parse("course", f.course(), Fields.oneOf("course", Medication.Course.class));
        Instant started = errors.parse("startedAt", f.startedAt(), Fields.pastInstant("start", writer.now()));
        DataCategory category = errors.parse("category", f.category(), HospitalRecordService::category);
        EntryAuthor author = writer.author(errors);
        return store(new Medication(patient, name, dose, route, frequency, course, EntryStatus.ACTIVE, started, author, writer.now()),
                category);
    }

    @PatientDataAccess(resource = Resource.ALLERGY, action = AuditAction.WRITE)
    public RecordEntry recordAllergy(NhsNumber patient, AllergyForm form) {
        FieldErrors errors = new FieldErrors();
        AllergyForm f = form == null ? new AllergyForm(null, null, null, null) : form;
        String substance = errors.parse("substance", f.substance(), Fields.text("substance", 300));
        String reaction = errors.parse("reaction", f.reaction(), Fields.text("reaction", 200));
        Allergy.Severity severity = errors.parse("severity", f.severity(), Fields.oneOf("severity", Allergy.Severity.class));
        Instant noted = errors.parse("notedAt", f.notedAt(), Fields.pastInstant("noted time", writer.now()));
        EntryAuthor author = writer.author(errors);
        return store(new Allergy(patient, substance, reaction, severity, noted, author, writer.now()));
    }

    @PatientDataAccess(resource = Resource.TREATMENT_PLAN, action = AuditAction.WRITE)
    public RecordEntry recordTreatmentPlan(NhsNumber patient, TreatmentPlanForm form) {
        FieldErrors errors = new FieldErrors();
        TreatmentPlanForm f = form == null ? new TreatmentPlanForm(null, null, null, null, null) : form;
        String title = errors.parse("title", f.title(), Fields.text("title", 300));
        String goals = errors.parse("goals", f.goals(), Fields.text("goals", 2000));
        String activities = errors.parse("activities", f.activities(), Fields.text("activities", 2000));
        String clinician = errors.parse("responsibleClinician", f.responsibleClinician(), Fields.text("responsible clinician", 200));
        LocalDate review = writer.reviewDate(f.reviewDate(), errors);
        EntryAuthor author = writer.author(errors);
        Instant now = writer.now();
        return store(new TreatmentPlan(patient, title, goals, activities, clinician, review, now, author, now));
    }

    /** A hospital entry's data category: general unless a sensitive one is chosen (social care is not a hospital category). */
    private static DataCategory category(String value) {
        if (value == null || value.isBlank()) {
            return DataCategory.GENERAL;
        }
        DataCategory category = Fields.oneOf("category", DataCategory.class).apply(value);
        if (category == DataCategory.SOCIAL_CARE) {
            throw new InvalidValueException("social care is the social care record's category, not a hospital entry's");
        }
        return category;
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

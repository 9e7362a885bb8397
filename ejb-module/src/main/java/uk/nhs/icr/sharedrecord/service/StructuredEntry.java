package uk.nhs.icr.sharedrecord.service;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import uk.nhs.icr.hospital.Allergy;
import uk.nhs.icr.hospital.BloodTestResult;
import uk.nhs.icr.hospital.Encounter;
import uk.nhs.icr.hospital.HospitalEntry;
import uk.nhs.icr.hospital.Medication;
import uk.nhs.icr.hospital.Problem;
import uk.nhs.icr.hospital.TreatmentPlan;
import uk.nhs.icr.socialcare.CarePlan;
import uk.nhs.icr.socialcare.CareVisit;
import uk.nhs.icr.socialcare.MedicationAdministration;
import uk.nhs.icr.socialcare.SocialCareEntry;

/**
 * One entry of a patient's record ({@code patient}: the NHS number) with what its kind records beyond its timeline line
 * ({@link RecordEntry}): the free text, when it was
 * recorded, its SNOMED CT code where known, and the fields of its kind ({@link Detail}). For interfaces that carry
 * structure, such as FHIR; kinds without fields of their own carry {@link Narrative}.
 */
public record StructuredEntry(String patient, RecordEntry entry, Instant recordedAt, String details, String snomedCode, Detail detail)
        implements Serializable {

    /** What an entry's kind records of its own. */
    public sealed interface Detail extends Serializable
            permits LabResult, MedicineTaken, Reaction, Stay, Plan, Visit, MedicineGiven, Narrative {
    }

    /** A blood test's value against its reference range; {@code flag} LOW, NORMAL or HIGH when the lab gave one. */
    public record LabResult(BigDecimal value, String unit, BigDecimal referenceLow, BigDecimal referenceHigh, String flag,
                            String requestedBy, Instant reviewedAt, String reviewedBy) implements Detail {
    }

    /** A medicine the patient takes: {@code course} ACUTE or REPEAT. */
    public record MedicineTaken(String dose, String route, String frequency, String course) implements Detail {
    }

    /** An allergy's reaction and severity (MILD, MODERATE, SEVERE). */
    public record Reaction(String reaction, String severity) implements Detail {
    }

    /** An encounter's kind (OUTPATIENT, ADMISSION, DISCHARGE, EMERGENCY) and end; a care visit is kind CARE_VISIT. */
    public record Stay(String kind, Instant endedAt) implements Detail {
    }

    /** A treatment plan or a social care plan: what it aims at, what is done, by whom, and when it is reviewed. */
    public record Plan(String goals, String activities, String responsible, LocalDate reviewDate) implements Detail {
    }

    /** A home care visit as planned and as it happened, and what was done. */
    public record Visit(Instant plannedStart, Instant plannedEnd, Instant actualStart, Instant actualEnd, String tasksDone,
                        String careWorker) implements Detail {
    }

    /** A dose on the medication administration record: its outcome (GIVEN, REFUSED, MISSED, ...) and when it was due. */
    public record MedicineGiven(String outcome, Instant dueAt, String witnessName) implements Detail {
    }

    /** Nothing beyond the title, the summary and the free text. */
    public record Narrative() implements Detail {
    }

    /** A hospital entry as it stands; {@code labCode}: the SNOMED CT code of a blood test's name, when ICR knows it. */
    static StructuredEntry of(HospitalEntry entry, String labCode) {
        Detail detail = new Narrative();
        String code = null;
        if (entry instanceof BloodTestResult result) {
            detail = new LabResult(result.value(), result.unit(), result.referenceLow(), result.referenceHigh(),
                    result.flag() == null ? null : result.flag().name(), result.requestedByName(), result.reviewedAt(),
                    result.reviewedByName());
            code = labCode;
        } else if (entry instanceof Problem problem) {
            code = problem.snomedCode();
        } else if (entry instanceof Medication medicine) {
            detail = new MedicineTaken(medicine.dose(), medicine.route(), medicine.frequency(),
                    medicine.course() == null ? null : medicine.course().name());
        } else if (entry instanceof Allergy allergy) {
            detail = new Reaction(allergy.reaction(), allergy.severity() == null ? null : allergy.severity().name());
        } else if (entry instanceof Encounter encounter) {
            detail = new Stay(encounter.kind() == null ? null : encounter.kind().name(), encounter.endedAt());
        } else if (entry instanceof TreatmentPlan plan) {
            detail = new Plan(plan.goals(), plan.activities(), plan.responsibleClinician(), plan.reviewDate());
        }
        return new StructuredEntry(entry.patient().value(), RecordEntry.of(entry), entry.recordedAt(), entry.details(), code, detail);
    }

    static StructuredEntry of(SocialCareEntry entry) {
        Detail detail = new Narrative();
        if (entry instanceof CarePlan plan) {
            detail = new Plan(plan.outcomes(), plan.services(), null, plan.reviewDate());
        } else if (entry instanceof CareVisit visit) {
            detail = new Visit(visit.plannedStart(), visit.plannedEnd(), visit.actualStart(), visit.actualEnd(), visit.tasksDone(),
                    visit.careWorker());
        } else if (entry instanceof MedicationAdministration dose) {
            detail = new MedicineGiven(dose.outcome() == null ? null : dose.outcome().name(), dose.dueAt(), dose.witnessName());
        }
        return new StructuredEntry(entry.patient().value(), RecordEntry.of(entry), entry.recordedAt(), entry.details(), null, detail);
    }

    /** This entry with its organisation named (see {@link RecordEntry#named}). */
    StructuredEntry withEntry(RecordEntry named) {
        return new StructuredEntry(patient, named, recordedAt, details, snomedCode, detail);
    }

    /** Clinical text: keep it out of logs. */
    @Override
    public String toString() {
        return "StructuredEntry[" + entry + "]";
    }
}

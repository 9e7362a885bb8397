package uk.nhs.icr.socialcare;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;

/** One line of the medication administration record (eMAR): what was due, and whether it was given. */
@Entity
@DiscriminatorValue(EntryType.Stored.MEDICATION_ADMINISTRATION)
public class MedicationAdministration extends SocialCareEntry {

    public enum Outcome {
        GIVEN(EntryStatus.GIVEN), REFUSED(EntryStatus.REFUSED), MISSED(EntryStatus.MISSED), NOT_REQUIRED(EntryStatus.NOT_REQUIRED),
        /** Out of stock, or not delivered: the pharmacy and the coordinator need to know. */
        NOT_AVAILABLE(EntryStatus.NOT_AVAILABLE),
        /** The person took it themselves, as their care plan says they may. */
        SELF_ADMINISTERED(EntryStatus.SELF_ADMINISTERED);

        private final EntryStatus status;

        Outcome(EntryStatus status) {
            this.status = status;
        }
    }

    @Column(name = "medication")
    private String medication;

    @Column(name = "dose")
    private String dose;

    @Enumerated(EnumType.STRING)
    @Column(name = "administration")
    private Outcome outcome;

    /** The MAR chart's medicine this dose answers; null for an entry recorded before the chart (free text). */
    @Column(name = "care_medicine_id", updatable = false)
    private Long careMedicineId;

    /** The time the dose was due; null for an as-required dose. One dose of a medicine is recorded once. */
    @Column(name = "due_at", updatable = false)
    private Instant dueAt;

    @Column(name = "witness_username", updatable = false)
    private String witnessUsername;

    @Column(name = "witness_name", updatable = false)
    private String witnessName;

    protected MedicationAdministration() {
        // for JPA
    }

    public MedicationAdministration(NhsNumber person, String medication, String dose, Outcome outcome, Instant at,
                                    EntryAuthor author, Instant recordedAt) {
        super(EntryType.MEDICATION_ADMINISTRATION, person, at, author, recordedAt,
                "Medication " + Codes.phrase(outcome), outcome.status, null);
        this.medication = medication;
        this.dose = dose;
        this.outcome = outcome;
    }

    private MedicationAdministration(CareMedicine medicine, Outcome outcome, Instant at, String note, EntryAuthor author,
                                     Instant recordedAt) {
        super(EntryType.MEDICATION_ADMINISTRATION, medicine.person(), medicine.category(), at, author, recordedAt,
                "Medication " + Codes.phrase(outcome), outcome.status, note);
        this.medication = medicine.medicine();
        this.dose = medicine.dose();
        this.outcome = outcome;
    }

    /** A line of the MAR chart: a dose of one of the person's care medicines, due at a time (or as required), with its outcome. */
    public static MedicationAdministration ofDose(CareMedicine medicine, Instant dueAt, Outcome outcome, Instant at, String note,
                                                  EntryAuthor author, EntryAuthor witness, Instant recordedAt) {
        MedicationAdministration dose = new MedicationAdministration(medicine, outcome, at, note, author, recordedAt);
        dose.careMedicineId = medicine.id();
        dose.dueAt = dueAt;
        if (witness != null) {
            dose.witnessUsername = witness.username();
            dose.witnessName = witness.name();
        }
        return dose;
    }

    public Long careMedicineId() { return careMedicineId; }
    public Instant dueAt() { return dueAt; }
    public Outcome outcome() { return outcome; }
    public String witnessName() { return witnessName; }

    @Override
    public String summary() {
        return joined(medication, dose, witnessName == null ? null : "witnessed by " + witnessName, details());
    }
}

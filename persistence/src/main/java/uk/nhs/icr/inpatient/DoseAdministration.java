package uk.nhs.icr.inpatient;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import uk.nhs.icr.sharedrecord.EntryAuthor;

/**
 * A dose on the ward medicines chart: given (how much, when, by which nurse, witnessed by whom for a controlled drug), not given
 * with a reason, or delayed and given later on the same line. One line per prescription and due time (a database constraint),
 * so a dose is never recorded, or given, twice.
 */
@Entity
@Table(name = "medicine_administration")
public class DoseAdministration {

    public enum Outcome { GIVEN, NOT_GIVEN, DELAYED }

    /** Why a dose was not given: the reason codes of a paper drug chart. */
    public enum Reason { PATIENT_REFUSED, NIL_BY_MOUTH, NOT_AVAILABLE, PATIENT_AWAY, CLINICAL_REASON }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "prescription_id", nullable = false, updatable = false)
    private Long prescriptionId;

    @Column(name = "due_at", nullable = false, updatable = false)
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false)
    private Outcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason")
    private Reason reason;

    @Column(name = "dose")
    private BigDecimal dose;

    @Column(name = "given_at")
    private Instant givenAt;

    @Column(name = "nurse", nullable = false)
    private String nurse;

    @Column(name = "nurse_name", nullable = false)
    private String nurseName;

    @Column(name = "witness")
    private String witness;

    @Column(name = "witness_name")
    private String witnessName;

    @Column(name = "note")
    private String note;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected DoseAdministration() {
        // for JPA
    }

    private DoseAdministration(long prescriptionId, Instant dueAt) {
        this.prescriptionId = prescriptionId;
        this.dueAt = dueAt;
    }

    public static DoseAdministration given(long prescriptionId, Instant dueAt, BigDecimal dose, Instant givenAt, EntryAuthor nurse,
                                           EntryAuthor witness, String note, Instant recordedAt) {
        DoseAdministration line = new DoseAdministration(prescriptionId, dueAt);
        line.give(dose, givenAt, nurse, witness, note, recordedAt);
        return line;
    }

    public static DoseAdministration notGiven(long prescriptionId, Instant dueAt, Outcome outcome, Reason reason, EntryAuthor nurse,
                                              String note, Instant recordedAt) {
        DoseAdministration line = new DoseAdministration(prescriptionId, dueAt);
        line.outcome = outcome;
        line.reason = reason;
        line.by(nurse, recordedAt);
        line.note = note;
        return line;
    }

    /** A delayed dose given at last: the same line, now given. */
    public void give(BigDecimal givenDose, Instant at, EntryAuthor by, EntryAuthor witnessedBy, String givenNote, Instant now) {
        this.outcome = Outcome.GIVEN;
        this.reason = null;
        this.dose = givenDose;
        this.givenAt = at;
        by(by, now);
        this.witness = witnessedBy == null ? null : witnessedBy.username();
        this.witnessName = witnessedBy == null ? null : witnessedBy.name();
        if (givenNote != null) {
            this.note = givenNote;
        }
    }

    /** A delayed dose not given in the end, with the reason. */
    public void notGiven(Reason why, EntryAuthor by, String newNote, Instant now) {
        this.outcome = Outcome.NOT_GIVEN;
        this.reason = why;
        by(by, now);
        if (newNote != null) {
            this.note = newNote;
        }
    }

    private void by(EntryAuthor author, Instant now) {
        this.nurse = author.username();
        this.nurseName = author.name();
        this.recordedAt = now;
    }

    public Long id() { return id; }
    public Long prescriptionId() { return prescriptionId; }
    public Instant dueAt() { return dueAt; }
    public Outcome outcome() { return outcome; }
    public Reason reason() { return reason; }
    public BigDecimal dose() { return Prescription.plain(dose); }
    public Instant givenAt() { return givenAt; }
    public String nurse() { return nurse; }
    public String nurseName() { return nurseName; }
    public String witness() { return witness; }
    public String witnessName() { return witnessName; }
    public String note() { return note; }
    public Instant recordedAt() { return recordedAt; }
}

package uk.nhs.icr.inpatient;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One medicine the patient came in on, reconciled at admission: continued, changed or stopped (a reason for a change or a
 * stop), with the inpatient prescription it led to. Once per admission and source line (a database constraint).
 */
@Entity
@Table(name = "medicine_reconciliation")
public class MedicineReconciliation {

    /** Where the medicine the patient came in on is listed. */
    public enum Source { HOSPITAL_RECORD, SOCIAL_CARE }

    public enum Decision { CONTINUED, CHANGED, STOPPED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "admission_id", nullable = false, updatable = false)
    private Long admissionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, updatable = false)
    private Source source;

    @Column(name = "source_id", nullable = false, updatable = false)
    private Long sourceId;

    @Column(name = "medicine", nullable = false, updatable = false)
    private String medicine;

    @Enumerated(EnumType.STRING)
    @Column(name = "decision", nullable = false, updatable = false)
    private Decision decision;

    @Column(name = "reason", updatable = false)
    private String reason;

    @Column(name = "prescription_id", updatable = false)
    private Long prescriptionId;

    @Column(name = "decided_by", nullable = false, updatable = false)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    protected MedicineReconciliation() {
        // for JPA
    }

    public MedicineReconciliation(long admissionId, Source source, long sourceId, String medicine, Decision decision, String reason,
                                  Long prescriptionId, String decidedBy, Instant decidedAt) {
        this.admissionId = admissionId;
        this.source = source;
        this.sourceId = sourceId;
        this.medicine = medicine;
        this.decision = decision;
        this.reason = reason;
        this.prescriptionId = prescriptionId;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public Long id() { return id; }
    public Long admissionId() { return admissionId; }
    public Source source() { return source; }
    public Long sourceId() { return sourceId; }
    public String medicine() { return medicine; }
    public Decision decision() { return decision; }
    public String reason() { return reason; }
    public Long prescriptionId() { return prescriptionId; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
}

package uk.nhs.icr.inpatient;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import uk.nhs.icr.patient.NhsNumber;

/**
 * An open admission's stay on a ward: where the patient is (ward, bed), when they are expected to go home and on what
 * criteria, whether they are medically fit for discharge, and whether the medicines they came in on have been reconciled.
 * Keyed by the admission; ended with it.
 */
@Entity
@Table(name = "inpatient_stay")
public class InpatientStay {

    @Id
    @Column(name = "admission_id")
    private Long admissionId;

    @Column(name = "patient_nhs_number", nullable = false, updatable = false)
    private NhsNumber patient;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ward_id", nullable = false)
    private Ward ward;

    @Column(name = "bed")
    private String bed;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "expected_discharge")
    private LocalDate expectedDischarge;

    @Column(name = "discharge_criteria")
    private String dischargeCriteria;

    @Column(name = "medically_fit", nullable = false)
    private boolean medicallyFit;

    @Column(name = "reconciled_at")
    private Instant reconciledAt;

    @Column(name = "reconciled_by")
    private String reconciledBy;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected InpatientStay() {
        // for JPA
    }

    public InpatientStay(long admissionId, NhsNumber patient, Ward ward, String bed, Instant placedAt) {
        this.admissionId = admissionId;
        this.patient = patient;
        this.ward = ward;
        this.bed = bed;
        this.placedAt = placedAt;
    }

    /** The patient moves to another ward or bed. */
    public void moveTo(Ward newWard, String newBed, Instant at) {
        this.ward = newWard;
        this.bed = newBed;
        this.placedAt = at;
    }

    public void planDischarge(LocalDate expected, String criteria, boolean fit) {
        this.expectedDischarge = expected;
        this.dischargeCriteria = criteria;
        this.medicallyFit = fit;
    }

    public void reconciled(String by, Instant at) {
        this.reconciledBy = by;
        this.reconciledAt = at;
    }

    public void end(Instant at) {
        this.endedAt = at;
    }

    public Long admissionId() { return admissionId; }
    public NhsNumber patient() { return patient; }
    public Ward ward() { return ward; }
    public String bed() { return bed; }
    public Instant placedAt() { return placedAt; }
    public Instant endedAt() { return endedAt; }
    public LocalDate expectedDischarge() { return expectedDischarge; }
    public String dischargeCriteria() { return dischargeCriteria; }
    public boolean medicallyFit() { return medicallyFit; }
    public Instant reconciledAt() { return reconciledAt; }
    public String reconciledBy() { return reconciledBy; }
}

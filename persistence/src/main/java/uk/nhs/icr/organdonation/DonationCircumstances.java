package uk.nhs.icr.organdonation;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import uk.nhs.icr.patient.NhsNumber;

/**
 * What deemed consent depends on besides age, as last recorded by a clinician: whether the person has
 * lacked capacity to understand it for a significant period, and whether they live in England.
 */
@Entity
@Table(name = "organ_donation_circumstances")
public class DonationCircumstances {

    public enum Residency { ORDINARILY_RESIDENT, NOT_ORDINARILY_RESIDENT, VISITOR }

    /** The NHS number's digits: JPA applies no converter to an id. */
    @Id
    @Column(name = "patient_nhs_number")
    private String patient;

    @Column(name = "lacks_capacity", nullable = false)
    private boolean lacksCapacity;

    @Enumerated(EnumType.STRING)
    @Column(name = "residency", nullable = false)
    private Residency residency;

    @Column(name = "recorded_by_username", nullable = false)
    private String recordedByUsername;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected DonationCircumstances() {
        // for JPA
    }

    public DonationCircumstances(NhsNumber patient, boolean lacksCapacity, Residency residency, String recordedByUsername, Instant recordedAt) {
        this.patient = patient.value();
        record(lacksCapacity, residency, recordedByUsername, recordedAt);
    }

    public final void record(boolean lacksCapacity, Residency residency, String recordedByUsername, Instant recordedAt) {
        this.lacksCapacity = lacksCapacity;
        this.residency = Objects.requireNonNull(residency);
        this.recordedByUsername = Objects.requireNonNull(recordedByUsername);
        this.recordedAt = Objects.requireNonNull(recordedAt);
    }

    public boolean lacksCapacity() { return lacksCapacity; }
    public Residency residency() { return residency; }
    public Instant recordedAt() { return recordedAt; }
}

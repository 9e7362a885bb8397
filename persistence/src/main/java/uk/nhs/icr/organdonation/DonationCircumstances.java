package uk.nhs.icr.organdonation;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.VersionedDecision;

/**
 * What deemed consent depends on besides age, as a clinician established it: whether the person has lacked
 * capacity to understand it for a significant period, and whether they live in England. Versioned: a change
 * is the next version, so what was in force on any date can be told.
 */
@Entity
@Table(name = "organ_donation_circumstances")
public class DonationCircumstances extends VersionedDecision {

    public enum Residency { ORDINARILY_RESIDENT, NOT_ORDINARILY_RESIDENT, VISITOR }

    @Column(name = "lacks_capacity", nullable = false, updatable = false)
    private boolean lacksCapacity;

    @Enumerated(EnumType.STRING)
    @Column(name = "residency", nullable = false, updatable = false)
    private Residency residency;

    protected DonationCircumstances() {
        // for JPA
    }

    public DonationCircumstances(NhsNumber patient, int version, boolean lacksCapacity, Residency residency, Recorder recorder,
                                 Instant recordedAt) {
        super(patient, version, recorder, recordedAt);
        this.lacksCapacity = lacksCapacity;
        this.residency = Objects.requireNonNull(residency);
    }

    public boolean lacksCapacity() { return lacksCapacity; }
    public Residency residency() { return residency; }
}

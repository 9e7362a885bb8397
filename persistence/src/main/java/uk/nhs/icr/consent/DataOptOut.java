package uk.nhs.icr.consent;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.VersionedDecision;

/**
 * One version of a patient's National Data Opt-out choice: opted out of their confidential information
 * being used for research and planning, or not. It never affects direct care.
 */
@Entity
@Table(name = "data_opt_out")
public class DataOptOut extends VersionedDecision {

    @Column(name = "opted_out", nullable = false, updatable = false)
    private boolean optedOut;

    protected DataOptOut() {
        // for JPA
    }

    public DataOptOut(NhsNumber patient, int version, boolean optedOut, Recorder recorder, Instant recordedAt) {
        super(patient, version, recorder, recordedAt);
        this.optedOut = optedOut;
    }

    public boolean optedOut() { return optedOut; }
}

package uk.nhs.icr.consent;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

    /** How the choice reached ICR. */
    public enum Channel { ONLINE, PHONE, POST, IN_PERSON }

    @Column(name = "opted_out", nullable = false, updatable = false)
    private boolean optedOut;

    /** Empty for versions recorded before ICR asked. */
    @Enumerated(EnumType.STRING)
    @Column(name = "channel", updatable = false)
    private Channel channel;

    protected DataOptOut() {
        // for JPA
    }

    public DataOptOut(NhsNumber patient, int version, boolean optedOut, Channel channel, Recorder recorder, Instant recordedAt) {
        super(patient, version, recorder, recordedAt);
        this.optedOut = optedOut;
        this.channel = Objects.requireNonNull(channel);
    }

    public boolean optedOut() { return optedOut; }
    public Optional<Channel> channel() { return Optional.ofNullable(channel); }
}

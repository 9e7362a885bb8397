package uk.nhs.icr.consent;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import uk.nhs.icr.patient.NhsNumber;

/**
 * One version of a patient's National Data Opt-out choice: opted out of their confidential information
 * being used for research and planning, or not. It never affects direct care.
 */
@Entity
@Table(name = "data_opt_out")
public class DataOptOut {

    /** Who made the choice: the patient, a proxy (a parent, for a child), or staff recording it for them. */
    public enum SetBy { SELF, PROXY, STAFF }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_nhs_number", nullable = false, updatable = false)
    private NhsNumber patient;

    @Column(name = "version", nullable = false, updatable = false)
    private int version;

    @Column(name = "opted_out", nullable = false, updatable = false)
    private boolean optedOut;

    @Enumerated(EnumType.STRING)
    @Column(name = "set_by_kind", nullable = false, updatable = false)
    private SetBy setBy;

    @Column(name = "set_by_name", nullable = false, updatable = false)
    private String setByName;

    @Column(name = "set_by_username", nullable = false, updatable = false)
    private String setByUsername;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected DataOptOut() {
        // for JPA
    }

    public DataOptOut(NhsNumber patient, int version, boolean optedOut, SetBy setBy, String setByName, String setByUsername,
                      Instant recordedAt) {
        this.patient = Objects.requireNonNull(patient);
        this.version = version;
        this.optedOut = optedOut;
        this.setBy = Objects.requireNonNull(setBy);
        this.setByName = Objects.requireNonNull(setByName);
        this.setByUsername = Objects.requireNonNull(setByUsername);
        this.recordedAt = Objects.requireNonNull(recordedAt);
    }

    public NhsNumber patient() { return patient; }
    public int version() { return version; }
    public boolean optedOut() { return optedOut; }
    public SetBy setBy() { return setBy; }
    public String setByName() { return setByName; }
    public Instant recordedAt() { return recordedAt; }
}

package uk.nhs.icr.platform;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import uk.nhs.icr.patient.NhsNumber;

/**
 * One version of a decision a patient owns (a consent directive, the data opt-out, an organ-donation
 * decision): never updated, a change is the next version, the highest is current, and each version says who
 * recorded it and when. The version is unique per patient (and scope), so two writers racing for the same
 * version cannot both win.
 */
@MappedSuperclass
public abstract class VersionedDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_nhs_number", nullable = false, updatable = false)
    private NhsNumber patient;

    @Column(name = "version", nullable = false, updatable = false)
    private int version;

    @Enumerated(EnumType.STRING)
    @Column(name = "recorded_by_kind", nullable = false, updatable = false)
    private RecordedBy recordedBy;

    @Column(name = "recorded_by_name", nullable = false, updatable = false)
    private String recordedByName;

    @Column(name = "recorded_by_username", nullable = false, updatable = false)
    private String recordedByUsername;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected VersionedDecision() {
        // for JPA
    }

    protected VersionedDecision(NhsNumber patient, int version, Recorder recorder, Instant recordedAt) {
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        this.patient = Objects.requireNonNull(patient);
        this.version = version;
        this.recordedBy = recorder.kind();
        this.recordedByName = recorder.name();
        this.recordedByUsername = recorder.username();
        this.recordedAt = Objects.requireNonNull(recordedAt);
    }

    /** The number the next version after {@code current} gets: 1 when there is none. */
    public static int nextVersion(Optional<? extends VersionedDecision> current) {
        return current.map(VersionedDecision::version).orElse(0) + 1;
    }

    /** Who recorded a version: what kind of person, their name as shown, and the account that did it. */
    public record Recorder(RecordedBy kind, String name, String username) {

        public Recorder {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(username, "username");
        }
    }

    public Long id() { return id; }
    public NhsNumber patient() { return patient; }
    public int version() { return version; }
    public RecordedBy recordedBy() { return recordedBy; }
    public String recordedByUsername() { return recordedByUsername; }
    public String recordedByName() { return recordedByName; }
    public Instant recordedAt() { return recordedAt; }
}

package uk.nhs.icr.appointments;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;

/**
 * A patient's appointment in a slot, with the reason they gave. Cancelled (never deleted) by the patient before it starts,
 * or by the practice with a reason the patient reads. Its version is the ETag a cancellation names.
 */
@Entity
@Table(name = "appointment")
public class Appointment {

    public enum Status { BOOKED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "slot_id", nullable = false, updatable = false)
    private AppointmentSlot slot;

    @Column(name = "patient_nhs_number", nullable = false, updatable = false)
    private NhsNumber patient;

    @Column(name = "practice_ods", nullable = false, updatable = false)
    private OdsCode practice;

    @Column(name = "starts_at", nullable = false, updatable = false)
    private Instant startsAt;

    @Column(name = "reason", nullable = false, updatable = false)
    private String reason;

    @Column(name = "booked_by", nullable = false, updatable = false)
    private String bookedBy;

    @Column(name = "booked_at", nullable = false, updatable = false)
    private Instant bookedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private Status status = Status.BOOKED;

    @Column(name = "cancelled_by_name")
    private String cancelledByName;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancellation_reason")
    private String cancellationReason;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Appointment() {
        // for JPA
    }

    public Appointment(AppointmentSlot slot, NhsNumber patient, String reason, String bookedBy, Instant bookedAt) {
        this.slot = Objects.requireNonNull(slot);
        this.patient = Objects.requireNonNull(patient);
        this.practice = slot.practice();
        this.startsAt = slot.startsAt();
        this.reason = Objects.requireNonNull(reason);
        this.bookedBy = Objects.requireNonNull(bookedBy);
        this.bookedAt = Objects.requireNonNull(bookedAt);
    }

    /** Cancelled, with who did it and, from the practice, why. Only a booked appointment that has not started. */
    public void cancel(String byName, String why, Instant at) {
        if (status != Status.BOOKED) {
            throw new IllegalStateException("cancelled already");
        }
        if (!at.isBefore(startsAt)) {
            throw new IllegalStateException("a past appointment is not cancelled");
        }
        this.status = Status.CANCELLED;
        this.cancelledByName = Objects.requireNonNull(byName);
        this.cancellationReason = why;
        this.cancelledAt = at;
    }

    public boolean booked() { return status == Status.BOOKED; }
    public Long id() { return id; }
    public AppointmentSlot slot() { return slot; }
    public NhsNumber patient() { return patient; }
    public OdsCode practice() { return practice; }
    public Instant startsAt() { return startsAt; }
    public String reason() { return reason; }
    public String bookedBy() { return bookedBy; }
    public Instant bookedAt() { return bookedAt; }
    public Status status() { return status; }
    public String cancelledByName() { return cancelledByName; }
    public Instant cancelledAt() { return cancelledAt; }
    public String cancellationReason() { return cancellationReason; }
    public long version() { return version; }

    /** The ETag a cancellation names: the version, counted from 1 as booked. */
    public int etag() { return (int) version + 1; }
}

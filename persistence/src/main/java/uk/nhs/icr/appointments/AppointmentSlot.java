package uk.nhs.icr.appointments;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import uk.nhs.icr.platform.OdsCode;

/** One slot of a session: a start and an end. Free until an appointment is booked in it. */
@Entity
@Table(name = "appointment_slot")
public class AppointmentSlot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false, updatable = false)
    private AppointmentSession session;

    @Column(name = "practice_ods", nullable = false, updatable = false)
    private OdsCode practice;

    @Column(name = "starts_at", nullable = false, updatable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false, updatable = false)
    private Instant endsAt;

    protected AppointmentSlot() {
        // for JPA
    }

    public AppointmentSlot(AppointmentSession session, Instant startsAt, Instant endsAt) {
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a slot ends after it starts");
        }
        this.session = Objects.requireNonNull(session);
        this.practice = session.practice();
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }

    public Long id() { return id; }
    public AppointmentSession session() { return session; }
    public OdsCode practice() { return practice; }
    public Instant startsAt() { return startsAt; }
    public Instant endsAt() { return endsAt; }
}

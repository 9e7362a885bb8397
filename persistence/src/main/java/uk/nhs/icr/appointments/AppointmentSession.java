package uk.nhs.icr.appointments;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.UkClock;

/** A practice's session: a clinician in a role, at a place, seeing patients one way; cut into slots. */
@Entity
@Table(name = "appointment_session")
public class AppointmentSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "practice_ods", nullable = false, updatable = false)
    private OdsCode practice;

    @Column(name = "clinician_name", nullable = false, updatable = false)
    private String clinicianName;

    @Column(name = "clinician_role", nullable = false, updatable = false)
    private String clinicianRole;

    @Column(name = "place", nullable = false, updatable = false)
    private String place;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private AppointmentKind kind;

    @Column(name = "created_by_username", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected AppointmentSession() {
        // for JPA
    }

    public AppointmentSession(OdsCode practice, String clinicianName, String clinicianRole, String place, AppointmentKind kind,
                              String createdBy, Instant createdAt) {
        this.practice = Objects.requireNonNull(practice);
        this.clinicianName = Objects.requireNonNull(clinicianName);
        this.clinicianRole = Objects.requireNonNull(clinicianRole);
        this.place = Objects.requireNonNull(place);
        this.kind = Objects.requireNonNull(kind);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** This session's slots over a range of UK days, weekdays only, from {@code start} to {@code end} UK local time. */
    public List<AppointmentSlot> slotsOnWeekdays(LocalDate from, LocalDate to, LocalTime start, LocalTime end, Duration length) {
        List<AppointmentSlot> slots = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (LocalTime at = start; !at.plus(length).isAfter(end) && at.plus(length).isAfter(at); at = at.plus(length)) {
                Instant startsAt = day.atTime(at).atZone(UkClock.ZONE).toInstant();
                slots.add(new AppointmentSlot(this, startsAt, startsAt.plus(length)));
            }
        }
        return slots;
    }

    public Long id() { return id; }
    public OdsCode practice() { return practice; }
    public String clinicianName() { return clinicianName; }
    public String clinicianRole() { return clinicianRole; }
    public String place() { return place; }
    public AppointmentKind kind() { return kind; }
}

package uk.nhs.icr.socialcare;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.SortNatural;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.AsRequiredLimits;
import uk.nhs.icr.platform.DoseTimes;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.sharedrecord.DataCategory;

/**
 * A medicine carers give a person, as the MAR chart lists it: the medicine (by its name in ICR's medicines table), dose,
 * route, the times of day it is due, or as required under a protocol (how long between doses, how many in 24 hours);
 * whether it is time-critical (a Parkinson's medicine: a late dose harms) or a controlled drug (a second person
 * witnesses). Filed under a data category like any entry, so a patient's deny reaches it.
 */
@Entity
@Table(name = "care_medicine")
public class CareMedicine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_nhs_number", nullable = false, updatable = false)
    private NhsNumber person;

    @Column(name = "provider_ods", nullable = false, updatable = false)
    private OdsCode provider;

    @Column(name = "medicine", nullable = false, updatable = false)
    private String medicine;

    @Column(name = "dose", nullable = false)
    private String dose;

    @Column(name = "route", nullable = false)
    private String route;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false)
    private DataCategory category;

    @Column(name = "as_required", nullable = false)
    private boolean asRequired;

    @Column(name = "protocol")
    private String protocol;

    @Column(name = "minimum_interval_min")
    private Integer minimumIntervalMinutes;

    @Column(name = "most_per_day")
    private Integer mostPerDay;

    @Column(name = "time_critical", nullable = false)
    private boolean timeCritical;

    @Column(name = "controlled_drug", nullable = false)
    private boolean controlledDrug;

    @Column(name = "started_on", nullable = false)
    private LocalDate startedOn;

    @Column(name = "stopped_at")
    private Instant stoppedAt;

    @Column(name = "stopped_by")
    private String stoppedBy;

    @Column(name = "stop_reason")
    private String stopReason;

    @Column(name = "added_by", nullable = false, updatable = false)
    private String addedBy;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "care_medicine_time", joinColumns = @JoinColumn(name = "care_medicine_id"))
    @Column(name = "time_of_day", nullable = false)
    @SortNatural
    private SortedSet<LocalTime> timesOfDay = new TreeSet<>();

    protected CareMedicine() {
        // for JPA
    }

    /** Given at set times of day. */
    public static CareMedicine regular(NhsNumber person, OdsCode provider, String medicine, String dose, String route,
                                       DataCategory category, List<LocalTime> times, boolean timeCritical, boolean controlledDrug,
                                       LocalDate startedOn, String addedBy, Instant addedAt) {
        CareMedicine regular = new CareMedicine(person, provider, medicine, dose, route, category, timeCritical, controlledDrug, startedOn,
                addedBy, addedAt);
        regular.timesOfDay.addAll(times);
        return regular;
    }

    /** Given when needed, under a protocol. */
    public static CareMedicine asRequired(NhsNumber person, OdsCode provider, String medicine, String dose, String route,
                                          DataCategory category, String protocol, int minimumIntervalMinutes, int mostPerDay,
                                          boolean controlledDrug, LocalDate startedOn, String addedBy, Instant addedAt) {
        CareMedicine prn = new CareMedicine(person, provider, medicine, dose, route, category, false, controlledDrug, startedOn, addedBy,
                addedAt);
        prn.asRequired = true;
        prn.protocol = protocol;
        prn.minimumIntervalMinutes = minimumIntervalMinutes;
        prn.mostPerDay = mostPerDay;
        return prn;
    }

    private CareMedicine(NhsNumber person, OdsCode provider, String medicine, String dose, String route, DataCategory category,
                         boolean timeCritical, boolean controlledDrug, LocalDate startedOn, String addedBy, Instant addedAt) {
        this.person = person;
        this.provider = provider;
        this.medicine = medicine;
        this.dose = dose;
        this.route = route;
        this.category = category;
        this.timeCritical = timeCritical;
        this.controlledDrug = controlledDrug;
        this.startedOn = startedOn;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    /** The doses due from {@code from} (inclusive) to {@code to} (exclusive), by the clock in {@code zone}; none for as required. */
    public List<Instant> dosesDue(Instant from, Instant to, ZoneId zone) {
        return asRequired ? List.of() : DoseTimes.between(timesOfDay, startedOn, null, stoppedAt, from, to, zone);
    }

    /** Whether {@code at} is one of this medicine's due times (a dose is recorded against the time it was due). */
    public boolean isDueAt(Instant at, ZoneId zone) {
        return !dosesDue(at, at.plusSeconds(1), zone).isEmpty();
    }

    /** The limits an as-required medicine's protocol sets; null for one given at set times. */
    public AsRequiredLimits limits() {
        return asRequired ? new AsRequiredLimits(minimumIntervalMinutes, mostPerDay) : null;
    }

    public void stop(Instant at) {
        stoppedAt = at;
    }

    /** Off the chart from {@code at}: no dose falls due after it; who took it off and why are kept. */
    public void stop(String by, String reason, Instant at) {
        stop(at);
        this.stoppedBy = by;
        this.stopReason = reason;
    }

    public Long id() { return id; }
    public NhsNumber person() { return person; }
    public OdsCode provider() { return provider; }
    public String medicine() { return medicine; }
    public String dose() { return dose; }
    public String route() { return route; }
    public DataCategory category() { return category; }
    public boolean asRequired() { return asRequired; }
    public String protocol() { return protocol; }
    public Integer minimumIntervalMinutes() { return minimumIntervalMinutes; }
    public Integer mostPerDay() { return mostPerDay; }
    public boolean timeCritical() { return timeCritical; }
    public boolean controlledDrug() { return controlledDrug; }
    public LocalDate startedOn() { return startedOn; }
    public Instant stoppedAt() { return stoppedAt; }
    public String stopReason() { return stopReason; }
    public List<LocalTime> timesOfDay() { return List.copyOf(timesOfDay); }
}

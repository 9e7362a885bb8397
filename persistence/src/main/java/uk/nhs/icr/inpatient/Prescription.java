package uk.nhs.icr.inpatient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.AsRequiredLimits;
import uk.nhs.icr.platform.DoseTimes;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.TimesOfDayConverter;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.terminology.Medicine;

/**
 * An inpatient prescription on an admission: a formulary medicine, dose (in the medicine's dose unit), route; regular at
 * times of day, as required within limits, or once only; from when, until when or to be reviewed when, and why. It keeps
 * the alerts its checks raised and the reason a hard stop was overridden. Stopping ends it; nothing is deleted.
 */
@Entity
@Table(name = "inpatient_prescription")
public class Prescription {

    public enum Kind { REGULAR, AS_REQUIRED, ONCE_ONLY }

    /** How long a once-only prescription stays on the chart for its one dose. */
    public static final java.time.Duration ONCE_ONLY_STANDS = java.time.Duration.ofHours(24);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "admission_id", nullable = false, updatable = false)
    private Long admissionId;

    @Column(name = "patient_nhs_number", nullable = false, updatable = false)
    private NhsNumber patient;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "medicine_id", nullable = false, updatable = false)
    private Medicine medicine;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private Kind kind;

    @Column(name = "dose", nullable = false, updatable = false)
    private BigDecimal dose;

    @Column(name = "dose_unit", nullable = false, updatable = false)
    private String doseUnit;

    @Column(name = "route", nullable = false, updatable = false)
    private String route;

    @Convert(converter = TimesOfDayConverter.class)
    @Column(name = "times_of_day", updatable = false)
    private List<LocalTime> timesOfDay = List.of();

    @Column(name = "min_interval_min", updatable = false)
    private Integer minimumIntervalMinutes;

    @Column(name = "max_doses_24h", updatable = false)
    private Integer mostPer24Hours;

    @Column(name = "starts_at", nullable = false, updatable = false)
    private Instant startsAt;

    @Column(name = "ends_at", updatable = false)
    private Instant endsAt;

    @Column(name = "review_on")
    private LocalDate reviewOn;

    @Column(name = "indication", updatable = false)
    private String indication;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false, updatable = false)
    private DataCategory category;

    @Column(name = "prescriber", nullable = false, updatable = false)
    private String prescriber;

    @Column(name = "prescriber_name", nullable = false, updatable = false)
    private String prescriberName;

    @Column(name = "organisation_ods", nullable = false, updatable = false)
    private OdsCode organisation;

    @Column(name = "prescribed_at", nullable = false, updatable = false)
    private Instant prescribedAt;

    @Convert(converter = PrescribingAlertsConverter.class)
    @Column(name = "check_alerts", nullable = false, updatable = false)
    private List<PrescribingAlert> alerts = List.of();

    @Column(name = "override_reason", updatable = false)
    private String overrideReason;

    @Column(name = "checks_incomplete", nullable = false, updatable = false)
    private boolean checksIncomplete;

    @Column(name = "stopped_at")
    private Instant stoppedAt;

    @Column(name = "stopped_by")
    private String stoppedBy;

    @Column(name = "stop_reason")
    private String stopReason;

    protected Prescription() {
        // for JPA
    }

    /** What is prescribed, how it is given and for how long: checked by the service before it becomes a prescription. */
    public record Order(Medicine medicine, Kind kind, BigDecimal dose, String route, List<LocalTime> timesOfDay,
                        AsRequiredLimits limits, Instant startsAt, Instant endsAt, LocalDate reviewOn, String indication,
                        DataCategory category) {

        /** The most given in a day, in the dose unit: the doses due each day, or the most an as-required one allows. */
        public BigDecimal dailyDose() {
            return switch (kind) {
                case REGULAR -> dose.multiply(BigDecimal.valueOf(timesOfDay.size()));
                case AS_REQUIRED -> dose.multiply(BigDecimal.valueOf(limits.mostPer24Hours()));
                case ONCE_ONLY -> dose;
            };
        }
    }

    public Prescription(long admissionId, NhsNumber patient, Order order, EntryAuthor prescriber, Instant prescribedAt,
                        List<PrescribingAlert> alerts, String overrideReason, boolean checksIncomplete) {
        this.admissionId = admissionId;
        this.patient = patient;
        this.medicine = order.medicine();
        this.kind = order.kind();
        this.dose = order.dose();
        this.doseUnit = order.medicine().doseUnit();
        this.route = order.route();
        this.timesOfDay = order.kind() == Kind.REGULAR ? List.copyOf(order.timesOfDay()) : List.of();
        if (order.kind() == Kind.AS_REQUIRED) {
            this.minimumIntervalMinutes = order.limits().minimumIntervalMinutes();
            this.mostPer24Hours = order.limits().mostPer24Hours();
        }
        this.startsAt = order.startsAt();
        // a once-only dose not given within a day of its time is not given late: it leaves the chart (and the checks)
        this.endsAt = order.kind() == Kind.ONCE_ONLY ? order.startsAt().plus(ONCE_ONLY_STANDS) : order.endsAt();
        this.reviewOn = order.reviewOn();
        this.indication = order.indication();
        this.category = order.category();
        this.prescriber = prescriber.username();
        this.prescriberName = prescriber.name();
        this.organisation = prescriber.organisation();
        this.prescribedAt = prescribedAt;
        this.alerts = List.copyOf(alerts);
        this.overrideReason = overrideReason;
        this.checksIncomplete = checksIncomplete;
    }

    /** In force at {@code at}: not stopped, not past its end (a once-only one ends a day after its dose was due). */
    public boolean isActiveAt(Instant at) {
        return (stoppedAt == null || at.isBefore(stoppedAt)) && (endsAt == null || at.isBefore(endsAt));
    }

    /** The doses due from {@code from} (inclusive) to {@code to} (exclusive); none for as required. */
    public List<Instant> dosesDue(Instant from, Instant to, ZoneId zone) {
        Instant until = stoppedAt == null ? endsAt : endsAt == null || stoppedAt.isBefore(endsAt) ? stoppedAt : endsAt;
        return switch (kind) {
            case AS_REQUIRED -> List.of();
            case ONCE_ONLY -> !startsAt.isBefore(from) && startsAt.isBefore(to) && (stoppedAt == null || startsAt.isBefore(stoppedAt))
                    ? List.of(startsAt) : List.of();
            case REGULAR -> DoseTimes.between(timesOfDay, LocalDate.ofInstant(startsAt, zone), startsAt, until, from, to, zone);
        };
    }

    /** The due time a dose recorded against {@code dueAt} answers, as the schedule has it (to the microsecond), if it is one. */
    public java.util.Optional<Instant> dueTimeAt(Instant dueAt, ZoneId zone) {
        return dosesDue(dueAt, dueAt.plusSeconds(1), zone).stream().filter(dueAt::equals).findFirst();
    }

    public AsRequiredLimits limits() {
        return kind == Kind.AS_REQUIRED ? new AsRequiredLimits(minimumIntervalMinutes, mostPer24Hours) : null;
    }

    public void stop(String by, String reason, Instant at) {
        this.stoppedBy = by;
        this.stopReason = reason;
        this.stoppedAt = at;
    }

    /** A dose as people write it: 5, 2.5, 1000 (the column keeps three decimals: 5.000). */
    public static BigDecimal plain(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public Long id() { return id; }
    public Long admissionId() { return admissionId; }
    public NhsNumber patient() { return patient; }
    public Medicine medicine() { return medicine; }
    public Kind kind() { return kind; }
    public BigDecimal dose() { return plain(dose); }
    public String doseUnit() { return doseUnit; }
    public String route() { return route; }
    public List<LocalTime> timesOfDay() { return timesOfDay; }
    public Integer minimumIntervalMinutes() { return minimumIntervalMinutes; }
    public Integer mostPer24Hours() { return mostPer24Hours; }
    public Instant startsAt() { return startsAt; }
    public Instant endsAt() { return endsAt; }
    public LocalDate reviewOn() { return reviewOn; }
    public String indication() { return indication; }
    public DataCategory category() { return category; }
    public String prescriber() { return prescriber; }
    public String prescriberName() { return prescriberName; }
    public OdsCode organisation() { return organisation; }
    public Instant prescribedAt() { return prescribedAt; }
    public List<PrescribingAlert> alerts() { return alerts; }
    public String overrideReason() { return overrideReason; }
    public boolean checksIncomplete() { return checksIncomplete; }
    public Instant stoppedAt() { return stoppedAt; }
    public String stoppedBy() { return stoppedBy; }
    public String stopReason() { return stopReason; }
}

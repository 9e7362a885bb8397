package uk.nhs.icr.socialcare;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;

/** A daily record made at the point of care: a note, a change of position (and the skin), a weight, or a set of observations. */
@Entity
@Table(name = "daily_record")
public class DailyRecord {

    public enum Kind { NOTE, REPOSITIONING, WEIGHT, OBSERVATIONS }

    public enum Position { LEFT_SIDE, RIGHT_SIDE, BACK, SITTING, STANDING }

    /** Observations as taken; any may be absent. */
    public record Observations(Integer pulse, BigDecimal temperatureC, Integer systolic, Integer diastolic, Integer respirationRate,
                               Integer oxygenSaturation) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_nhs_number", nullable = false, updatable = false)
    private NhsNumber person;

    @Column(name = "provider_ods", nullable = false, updatable = false)
    private OdsCode provider;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private Kind kind;

    @Column(name = "recorded_for", nullable = false, updatable = false)
    private Instant recordedFor;

    @Column(name = "note", updatable = false)
    private String note;

    @Enumerated(EnumType.STRING)
    @Column(name = "position", updatable = false)
    private Position position;

    @Column(name = "skin_intact", updatable = false)
    private Boolean skinIntact;

    @Column(name = "weight_kg", updatable = false)
    private BigDecimal weightKg;

    @Column(name = "pulse", updatable = false)
    private Integer pulse;

    @Column(name = "temperature_c", updatable = false)
    private BigDecimal temperatureC;

    @Column(name = "systolic", updatable = false)
    private Integer systolic;

    @Column(name = "diastolic", updatable = false)
    private Integer diastolic;

    @Column(name = "respiration_rate", updatable = false)
    private Integer respirationRate;

    @Column(name = "oxygen_saturation", updatable = false)
    private Integer oxygenSaturation;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_by_name", nullable = false, updatable = false)
    private String recordedByName;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected DailyRecord() {
        // for JPA
    }

    private DailyRecord(NhsNumber person, OdsCode provider, Kind kind, Instant recordedFor, String note, String recordedBy,
                        String recordedByName, Instant recordedAt) {
        this.person = person;
        this.provider = provider;
        this.kind = kind;
        this.recordedFor = recordedFor;
        this.note = note;
        this.recordedBy = recordedBy;
        this.recordedByName = recordedByName;
        this.recordedAt = recordedAt;
    }

    public static DailyRecord note(NhsNumber person, OdsCode provider, Instant at, String note, String by, String byName, Instant now) {
        return new DailyRecord(person, provider, Kind.NOTE, at, note, by, byName, now);
    }

    public static DailyRecord repositioning(NhsNumber person, OdsCode provider, Instant at, Position position, Boolean skinIntact,
                                            String note, String by, String byName, Instant now) {
        DailyRecord record = new DailyRecord(person, provider, Kind.REPOSITIONING, at, note, by, byName, now);
        record.position = position;
        record.skinIntact = skinIntact;
        return record;
    }

    public static DailyRecord weight(NhsNumber person, OdsCode provider, Instant at, BigDecimal kg, String note, String by, String byName,
                                     Instant now) {
        DailyRecord record = new DailyRecord(person, provider, Kind.WEIGHT, at, note, by, byName, now);
        record.weightKg = kg;
        return record;
    }

    public static DailyRecord observations(NhsNumber person, OdsCode provider, Instant at, Observations taken, String note, String by,
                                           String byName, Instant now) {
        DailyRecord record = new DailyRecord(person, provider, Kind.OBSERVATIONS, at, note, by, byName, now);
        record.pulse = taken.pulse();
        record.temperatureC = taken.temperatureC();
        record.systolic = taken.systolic();
        record.diastolic = taken.diastolic();
        record.respirationRate = taken.respirationRate();
        record.oxygenSaturation = taken.oxygenSaturation();
        return record;
    }

    public Long id() { return id; }
    public NhsNumber person() { return person; }
    public Kind kind() { return kind; }
    public Instant recordedFor() { return recordedFor; }
    public String note() { return note; }
    public Position position() { return position; }
    public Boolean skinIntact() { return skinIntact; }
    public BigDecimal weightKg() { return weightKg; }
    public Observations observations() {
        return new Observations(pulse, temperatureC, systolic, diastolic, respirationRate, oxygenSaturation);
    }
    public String recordedByName() { return recordedByName; }
}

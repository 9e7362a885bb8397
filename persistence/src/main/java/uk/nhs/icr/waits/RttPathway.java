package uk.nhs.icr.waits;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.OdsCode;

/**
 * A referral-to-treatment pathway, with the national rules of its clock: it starts on the day the referral was received
 * and runs, through a transfer to another trust too, until it stops for one of the reasons the rules allow. Events are
 * taken in date order; nothing is recorded on a stopped clock. A child who is not brought to an appointment is followed
 * up, not discharged: a "did not attend" stop is refused under 16.
 */
@Entity
@Table(name = "rtt_pathway")
public class RttPathway {

    /** How urgently the referrer asked for the patient to be seen. */
    public enum Priority { ROUTINE, URGENT, URGENT_SUSPECTED_CANCER }

    /** Why a clock stops, as the RTT rules list them. */
    public enum StopReason {
        FIRST_DEFINITIVE_TREATMENT("first definitive treatment"), ACTIVE_MONITORING("start of active monitoring"),
        DECISION_NOT_TO_TREAT("decision not to treat"), PATIENT_DECLINED("patient declined treatment"),
        DID_NOT_ATTEND("did not attend, discharged"), DIED("patient died");

        private final String words;

        StopReason(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        /** Whether the stop is the treatment (or monitoring) the wait was for: other stops leave the wait unfinished. */
        public boolean treated() {
            return this == FIRST_DEFINITIVE_TREATMENT || this == ACTIVE_MONITORING;
        }
    }

    /** The age under which a patient who was not brought is followed up rather than discharged. */
    public static final int CHILD_AGE = 16;

    /** The standard: 18 weeks from referral to treatment. */
    public static final int STANDARD_WEEKS = 18;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_nhs_number", nullable = false, updatable = false)
    private NhsNumber patient;

    @Column(name = "referral_entry_id", nullable = false, updatable = false)
    private Long referralEntryId;

    @Column(name = "provider_ods", nullable = false)
    private OdsCode provider;

    @Column(name = "treatment_function", nullable = false, updatable = false)
    private String treatmentFunction;

    @Enumerated(EnumType.STRING)
    @Column(name = "priority", nullable = false, updatable = false)
    private Priority priority;

    @Column(name = "clock_start", nullable = false, updatable = false)
    private LocalDate clockStart;

    @Column(name = "clock_stop")
    private LocalDate clockStop;

    @Enumerated(EnumType.STRING)
    @Column(name = "stop_reason")
    private StopReason stopReason;

    @Column(name = "admitted")
    private Boolean admitted;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = "pathway", cascade = CascadeType.PERSIST)
    @OrderBy("occurredOn, id")
    private List<RttEvent> events = new ArrayList<>();

    protected RttPathway() {
        // for JPA
    }

    /** Who records an event: their username and name, and when. */
    public record Recorder(String username, String name, Instant at) {
    }

    public RttPathway(NhsNumber patient, long referralEntryId, OdsCode provider, TreatmentFunction function, Priority priority,
                      LocalDate clockStart, Recorder recorder) {
        this.patient = Objects.requireNonNull(patient);
        this.referralEntryId = referralEntryId;
        this.provider = Objects.requireNonNull(provider);
        this.treatmentFunction = function.code();
        this.priority = Objects.requireNonNull(priority);
        this.clockStart = Objects.requireNonNull(clockStart);
        events.add(new RttEvent(this, RttEvent.Kind.CLOCK_START, clockStart, provider, null, recorder.username(), recorder.name(),
                recorder.at()));
    }

    /** Why an event is refused: the field at fault, or none when the pathway's state (a stopped clock) is. */
    public record Refusal(String field, String message) {

        public boolean conflict() {
            return field == null;
        }
    }

    /**
     * Why this event cannot be recorded, if it cannot: a stopped clock takes nothing more; a clock starts only with its
     * pathway; events come in date order; a first outpatient appointment and a decision to admit happen once each; a
     * transfer names another trust; a stop says why, and "did not attend" never discharges a child.
     */
    public Optional<Refusal> refusal(RttEvent.Kind kind, LocalDate on, OdsCode toProvider, StopReason reason, int patientAge) {
        if (clockStop != null) {
            return refused(null, "the clock of this pathway stopped on " + clockStop + ": a new referral starts a new pathway");
        }
        if (kind == RttEvent.Kind.CLOCK_START) {
            return refused("kind", "a clock starts with its pathway: start a new pathway");
        }
        if ((kind == RttEvent.Kind.FIRST_OUTPATIENT || kind == RttEvent.Kind.DECISION_TO_ADMIT) && happened(kind)) {
            return refused(null, "this pathway has its " + kind.words() + " already");
        }
        LocalDate last = events.get(events.size() - 1).occurredOn();
        if (on.isBefore(last)) {
            return refused("occurredOn", "events are recorded in order: the last was on " + last);
        }
        if (kind == RttEvent.Kind.TRANSFER && (toProvider == null || toProvider.equals(provider))) {
            return refused("toProviderOdsCode", "a transfer names the trust taking the patient on, not the one holding them now");
        }
        if (kind == RttEvent.Kind.CLOCK_STOP && reason == null) {
            return refused("stopReason", "say why the clock stops");
        }
        if (kind == RttEvent.Kind.CLOCK_STOP && reason == StopReason.DID_NOT_ATTEND && patientAge < CHILD_AGE) {
            return refused("stopReason", "a child who was not brought to an appointment is followed up, not discharged: the clock"
                    + " runs on");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refused(String field, String message) {
        return Optional.of(new Refusal(field, message));
    }

    /** Records the event, which {@link #refusal} allowed: a transfer moves the pathway, a stop ends its clock. */
    public RttEvent record(RttEvent.Kind kind, LocalDate on, OdsCode toProvider, StopReason reason, String detail, Recorder recorder) {
        if (kind == RttEvent.Kind.TRANSFER) {
            provider = toProvider;
        }
        if (kind == RttEvent.Kind.CLOCK_STOP) {
            clockStop = on;
            stopReason = reason;
            admitted = reason == StopReason.FIRST_DEFINITIVE_TREATMENT && happened(RttEvent.Kind.DECISION_TO_ADMIT);
        }
        String said = kind == RttEvent.Kind.CLOCK_STOP ? joinedDetail(reason.words(), detail) : detail;
        RttEvent event = new RttEvent(this, kind, on, provider, said, recorder.username(), recorder.name(), recorder.at());
        events.add(event);
        return event;
    }

    private static String joinedDetail(String first, String then) {
        return then == null || then.isBlank() ? first : first + ": " + then.strip();
    }

    private boolean happened(RttEvent.Kind kind) {
        return events.stream().anyMatch(event -> event.kind() == kind);
    }

    /** Whole weeks waited by {@code day}, or until the clock stopped. */
    public long weeksWaited(LocalDate day) {
        LocalDate end = clockStop == null || clockStop.isAfter(day) ? day : clockStop;
        return Math.max(0, ChronoUnit.DAYS.between(clockStart, end) / 7);
    }

    /** The pathway in a line, for the referral on the timeline: where it stands. */
    public String progress() {
        RttEvent last = events.get(events.size() - 1);
        String started = "clock started " + clockStart + " (" + Codes.phrase(priority) + ")";
        return clockStop == null ? (last.kind() == RttEvent.Kind.CLOCK_START ? started : started + "; " + last.kind().words() + " "
                + last.occurredOn()) : started + "; clock stopped " + clockStop + ": " + stopReason.words();
    }

    public boolean open() { return clockStop == null; }
    public Long id() { return id; }
    public NhsNumber patient() { return patient; }
    public long referralEntryId() { return referralEntryId; }
    public OdsCode provider() { return provider; }
    public String treatmentFunction() { return treatmentFunction; }
    public Priority priority() { return priority; }
    public LocalDate clockStart() { return clockStart; }
    public LocalDate clockStop() { return clockStop; }
    public StopReason stopReason() { return stopReason; }
    public Boolean admitted() { return admitted; }
    public List<RttEvent> events() { return List.copyOf(events); }
    public long version() { return version; }
}

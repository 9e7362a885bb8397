package uk.nhs.icr.waits;

import java.time.Instant;
import java.time.LocalDate;

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

import uk.nhs.icr.platform.OdsCode;

/** One thing that happened on a referral-to-treatment pathway, with the trust responsible after it. */
@Entity
@Table(name = "rtt_event")
public class RttEvent {

    /** The events the RTT rules count. */
    public enum Kind {
        CLOCK_START("clock started"), FIRST_OUTPATIENT("first outpatient appointment"), DECISION_TO_ADMIT("decision to admit"),
        TRANSFER("transferred to another trust, the clock running on"), CLOCK_STOP("clock stopped");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pathway_id", nullable = false, updatable = false)
    private RttPathway pathway;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private Kind kind;

    @Column(name = "occurred_on", nullable = false, updatable = false)
    private LocalDate occurredOn;

    @Column(name = "provider_ods", nullable = false, updatable = false)
    private OdsCode provider;

    @Column(name = "detail", updatable = false)
    private String detail;

    @Column(name = "recorded_by_username", nullable = false, updatable = false)
    private String recordedByUsername;

    @Column(name = "recorded_by_name", nullable = false, updatable = false)
    private String recordedByName;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected RttEvent() {
        // for JPA
    }

    RttEvent(RttPathway pathway, Kind kind, LocalDate occurredOn, OdsCode provider, String detail, String recordedByUsername,
             String recordedByName, Instant recordedAt) {
        this.pathway = pathway;
        this.kind = kind;
        this.occurredOn = occurredOn;
        this.provider = provider;
        this.detail = detail;
        this.recordedByUsername = recordedByUsername;
        this.recordedByName = recordedByName;
        this.recordedAt = recordedAt;
    }

    public Long id() { return id; }
    public Kind kind() { return kind; }
    public LocalDate occurredOn() { return occurredOn; }
    public OdsCode provider() { return provider; }
    public String detail() { return detail; }
    public String recordedByName() { return recordedByName; }
    public Instant recordedAt() { return recordedAt; }
}

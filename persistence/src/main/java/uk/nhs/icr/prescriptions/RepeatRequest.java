package uk.nhs.icr.prescriptions;

import java.time.Instant;
import java.util.Locale;
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
 * A request for one repeat, by the patient or someone acting for them: pending until the practice issues it to the
 * pharmacy named or rejects it with a reason the patient reads. At most one request of a repeat is pending (the database
 * holds that, so two racing requests cannot both be).
 */
@Entity
@Table(name = "repeat_request")
public class RepeatRequest {

    public enum Status { PENDING, ISSUED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_id", nullable = false, updatable = false)
    private RepeatTemplate template;

    @Column(name = "patient_nhs_number", nullable = false, updatable = false)
    private NhsNumber patient;

    @Column(name = "practice_ods", nullable = false, updatable = false)
    private OdsCode practice;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "note", updatable = false)
    private String note;

    @Column(name = "pharmacy_ods", nullable = false, updatable = false)
    private OdsCode pharmacy;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private Status status = Status.PENDING;

    @Column(name = "decided_by_name")
    private String decidedByName;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected RepeatRequest() {
        // for JPA
    }

    public RepeatRequest(RepeatTemplate template, String requestedBy, Instant requestedAt, String note, OdsCode pharmacy) {
        this.template = Objects.requireNonNull(template);
        this.patient = template.patient();
        this.practice = template.practice();
        this.requestedBy = Objects.requireNonNull(requestedBy);
        this.requestedAt = Objects.requireNonNull(requestedAt);
        this.note = note;
        this.pharmacy = Objects.requireNonNull(pharmacy);
    }

    /** The practice issues it: one more issue of the repeat is used, and the prescription goes to the pharmacy named. */
    public void issue(String by, Instant at) {
        requirePending();
        template.issueOne();
        decide(Status.ISSUED, by, at);
    }

    public void reject(String by, String reason, Instant at) {
        requirePending();
        this.rejectionReason = Objects.requireNonNull(reason);
        decide(Status.REJECTED, by, at);
    }

    private void decide(Status outcome, String by, Instant at) {
        this.status = outcome;
        this.decidedByName = Objects.requireNonNull(by);
        this.decidedAt = Objects.requireNonNull(at);
    }

    private void requirePending() {
        if (status != Status.PENDING) {
            throw new IllegalStateException("this request was " + status.name().toLowerCase(Locale.ROOT) + " already");
        }
    }

    public boolean pending() { return status == Status.PENDING; }
    public Long id() { return id; }
    public RepeatTemplate template() { return template; }
    public NhsNumber patient() { return patient; }
    public OdsCode practice() { return practice; }
    public String requestedBy() { return requestedBy; }
    public Instant requestedAt() { return requestedAt; }
    public String note() { return note; }
    public OdsCode pharmacy() { return pharmacy; }
    public Status status() { return status; }
    public String decidedByName() { return decidedByName; }
    public Instant decidedAt() { return decidedAt; }
    public String rejectionReason() { return rejectionReason; }
}

package uk.nhs.icr.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One access to patient data, granted or denied: who (user, role, organisation), which patient, what
 * (resource and action), why (purpose), when, from where, and the outcome. A row is appended unsealed, with no
 * lock; the sealer then gives it, once, its place in the chain ({@code chainSeq}), the previous row's hash and a
 * SHA-256 hash over its content and that previous hash. Its content never changes.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    public static final String GENESIS_HASH = "0".repeat(64);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "username", nullable = false, updatable = false)
    private String username;

    @Column(name = "role", nullable = false, updatable = false)
    private String role;

    @Column(name = "organisation_ods", nullable = false, updatable = false)
    private String organisation;

    @Column(name = "patient_nhs_number", updatable = false)
    private String patientNhsNumber;

    @Column(name = "resource_type", nullable = false, updatable = false)
    private String resourceType;

    @Column(name = "action", nullable = false, updatable = false)
    private String action;

    @Column(name = "purpose", nullable = false, updatable = false)
    private String purpose;

    @Column(name = "outcome", nullable = false, updatable = false)
    private String outcome;

    @Column(name = "reason", nullable = false, updatable = false)
    private String reason;

    @Column(name = "channel", nullable = false, updatable = false)
    private String channel;

    @Column(name = "client_address", nullable = false, updatable = false)
    private String clientAddress;

    @Column(name = "correlation_id", updatable = false)
    private String correlationId;

    /** Set by the sealer, never through this entity. */
    @Column(name = "previous_hash", insertable = false, updatable = false)
    private String previousHash;

    @Column(name = "hash", insertable = false, updatable = false)
    private String hash;

    @Column(name = "chain_seq", insertable = false, updatable = false)
    private Long chainSeq;

    protected AuditEvent() {
        // for JPA
    }

    /** A new, unsealed event; the time is kept to the microsecond, as PostgreSQL stores it. */
    public AuditEvent(AuditEntry entry, Instant occurredAt) {
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        this.username = entry.username();
        this.role = entry.role();
        this.organisation = entry.organisation();
        this.patientNhsNumber = entry.patientNhsNumber();
        this.resourceType = entry.resourceType();
        this.action = entry.action();
        this.purpose = entry.purpose();
        this.outcome = entry.outcome();
        this.reason = entry.reason();
        this.channel = entry.channel();
        this.clientAddress = entry.clientAddress();
        this.correlationId = entry.correlationId();
    }

    /** The hash this row should carry given its content and its recorded previous hash. */
    public String computeHash() {
        return hashAfter(previousHash);
    }

    /** The hash this row's content has when chained after {@code previous}. */
    public String hashAfter(String previous) {
        String canonical = Stream.of(Objects.requireNonNull(previous), occurredAt.toString(), username, role, organisation,
                        patientNhsNumber, resourceType, action, purpose, outcome, reason, channel, clientAddress)
                .map(value -> value == null ? "" : value)
                .collect(Collectors.joining("\u001f"))
                // the request's id, when the row has one (rows from before it was kept hash as they always did)
                + (correlationId == null ? "" : "\u001f" + correlationId);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public Long id() { return id; }
    public Instant occurredAt() { return occurredAt; }
    public String username() { return username; }
    public String role() { return role; }
    public String organisation() { return organisation; }
    public String patientNhsNumber() { return patientNhsNumber; }
    public String resourceType() { return resourceType; }
    public String action() { return action; }
    public String purpose() { return purpose; }
    public String outcome() { return outcome; }
    public String reason() { return reason; }
    public String channel() { return channel; }
    public String clientAddress() { return clientAddress; }
    public String correlationId() { return correlationId; }
    public String previousHash() { return previousHash; }
    public String hash() { return hash; }
    public Long chainSeq() { return chainSeq; }
}

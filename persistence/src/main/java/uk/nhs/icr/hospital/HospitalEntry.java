package uk.nhs.icr.hospital;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.record.EntryAuthor;
import uk.nhs.icr.shared.OdsCode;

/**
 * One entry in a patient's hospital record. All kinds share one table, so the whole record (or a page of
 * it) loads in one query; each subclass adds the columns of its kind.
 */
@Entity
@Table(name = "hospital_entry")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "entry_type")
public abstract class HospitalEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_nhs_number", nullable = false, updatable = false)
    private NhsNumber patient;

    @Column(name = "entry_type", insertable = false, updatable = false)
    private String entryType;

    @Column(name = "category", nullable = false)
    private String category = "GENERAL";

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "author_username", nullable = false, updatable = false)
    private String authorUsername;

    @Column(name = "author_name", nullable = false, updatable = false)
    private String authorName;

    @Column(name = "organisation_ods", nullable = false, updatable = false)
    private OdsCode organisation;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "status")
    private String status;

    @Column(name = "details")
    private String details;

    protected HospitalEntry() {
        // for JPA
    }

    protected HospitalEntry(NhsNumber patient, Instant occurredAt, EntryAuthor author, Instant recordedAt,
                            String title, String status, String details) {
        this.patient = Objects.requireNonNull(patient);
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.recordedAt = Objects.requireNonNull(recordedAt);
        this.authorUsername = author.username();
        this.authorName = author.name();
        this.organisation = author.organisation();
        this.title = Objects.requireNonNull(title);
        this.status = status;
        this.details = details;
    }

    /** The kind of entry, as stored in {@code entry_type}. */
    public abstract String type();

    /** One line for the timeline, after the title. */
    public abstract String summary();

    /** True for a result outside its reference range. */
    public boolean abnormal() {
        return false;
    }

    /** Files the entry under a sensitive data category (e.g. MENTAL_HEALTH) that consent may withhold. */
    public void fileUnder(String dataCategory) {
        this.category = Objects.requireNonNull(dataCategory);
    }

    protected void changeStatus(String newStatus) {
        this.status = newStatus;
    }

    public Long id() { return id; }
    public NhsNumber patient() { return patient; }
    public String category() { return category; }
    public Instant occurredAt() { return occurredAt; }
    public Instant recordedAt() { return recordedAt; }
    public String authorName() { return authorName; }
    public String authorUsername() { return authorUsername; }
    public OdsCode organisation() { return organisation; }
    public String title() { return title; }
    public String status() { return status; }
    public String details() { return details; }

    static String joined(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                text.append(text.length() == 0 ? "" : " · ").append(part);
            }
        }
        return text.toString();
    }
}

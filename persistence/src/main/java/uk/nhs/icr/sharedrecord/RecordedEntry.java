package uk.nhs.icr.sharedrecord;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.OdsCode;

/**
 * What every entry of either record holds: the patient, when it happened and was recorded, its author and
 * organisation, a title, status and free text, and the data category consent refers to. Each record maps
 * it to its own table ({@code hospital_entry}, {@code social_care_entry}); subclasses add their kind's columns.
 */
@MappedSuperclass
public abstract class RecordedEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_nhs_number", nullable = false, updatable = false)
    private NhsNumber patient;

    /** The discriminator, read back; set by the constructor for entries not yet loaded. */
    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type", insertable = false, updatable = false)
    private EntryType entryType;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false)
    private DataCategory category;

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

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    private EntryStatus status;

    @Column(name = "details")
    private String details;

    /** Marked by a clinician "not for patient view": third-party information, or information likely to cause serious harm. */
    @Column(name = "hidden_from_patient", nullable = false)
    private boolean hiddenFromPatient;

    /** Held back from the patient's own view until then (a result awaiting review); null: not held. */
    @Column(name = "released_to_patient_at")
    private Instant releasedToPatientAt;

    /** For an entry imported from another system: that system's identifier of it (what makes a re-import add nothing). */
    @Column(name = "source_ref", updatable = false)
    private String sourceRef;

    protected RecordedEntry() {
        // for JPA
    }

    protected RecordedEntry(EntryType type, NhsNumber patient, DataCategory category, Instant occurredAt, EntryAuthor author,
                            Instant recordedAt, String title, EntryStatus status, String details) {
        this.entryType = Objects.requireNonNull(type);
        this.patient = Objects.requireNonNull(patient);
        this.category = Objects.requireNonNull(category);
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
    public EntryType type() {
        return entryType;
    }

    /** One line for the timeline, after the title. */
    public abstract String summary();

    /** Files the entry under a sensitive data category (e.g. MENTAL_HEALTH) that consent may withhold. */
    public void fileUnder(DataCategory dataCategory) {
        this.category = Objects.requireNonNull(dataCategory);
    }

    /**
     * Marks the entry "not for patient view" (or clears the mark): it stays in the record for staff, and is left out of
     * the patient's own view and their proxies'.
     */
    public void showToPatient(boolean shown) {
        this.hiddenFromPatient = !shown;
    }

    /** Holds the entry back from the patient's own view until {@code release}. */
    protected void holdFromPatientUntil(Instant release) {
        this.releasedToPatientAt = release;
    }

    /** Whether the patient (or someone acting for them) sees this entry at {@code now}. */
    public boolean visibleToPatientAt(Instant now) {
        return !hiddenFromPatient && (releasedToPatientAt == null || !releasedToPatientAt.isAfter(now));
    }

    protected void changeStatus(EntryStatus newStatus) {
        this.status = newStatus;
    }

    public Long id() { return id; }
    public NhsNumber patient() { return patient; }
    public DataCategory category() { return category; }
    public Instant occurredAt() { return occurredAt; }
    public Instant recordedAt() { return recordedAt; }
    public String authorName() { return authorName; }
    public String authorUsername() { return authorUsername; }
    public OdsCode organisation() { return organisation; }
    public String title() { return title; }
    public EntryStatus status() { return status; }
    public String details() { return details; }
    public boolean hiddenFromPatient() { return hiddenFromPatient; }
    public Instant releasedToPatientAt() { return releasedToPatientAt; }
    public String sourceRef() { return sourceRef; }

    /** Marks this new entry as imported from another system, which knows it by {@code reference}. */
    public void importedAs(String reference) {
        this.sourceRef = reference;
    }

    /** The parts that are there, joined with " · "; a code (a status, a kind) as words a reader expects ("active"). */
    protected static String joined(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            if (part != null && !part.toString().isBlank()) {
                text.append(text.length() == 0 ? "" : " · ").append(part instanceof Enum<?> code ? Codes.phrase(code) : part);
            }
        }
        return text.toString();
    }
}

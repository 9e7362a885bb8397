package uk.nhs.icr.socialcare;

import java.time.Instant;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.RecordedEntry;

/**
 * One entry in a person's social care record. All kinds share one table, so the whole record (or a page of
 * it) loads in one query; each subclass adds the columns of its kind.
 */
@Entity
@Table(name = "social_care_entry")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "entry_type")
@AttributeOverride(name = "patient", column = @Column(name = "person_nhs_number", nullable = false, updatable = false))
public abstract class SocialCareEntry extends RecordedEntry {

    /** Filed here unless the entry is filed under a more specific category (e.g. SAFEGUARDING). */
    public static final DataCategory DEFAULT_CATEGORY = DataCategory.SOCIAL_CARE;

    protected SocialCareEntry() {
        // for JPA
    }

    protected SocialCareEntry(EntryType type, NhsNumber person, Instant occurredAt, EntryAuthor author, Instant recordedAt,
                              String title, EntryStatus status, String details) {
        this(type, person, DEFAULT_CATEGORY, occurredAt, author, recordedAt, title, status, details);
    }

    protected SocialCareEntry(EntryType type, NhsNumber person, DataCategory category, Instant occurredAt, EntryAuthor author,
                              Instant recordedAt, String title, EntryStatus status, String details) {
        super(type, person, category, occurredAt, author, recordedAt, title, status, details);
    }
}

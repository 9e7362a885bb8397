package uk.nhs.icr.hospital;

import java.time.Instant;

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
 * One entry in a patient's hospital record. All kinds share one table, so the whole record (or a page of
 * it) loads in one query; each subclass adds the columns of its kind.
 */
@Entity
@Table(name = "hospital_entry")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "entry_type")
public abstract class HospitalEntry extends RecordedEntry {

    /** Filed here unless the entry is filed under a sensitive category. */
    public static final DataCategory DEFAULT_CATEGORY = DataCategory.GENERAL;

    protected HospitalEntry() {
        // for JPA
    }

    protected HospitalEntry(EntryType type, NhsNumber patient, Instant occurredAt, EntryAuthor author, Instant recordedAt,
                            String title, EntryStatus status, String details) {
        super(type, patient, DEFAULT_CATEGORY, occurredAt, author, recordedAt, title, status, details);
    }

    /** True for a result outside its reference range. */
    public boolean abnormal() {
        return false;
    }
}

package uk.nhs.icr.sharedrecord.service;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

import uk.nhs.icr.access.Organisation;
import uk.nhs.icr.hospital.HospitalEntry;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.RecordSource;
import uk.nhs.icr.socialcare.SocialCareEntry;

/**
 * One line of the shared record, from either store ({@code source}: its {@link RecordSource#code()}), with its author and
 * organisation; on the timeline also the organisation's name and the setting it was recorded in ("GP practice",
 * "Hospital", "Social care"), which the store alone does not tell (a GP's blood test is in the hospital store). For staff,
 * whether the patient's own view shows it: {@code hiddenFromPatient} (marked not for patient view) and
 * {@code releasedToPatientAt} (held back until then: a result awaiting review; null when not held).
 */
public record RecordEntry(String source, EntryType type, long id, Instant occurredAt, String title, String summary,
                          EntryStatus status, String authorName, String organisationOdsCode, boolean abnormal, DataCategory category,
                          String organisationName, String setting, boolean hiddenFromPatient, Instant releasedToPatientAt)
        implements Serializable {

    /** This entry with its organisation named, and the setting its type says (the store's when ICR does not know it). */
    public RecordEntry named(Organisation organisation) {
        String where = organisation == null ? (RecordSource.HOSPITAL.code().equals(source) ? "Hospital" : "Social care")
                : switch (organisation.type()) {
                    case GP_PRACTICE -> "GP practice";
                    case HOSPITAL_TRUST -> "Hospital";
                    case LOCAL_AUTHORITY, CARE_PROVIDER -> "Social care";
                    case NATIONAL_SERVICE -> "National service";
                };
        return new RecordEntry(source, type, id, occurredAt, title, summary, status, authorName, organisationOdsCode, abnormal, category,
                organisation == null ? organisationOdsCode : organisation.name(), where, hiddenFromPatient, releasedToPatientAt);
    }

    /** The UK day it happened: a problem's onset, a medicine's start. */
    public LocalDate occurredOn() {
        return occurredAt.atZone(UkClock.ZONE).toLocalDate();
    }

    public static RecordEntry of(HospitalEntry entry) {
        return new RecordEntry(RecordSource.HOSPITAL.code(), entry.type(), entry.id(), entry.occurredAt(), entry.title(), entry.summary(),
                entry.status(), entry.authorName(), entry.organisation().value(), entry.abnormal(), entry.category(), null, null,
                entry.hiddenFromPatient(), entry.releasedToPatientAt());
    }

    public static RecordEntry of(SocialCareEntry entry) {
        return new RecordEntry(RecordSource.SOCIAL_CARE.code(), entry.type(), entry.id(), entry.occurredAt(), entry.title(), entry.summary(),
                entry.status(), entry.authorName(), entry.organisation().value(), false, entry.category(), null, null,
                entry.hiddenFromPatient(), entry.releasedToPatientAt());
    }

    /** Clinical text: keep it out of logs. */
    @Override
    public String toString() {
        return "RecordEntry[" + source + " " + type + " " + id + "]";
    }
}

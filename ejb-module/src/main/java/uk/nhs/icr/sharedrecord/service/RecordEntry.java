package uk.nhs.icr.sharedrecord.service;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

import uk.nhs.icr.hospital.HospitalEntry;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.RecordSource;
import uk.nhs.icr.socialcare.SocialCareEntry;

/** One line of the shared record, from either store ({@code source}: its {@link RecordSource#code()}), with its author and organisation. */
public record RecordEntry(String source, EntryType type, long id, Instant occurredAt, String title, String summary,
                          EntryStatus status, String authorName, String organisationOdsCode, boolean abnormal, DataCategory category)
        implements Serializable {

    /** The UK day it happened: a problem's onset, a medicine's start. */
    public LocalDate occurredOn() {
        return occurredAt.atZone(UkClock.ZONE).toLocalDate();
    }

    public static RecordEntry of(HospitalEntry entry) {
        return new RecordEntry(RecordSource.HOSPITAL.code(), entry.type(), entry.id(), entry.occurredAt(), entry.title(), entry.summary(),
                entry.status(), entry.authorName(), entry.organisation().value(), entry.abnormal(), entry.category());
    }

    public static RecordEntry of(SocialCareEntry entry) {
        return new RecordEntry(RecordSource.SOCIAL_CARE.code(), entry.type(), entry.id(), entry.occurredAt(), entry.title(), entry.summary(),
                entry.status(), entry.authorName(), entry.organisation().value(), false, entry.category());
    }

    /** Clinical text: keep it out of logs. */
    @Override
    public String toString() {
        return "RecordEntry[" + source + " " + type + " " + id + "]";
    }
}

package uk.nhs.icr.sharedrecord.service;

import java.io.Serializable;
import java.time.Instant;

import uk.nhs.icr.hospital.HospitalEntry;
import uk.nhs.icr.socialcare.SocialCareEntry;

/** One line of the shared record, from either store, with its author and organisation. */
public record RecordEntry(String source, String type, long id, Instant occurredAt, String title, String summary,
                          String status, String authorName, String organisationOdsCode, boolean abnormal, String category)
        implements Serializable {

    public static final String HOSPITAL = "hospital";
    public static final String SOCIAL_CARE = "social-care";

    public static RecordEntry of(HospitalEntry entry) {
        return new RecordEntry(HOSPITAL, entry.type(), entry.id(), entry.occurredAt(), entry.title(), entry.summary(),
                entry.status(), entry.authorName(), entry.organisation().value(), entry.abnormal(), entry.category());
    }

    public static RecordEntry of(SocialCareEntry entry) {
        return new RecordEntry(SOCIAL_CARE, entry.type(), entry.id(), entry.occurredAt(), entry.title(), entry.summary(),
                entry.status(), entry.authorName(), entry.organisation().value(), false, entry.category());
    }

    /** Clinical text: keep it out of logs. */
    @Override
    public String toString() {
        return "RecordEntry[" + source + " " + type + " " + id + "]";
    }
}

package uk.nhs.icr.sharedrecord.service;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.Fields;
import uk.nhs.icr.sharedrecord.EntryAuthor;

/**
 * The steps every write to either record takes once access is granted: a well-formed form (all bad fields
 * reported at once), then the caller as the entry's author.
 */
@ApplicationScoped
public class RecordWriter {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    UkClock clock;

    /** Throws the collected field errors; otherwise the signed-in caller, as the entry's author. */
    public EntryAuthor author(FieldErrors errors) {
        errors.throwIfAny();
        Caller caller = currentCaller.require();
        return new EntryAuthor(caller.username(), caller.displayName(), caller.organisation());
    }

    public Instant now() {
        return clock.now();
    }

    /** A plan's review date (field {@code reviewDate}): required, and today or later in England. */
    public LocalDate reviewDate(String typed, FieldErrors errors) {
        LocalDate review = errors.parse("reviewDate", typed, Fields.date("review date", true));
        if (review != null && review.isBefore(clock.today())) {
            errors.add("reviewDate", "review date cannot be in the past");
            return null;
        }
        return review;
    }
}

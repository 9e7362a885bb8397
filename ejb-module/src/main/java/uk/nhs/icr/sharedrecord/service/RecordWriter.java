package uk.nhs.icr.sharedrecord.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.sharedrecord.EntryAuthor;

/** What every write to either record stamps on its entry once access is granted: the caller as author, and when. */
@ApplicationScoped
public class RecordWriter {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    UkClock clock;

    /** The signed-in caller, as the entry's author. */
    public EntryAuthor author() {
        Caller caller = currentCaller.require();
        return new EntryAuthor(caller.username(), caller.displayName(), caller.organisation());
    }

    public Instant now() {
        return clock.now();
    }
}

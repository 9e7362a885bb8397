package uk.nhs.icr.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Which entries of a patient's access log a reviewer wants: by the member of staff (their username), by outcome
 * (GRANTED, GRANTED_BY_BREAK_GLASS, DENIED), break-glass accesses only, and a time window (from inclusive, to
 * exclusive). Empty: everything.
 */
public record AccessLogFilter(Optional<String> username, Optional<String> outcome, boolean breakGlassOnly, Optional<Instant> from,
                              Optional<Instant> to) {

    public static final AccessLogFilter EVERYTHING = new AccessLogFilter(Optional.empty(), Optional.empty(), false, Optional.empty(),
            Optional.empty());
}

package uk.nhs.icr.audit;

import java.time.Instant;

/**
 * Which entries of a patient's access log a reviewer wants: by the member of staff (their username), by outcome
 * (GRANTED, GRANTED_BY_BREAK_GLASS, DENIED), break-glass accesses only, and a time window (from inclusive, to
 * exclusive). A null part does not filter; all null (and not break-glass only): everything. Serializable, as the portal
 * keeps it in a page's view: so nullable parts rather than {@link java.util.Optional} ones.
 */
public record AccessLogFilter(String username, String outcome, boolean breakGlassOnly, Instant from, Instant to)
        implements java.io.Serializable {

    public static final AccessLogFilter EVERYTHING = new AccessLogFilter(null, null, false, null, null);
}

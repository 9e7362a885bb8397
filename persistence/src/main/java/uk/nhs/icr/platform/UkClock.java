package uk.nhs.icr.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one source of "now" in ICR. Instants are absolute; calendar dates (today, a birthday, a review date)
 * are dates in England, whatever zone the JVM runs in. Inject it; a test builds a {@link #fixedAt} one.
 */
@ApplicationScoped
public class UkClock {

    /** Where ICR's users are: dates are UK dates, and a date-time typed without an offset is UK local time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private final Clock clock;

    public UkClock() {
        this(Clock.system(ZONE));
    }

    private UkClock(Clock clock) {
        this.clock = clock;
    }

    /** A clock that always says {@code instant}: for tests. */
    public static UkClock fixedAt(Instant instant) {
        return new UkClock(Clock.fixed(instant, ZONE));
    }

    public Instant now() {
        return clock.instant();
    }

    /** Today's date in England. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}

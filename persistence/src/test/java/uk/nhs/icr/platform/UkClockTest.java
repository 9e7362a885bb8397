package uk.nhs.icr.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class UkClockTest {

    @Test
    void today_is_the_date_in_england_not_in_utc() {
        // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time
        assertEquals(LocalDate.of(2026, 7, 1), UkClock.fixedAt(Instant.parse("2026-06-30T23:30:00Z")).today());
        // in winter England keeps UTC
        assertEquals(LocalDate.of(2026, 12, 31), UkClock.fixedAt(Instant.parse("2026-12-31T23:30:00Z")).today());
    }

    @Test
    void a_fixed_clock_says_the_same_instant() {
        Instant at = Instant.parse("2026-11-26T09:30:00Z");
        assertEquals(at, UkClock.fixedAt(at).now());
    }
}

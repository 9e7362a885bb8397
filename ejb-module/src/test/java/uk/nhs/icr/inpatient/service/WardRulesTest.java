package uk.nhs.icr.inpatient.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** When a ward dose is overdue, against a fixed clock. */
class WardRulesTest {

    private static final WardRules RULES = WardRules.of(Duration.ofMinutes(60), Duration.ofMinutes(30));
    private static final Instant DUE = Instant.parse("2026-11-27T08:00:00Z");

    @Test
    void a_time_critical_dose_is_overdue_after_30_minutes_and_any_other_after_60() {
        assertFalse(RULES.overdue(true, DUE, DUE.plus(Duration.ofMinutes(30))));
        assertTrue(RULES.overdue(true, DUE, DUE.plus(Duration.ofMinutes(31))));
        assertFalse(RULES.overdue(false, DUE, DUE.plus(Duration.ofMinutes(60))));
        assertTrue(RULES.overdue(false, DUE, DUE.plus(Duration.ofMinutes(61))));
    }
}

package uk.nhs.icr.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The limits of an as-required medicine, doses recorded in any order. */
class AsRequiredLimitsTest {

    private static final AsRequiredLimits TWICE_A_DAY_FOUR_HOURS_APART = new AsRequiredLimits(240, 2);

    private static Instant at(String time) {
        return Instant.parse("2026-11-" + time + ":00Z");
    }

    @Test
    void a_dose_too_soon_after_or_before_another_is_refused() {
        assertTrue(TWICE_A_DAY_FOUR_HOURS_APART.breach("Paracetamol", List.of(at("27T08:00")), at("27T10:00")).isPresent());
        assertTrue(TWICE_A_DAY_FOUR_HOURS_APART.breach("Paracetamol", List.of(at("27T12:00")), at("27T10:00")).isPresent(),
                "recorded late, before a dose already given");
        assertEquals(Optional.empty(), TWICE_A_DAY_FOUR_HOURS_APART.breach("Paracetamol", List.of(at("27T08:00")), at("27T12:00")));
    }

    @Test
    void any_24_hours_that_would_hold_the_dose_count_not_only_the_day_before_and_after_it() {
        // 08:00 and 04:00 the next day are 20 hours apart: a dose at 18:00 between them makes three in 08:00 to 08:00
        assertTrue(TWICE_A_DAY_FOUR_HOURS_APART.breach("Paracetamol", List.of(at("27T08:00"), at("28T04:00")), at("27T18:00"))
                .orElseThrow().contains("3 times in 24 hours"));
        assertEquals(Optional.empty(), TWICE_A_DAY_FOUR_HOURS_APART.breach("Paracetamol", List.of(at("27T08:00")), at("28T07:00")));
    }
}

package uk.nhs.icr.waits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.waits.WaitEstimate.Observation;

/**
 * The worked example: seven pathways, treated after 2, 4, 6, 8 and 10 weeks, and two censored (still waiting, or
 * stopped otherwise) at 5 and 7 weeks.
 */
class WaitEstimateTest {

    private static final List<Observation> SEVEN = List.of(treated(2), treated(4), censored(5), treated(6), censored(7), treated(8),
            treated(10));

    private static Observation treated(int weeks) {
        return new Observation(weeks * 7, true, 1);
    }

    private static Observation censored(int weeks) {
        return new Observation(weeks * 7, false, 1);
    }

    @Test
    void from_the_start_half_are_treated_by_8_weeks_and_nine_in_ten_by_10() {
        // S(2) = 6/7; S(4) = 6/7 × 5/6 = 5/7; S(6) = 5/7 × 3/4 = 15/28 (0.54); S(8) = 15/28 × 1/2 = 0.27; S(10) = 0
        WaitEstimate.Remaining remaining = WaitEstimate.after(0, SEVEN);
        assertEquals(7, remaining.atRisk());
        assertEquals(OptionalInt.of(8), remaining.halfWithinWeeks());
        assertEquals(OptionalInt.of(10), remaining.nineInTenWithinWeeks());
    }

    @Test
    void after_4_weeks_waited_half_are_treated_within_a_further_4_and_nine_in_ten_within_6() {
        // still waiting at 4 weeks: those at 5 (censored), 6, 7 (censored), 8, 10. S(6) = 3/4; S(8) = 3/4 × 1/2 = 3/8; S(10) = 0
        WaitEstimate.Remaining remaining = WaitEstimate.after(28, SEVEN);
        assertEquals(5, remaining.atRisk());
        assertEquals(OptionalInt.of(4), remaining.halfWithinWeeks());
        assertEquals(OptionalInt.of(6), remaining.nineInTenWithinWeeks());
    }

    @Test
    void when_too_few_were_treated_the_point_is_not_reached_and_nothing_is_invented() {
        WaitEstimate.Remaining remaining = WaitEstimate.after(0, List.of(treated(3), censored(4), censored(5), censored(9)));
        assertEquals(OptionalInt.empty(), remaining.halfWithinWeeks(), "S(3) = 3/4: half were never seen treated");
        assertTrue(remaining.nineInTenWithinWeeks().isEmpty());
        assertEquals(0, WaitEstimate.after(70, SEVEN).atRisk(), "nobody waited past 10 weeks");
    }
}

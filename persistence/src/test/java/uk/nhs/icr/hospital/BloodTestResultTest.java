package uk.nhs.icr.hospital;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.sharedrecord.EntryAuthor;

class BloodTestResultTest {

    private static final EntryAuthor LAB = new EntryAuthor("lab", "Laboratory", new OdsCode("RXA"));

    private static BloodTestResult result(String value, String low, String high) {
        return new BloodTestResult(NhsNumber.parse("9434765919"), "Potassium", new BigDecimal(value), "mmol/L",
                low == null ? null : new BigDecimal(low), high == null ? null : new BigDecimal(high), Instant.EPOCH, LAB, Instant.EPOCH);
    }

    @Test
    void values_on_the_bounds_of_the_reference_range_are_normal() {
        assertEquals(BloodTestResult.Flag.NORMAL, result("3.5", "3.5", "5.3").flag());
        assertEquals(BloodTestResult.Flag.NORMAL, result("5.30", "3.5", "5.3").flag());
        assertFalse(result("4.2", "3.5", "5.3").abnormal());
    }

    @Test
    void values_outside_the_range_are_flagged_low_or_high() {
        assertEquals(BloodTestResult.Flag.LOW, result("3.49", "3.5", "5.3").flag());
        assertEquals(BloodTestResult.Flag.HIGH, result("5.31", "3.5", "5.3").flag());
        assertTrue(result("6.1", null, "5.3").abnormal(), "an upper limit alone still flags");
        assertEquals(BloodTestResult.Flag.NORMAL, result("99", null, null).flag(), "no range, nothing to compare with");
    }

    @Test
    void the_summary_shows_value_unit_range_and_flag() {
        assertEquals("6.1 mmol/L · range 3.5–5.3 · HIGH", result("6.1", "3.5", "5.3").summary());
        assertEquals("4.9 mmol/L · range up to 5", result("4.9", null, "5").summary());
        assertEquals("95 mmol/L · range from 90", result("95", "90", null).summary());
        assertEquals("4.2 mmol/L", result("4.2", null, null).summary());
    }

    private static final Instant RECORDED = Instant.parse("2026-11-02T10:00:00Z");

    private static BloodTestResult recordedResult() {
        return new BloodTestResult(NhsNumber.parse("9434765919"), "Potassium", new BigDecimal("6.1"), "mmol/L", new BigDecimal("3.5"),
                new BigDecimal("5.3"), RECORDED.minus(Duration.ofHours(3)), LAB, RECORDED);
    }

    @Test
    void a_result_held_for_review_reaches_the_patient_when_the_release_delay_has_passed() {
        BloodTestResult result = recordedResult();
        result.holdForReview(Duration.ofDays(7));

        assertFalse(result.visibleToPatientAt(RECORDED));
        assertFalse(result.visibleToPatientAt(RECORDED.plus(Duration.ofDays(7)).minusSeconds(1)));
        assertTrue(result.visibleToPatientAt(RECORDED.plus(Duration.ofDays(7))));
    }

    @Test
    void a_review_releases_the_result_at_once_with_the_clinicians_comment() {
        BloodTestResult result = recordedResult();
        result.holdForReview(Duration.ofDays(7));
        Instant reviewed = RECORDED.plus(Duration.ofDays(1));

        result.review("gp.beech", "Dr Anna Beech", "  Slightly high: we will repeat the test  ", reviewed);

        assertTrue(result.visibleToPatientAt(reviewed));
        assertFalse(result.visibleToPatientAt(reviewed.minusSeconds(1)));
        assertEquals("Slightly high: we will repeat the test", result.reviewComment());
        assertEquals(reviewed, result.reviewedAt());
    }

    @Test
    void a_review_after_the_release_delay_leaves_the_release_where_it_was_and_a_second_review_is_refused() {
        BloodTestResult result = recordedResult();
        result.holdForReview(Duration.ofDays(7));
        result.review("gp.beech", "Dr Anna Beech", " ", RECORDED.plus(Duration.ofDays(10)));

        assertEquals(RECORDED.plus(Duration.ofDays(7)), result.releasedToPatientAt());
        assertNull(result.reviewComment(), "a blank comment is no comment");
        assertThrows(IllegalStateException.class,
                () -> result.review("gp.canal", "Dr Canal", null, RECORDED.plus(Duration.ofDays(11))));
    }

    @Test
    void an_entry_marked_not_for_patient_view_is_never_shown_to_the_patient() {
        BloodTestResult result = recordedResult();
        assertTrue(result.visibleToPatientAt(RECORDED), "not held: shown");
        result.showToPatient(false);
        assertFalse(result.visibleToPatientAt(RECORDED.plus(Duration.ofDays(3650))));
    }
}

package uk.nhs.icr.socialcare.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.socialcare.PlannedVisit;
import uk.nhs.icr.socialcare.service.CareRules.VisitTiming;

/** The timing rules against a fixed clock. */
class CareRulesTest {

    private static final CareRules RULES = CareRules.of(Duration.ofMinutes(30), Duration.ofMinutes(30), LocalTime.of(18, 0));
    private static final Instant EIGHT = Instant.parse("2026-11-27T08:00:00Z");

    private static PlannedVisit visit(Instant start, Duration length) {
        return new PlannedVisit(NhsNumber.parse("9990000018"), new OdsCode("CP001"), "care.worker", "Maja Nowak", start,
                start.plus(length), 1, List.of("Breakfast"), "care.coordinator", start.minus(Duration.ofDays(1)));
    }

    @Test
    void a_visit_not_started_is_late_30_minutes_after_its_start_and_missed_at_its_end() {
        PlannedVisit breakfast = visit(EIGHT, Duration.ofMinutes(45));
        assertEquals(VisitTiming.NOT_DUE, RULES.timingOf(breakfast, EIGHT.plus(Duration.ofMinutes(29))));
        assertEquals(VisitTiming.LATE, RULES.timingOf(breakfast, EIGHT.plus(Duration.ofMinutes(30))));
        assertEquals(VisitTiming.LATE, RULES.timingOf(breakfast, EIGHT.plus(Duration.ofMinutes(44))));
        assertEquals(VisitTiming.MISSED, RULES.timingOf(breakfast, EIGHT.plus(Duration.ofMinutes(45))));
    }

    @Test
    void a_visit_shorter_than_the_late_threshold_is_missed_at_its_end() {
        PlannedVisit medicines = visit(EIGHT, Duration.ofMinutes(15));
        assertEquals(VisitTiming.NOT_DUE, RULES.timingOf(medicines, EIGHT.plus(Duration.ofMinutes(14))));
        assertEquals(VisitTiming.MISSED, RULES.timingOf(medicines, EIGHT.plus(Duration.ofMinutes(15))));
    }

    @Test
    void a_carer_is_late_when_they_check_in_more_than_30_minutes_after_the_start() {
        PlannedVisit onTime = visit(EIGHT, Duration.ofMinutes(45));
        onTime.checkIn("care.worker", EIGHT.plus(Duration.ofMinutes(30)), Duration.ofHours(1), Duration.ofHours(1));
        assertFalse(RULES.arrivedLate(onTime));
        PlannedVisit late = visit(EIGHT, Duration.ofMinutes(45));
        late.checkIn("care.worker", EIGHT.plus(Duration.ofMinutes(31)), Duration.ofHours(1), Duration.ofHours(1));
        assertTrue(RULES.arrivedLate(late));
    }

    @Test
    void a_visit_is_checked_into_only_around_its_time() {
        PlannedVisit nextWeek = visit(EIGHT.plus(Duration.ofDays(7)), Duration.ofMinutes(30));
        PlannedVisit.VisitStateException refused = org.junit.jupiter.api.Assertions.assertThrows(PlannedVisit.VisitStateException.class,
                () -> nextWeek.checkIn("care.worker", EIGHT, Duration.ofHours(1), Duration.ofHours(1)));
        assertTrue(refused.getMessage().contains("not due now"));
        org.junit.jupiter.api.Assertions.assertThrows(PlannedVisit.VisitStateException.class,
                () -> visit(EIGHT, Duration.ofMinutes(30)).checkIn("care.worker.tom", EIGHT, Duration.ofHours(1), Duration.ofHours(1)),
                "another carer's visit");
    }

    @Test
    void the_fluid_check_is_at_six_in_the_evening_uk_time_in_summer_and_winter() {
        assertEquals(Instant.parse("2026-11-27T18:00:00Z"), RULES.fluidCheckOn(LocalDate.of(2026, 11, 27)));
        assertEquals(Instant.parse("2026-07-01T17:00:00Z"), RULES.fluidCheckOn(LocalDate.of(2026, 7, 1)));
        assertEquals(UkClock.ZONE, java.time.ZoneId.of("Europe/London"));
    }
}

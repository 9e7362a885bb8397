package uk.nhs.icr.socialcare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.sharedrecord.DataCategory;

class CareMedicineTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final NhsNumber PERSON = NhsNumber.parse("9990000018");

    private static CareMedicine fourTimesADay(LocalDate startedOn) {
        return CareMedicine.regular(PERSON, new OdsCode("CP001"), "Co-careldopa 25mg/100mg tablets", "One tablet", "oral",
                DataCategory.GENERAL, List.of(LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(16, 0), LocalTime.of(20, 0)), true,
                false, startedOn, "care.coordinator", Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void doses_are_due_at_uk_clock_times_across_the_change_to_summer_time() {
        CareMedicine medicine = fourTimesADay(LocalDate.of(2026, 3, 1));
        // 29 March 2026: the clocks go forward at 01:00 GMT; 08:00 is 07:00Z that day and 08:00Z the day before
        List<Instant> due = medicine.dosesDue(Instant.parse("2026-03-28T10:00:00Z"), Instant.parse("2026-03-29T13:00:00Z"), UK);
        assertEquals(List.of(Instant.parse("2026-03-28T12:00:00Z"), Instant.parse("2026-03-28T16:00:00Z"),
                Instant.parse("2026-03-28T20:00:00Z"), Instant.parse("2026-03-29T07:00:00Z"), Instant.parse("2026-03-29T11:00:00Z")), due);
    }

    @Test
    void nothing_is_due_before_it_started_or_after_it_stopped() {
        CareMedicine medicine = fourTimesADay(LocalDate.of(2026, 11, 27));
        assertEquals(List.of(), medicine.dosesDue(Instant.parse("2026-11-26T00:00:00Z"), Instant.parse("2026-11-27T00:00:00Z"), UK));
        medicine.stop(Instant.parse("2026-11-27T13:00:00Z"));
        assertEquals(List.of(Instant.parse("2026-11-27T08:00:00Z"), Instant.parse("2026-11-27T12:00:00Z")),
                medicine.dosesDue(Instant.parse("2026-11-27T00:00:00Z"), Instant.parse("2026-11-28T00:00:00Z"), UK));
    }

    @Test
    void a_dose_is_recorded_against_one_of_its_due_times_and_an_as_required_medicine_has_none() {
        CareMedicine medicine = fourTimesADay(LocalDate.of(2026, 11, 1));
        assertTrue(medicine.isDueAt(Instant.parse("2026-11-27T16:00:00Z"), UK));
        assertFalse(medicine.isDueAt(Instant.parse("2026-11-27T16:01:00Z"), UK));
        CareMedicine prn = CareMedicine.asRequired(PERSON, new OdsCode("CP001"), "Paracetamol 500mg tablets", "Two tablets", "oral",
                DataCategory.GENERAL, "For pain", 240, 4, false, LocalDate.of(2026, 11, 1), "care.coordinator", Instant.now());
        assertEquals(List.of(), prn.dosesDue(Instant.parse("2026-11-27T00:00:00Z"), Instant.parse("2026-11-28T00:00:00Z"), UK));
    }
}

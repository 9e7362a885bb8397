package uk.nhs.icr.inpatient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.terminology.Medicine;

/** When an inpatient prescription's doses fall due. */
class PrescriptionTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Medicine AMLODIPINE = new Medicine(null, "Amlodipine", "Amlodipine 5mg tablets", "tablet", "5 mg", "oral", "mg");
    private static final EntryAuthor PRESCRIBER = new EntryAuthor("clinician.northgate", "Dr Priya Mistry", new OdsCode("RXA"));

    private static Prescription prescription(Prescription.Kind kind, Instant start, Instant end, LocalTime... times) {
        return new Prescription(1L, NhsNumber.parse("9990000018"), new Prescription.Order(AMLODIPINE, kind, BigDecimal.ONE, "oral",
                List.of(times), null, start, end, null, null, DataCategory.GENERAL), PRESCRIBER, start, List.of(), null, false);
    }

    @Test
    void a_regular_prescription_is_due_at_its_times_from_its_start_and_before_its_end_in_uk_time() {
        Prescription p = prescription(Prescription.Kind.REGULAR, Instant.parse("2026-03-28T10:00:00Z"),
                Instant.parse("2026-03-30T09:00:00Z"), LocalTime.of(8, 0), LocalTime.of(20, 0));
        assertEquals(List.of(Instant.parse("2026-03-28T20:00:00Z"), Instant.parse("2026-03-29T07:00:00Z"),
                        Instant.parse("2026-03-29T19:00:00Z"), Instant.parse("2026-03-30T07:00:00Z")),
                p.dosesDue(Instant.parse("2026-03-28T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"), UK),
                "08:00 stays 08:00 across the change of the clocks; none before the start or after the end");
    }

    @Test
    void a_once_only_prescription_is_due_once_at_its_start_and_a_stopped_one_no_more() {
        Instant start = Instant.parse("2026-11-27T09:15:00Z");
        Prescription once = prescription(Prescription.Kind.ONCE_ONLY, start, null);
        assertEquals(List.of(start), once.dosesDue(start.minusSeconds(3600), start.plusSeconds(86400), UK));

        Prescription regular = prescription(Prescription.Kind.REGULAR, start, null, LocalTime.of(8, 0));
        regular.stop("clinician.northgate", "Low blood pressure", Instant.parse("2026-11-29T07:00:00Z"));
        assertEquals(List.of(Instant.parse("2026-11-28T08:00:00Z")),
                regular.dosesDue(start, Instant.parse("2026-12-01T00:00:00Z"), UK));
    }
}

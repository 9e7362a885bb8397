package uk.nhs.icr.research;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** What a research dataset keeps of a date of birth, a date and a postcode. */
class GeneraliseTest {

    @Test
    void ages_go_into_ten_year_bands_on_the_day_with_90_and_over_together() {
        LocalDate on = LocalDate.of(2026, 6, 30);
        assertEquals("40-49", Generalise.ageBand(LocalDate.of(1977, 6, 30), on), "49 on the day");
        assertEquals("40-49", Generalise.ageBand(LocalDate.of(1986, 6, 30), on), "40 on the day");
        assertEquals("30-39", Generalise.ageBand(LocalDate.of(1986, 7, 1), on), "40 the day after");
        assertEquals("0-9", Generalise.ageBand(LocalDate.of(2026, 1, 1), on));
        assertEquals("90+", Generalise.ageBand(LocalDate.of(1920, 1, 1), on));
    }

    @Test
    void a_date_keeps_its_month_and_a_postcode_its_district() {
        assertEquals("1957-03", Generalise.month(LocalDate.of(1957, 3, 14)));
        assertEquals("LS1", Generalise.postcodeDistrict("LS1 4AP"));
        assertEquals("SW1A", Generalise.postcodeDistrict("sw1a1aa"));
        assertEquals("M1", Generalise.postcodeDistrict("M1 1AE"));
        assertEquals("unknown", Generalise.postcodeDistrict("ZZ"));
    }
}

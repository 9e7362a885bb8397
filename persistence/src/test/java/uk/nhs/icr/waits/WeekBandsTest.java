package uk.nhs.icr.waits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The band interpolation of the published statistics, against the fixture worked by hand in WaitingStatisticsIT. */
class WeekBandsTest {

    /** Ten waits of 3, 10, 10, 17, 30, 60, 90, 130, 200 and 700 days: bands 0, 1, 1, 2, 4, 8, 12, 18, 28 and 100. */
    static WeekBands tenWaits() {
        WeekBands bands = WeekBands.empty();
        for (int days : new int[] {3, 10, 10, 17, 30, 60, 90, 130, 200, 700}) {
            bands.add(WeekBands.bandOf(days / 7.0), 1);
        }
        return bands;
    }

    @Test
    void the_median_and_92nd_percentile_are_interpolated_within_the_band_that_holds_them() {
        WeekBands bands = tenWaits();
        // median: the 5th of 10; four wait under band 4, which holds one: 4 + (5 - 4) / 1
        assertEquals(5.0, bands.percentile(0.5).getAsDouble(), 1e-9);
        // 92nd: 9.2 of 10; nine wait under band 100, which holds one: 100 + (9.2 - 9) / 1
        assertEquals(100.2, bands.percentile(0.92).getAsDouble(), 1e-9);
        assertEquals(7, bands.under(18), "seven of ten under 18 weeks");
        assertEquals(10, bands.total());
    }

    @Test
    void a_point_in_the_open_104_band_and_an_empty_list_have_no_figure() {
        WeekBands bands = WeekBands.empty();
        bands.add(3, 1);
        bands.add(WeekBands.bandOf(150), 3);
        assertEquals(WeekBands.OPEN_BAND, WeekBands.bandOf(150));
        assertTrue(bands.percentile(0.5).isEmpty(), "104 weeks or more");
        assertTrue(WeekBands.empty().percentile(0.5).isEmpty());
        // two in band 6: the median of the two is the middle of the band
        WeekBands two = WeekBands.empty();
        two.add(6, 2);
        assertEquals(6.5, two.percentile(0.5).getAsDouble(), 1e-9);
    }
}

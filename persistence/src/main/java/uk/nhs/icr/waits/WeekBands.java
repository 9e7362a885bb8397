package uk.nhs.icr.waits;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Patients counted by weeks waited, in the weekly bands the RTT statistics publish: band k holds those who have waited
 * at least k and under k + 1 weeks, for k from 0 to 103, and the last band ({@value #OPEN_BAND}) everyone from 104 weeks.
 * Percentiles are read from the bands as NHS England reads them: the patients of a band are taken as spread evenly
 * across its week, and the point is interpolated within the band that holds it.
 */
public final class WeekBands {

    /** The open-ended last band: 104 weeks and over. */
    public static final int OPEN_BAND = 104;

    private final long[] counts;

    private WeekBands(long[] counts) {
        this.counts = counts;
    }

    /** Empty bands, 0 to 104+. */
    public static WeekBands empty() {
        return new WeekBands(new long[OPEN_BAND + 1]);
    }

    /** The band a wait of {@code weeks} (whole or not) falls in. */
    public static int bandOf(double weeks) {
        return (int) Math.min(OPEN_BAND, Math.max(0, Math.floor(weeks)));
    }

    /** Adds {@code count} patients to band {@code band}. */
    public void add(int band, long count) {
        counts[Math.min(OPEN_BAND, Math.max(0, band))] += count;
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    /** Patients who had waited under {@code weeks} whole weeks. */
    public long under(int weeks) {
        return Arrays.stream(counts, 0, Math.min(weeks, counts.length)).sum();
    }

    public long[] counts() {
        return counts.clone();
    }

    /**
     * The {@code fraction} point (0.5 the median, 0.92 the 92nd percentile) in weeks, interpolated within its band;
     * empty when there is nobody, or when it falls in the open 104+ band (no upper edge to interpolate to: the
     * statistics say "104 weeks or more").
     */
    public OptionalDouble percentile(double fraction) {
        long total = total();
        if (total == 0) {
            return OptionalDouble.empty();
        }
        double target = fraction * total;
        long before = 0;
        for (int band = 0; band < counts.length; band++) {
            if (counts[band] > 0 && before + counts[band] >= target) {
                return band == OPEN_BAND ? OptionalDouble.empty() : OptionalDouble.of(band + (target - before) / counts[band]);
            }
            before += counts[band];
        }
        return OptionalDouble.empty();
    }
}

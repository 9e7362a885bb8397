package uk.nhs.icr.waits;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * How much longer a patient who has waited some weeks may wait, from what happened to others on the same list: a
 * Kaplan–Meier survival estimate over recent pathways, each ending in treatment (or the start of active monitoring) or
 * censored (still waiting, or stopped for another reason: censored at the stop), taken conditional on the weeks already
 * waited: of those still waiting at that point, by when had half been treated, and by when nine in ten.
 */
public final class WaitEstimate {

    /** Pathways that ended (treated) or were censored after {@code days} days, {@code count} of them. */
    public record Observation(int days, boolean treated, long count) {
    }

    /**
     * For someone who has waited {@code waitedDays}: how many others had waited as long (the estimate rests on them), and
     * the further whole weeks by which half and nine in ten of them were treated (empty: not reached in the data).
     */
    public record Remaining(long atRisk, OptionalInt halfWithinWeeks, OptionalInt nineInTenWithinWeeks) {
    }

    private WaitEstimate() {
    }

    public static Remaining after(int waitedDays, List<Observation> observations) {
        Map<Integer, long[]> byDay = new TreeMap<>();
        for (Observation observation : observations) {
            if (observation.days() > waitedDays) {
                long[] treatedAndCensored = byDay.computeIfAbsent(observation.days(), day -> new long[2]);
                treatedAndCensored[observation.treated() ? 0 : 1] += observation.count();
            }
        }
        long atRisk = byDay.values().stream().mapToLong(counts -> counts[0] + counts[1]).sum();
        long remaining = atRisk;
        double stillWaiting = 1.0;
        Integer half = null;
        Integer nineInTen = null;
        for (Map.Entry<Integer, long[]> day : byDay.entrySet()) {
            long treated = day.getValue()[0];
            if (treated > 0 && remaining > 0) {
                stillWaiting *= 1.0 - (double) treated / remaining;
            }
            if (half == null && stillWaiting <= 0.5 + 1e-12) {
                half = day.getKey();
            }
            if (nineInTen == null && stillWaiting <= 0.1 + 1e-12) {
                nineInTen = day.getKey();
            }
            remaining -= treated + day.getValue()[1];
        }
        return new Remaining(atRisk, furtherWeeks(half, waitedDays), furtherWeeks(nineInTen, waitedDays));
    }

    /** Whole weeks after {@code waitedDays}, rounded up: "within a further 9 weeks". */
    private static OptionalInt furtherWeeks(Integer day, int waitedDays) {
        return day == null ? OptionalInt.empty() : OptionalInt.of((int) Math.ceil((day - waitedDays) / 7.0));
    }
}

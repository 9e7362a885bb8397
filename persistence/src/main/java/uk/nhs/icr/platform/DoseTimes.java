package uk.nhs.icr.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * When a medicine given at set times of day is due: the one calendar rule the care home's MAR chart and the ward's medicines
 * chart share. Times are wall-clock times where the patient is, so 08:00 stays 08:00 across a change of the clocks.
 */
public final class DoseTimes {

    private DoseTimes() {
    }

    /**
     * The due instants from {@code from} (inclusive) to {@code to} (exclusive): each day from {@code firstDay}, at each of
     * {@code times}, none before {@code notBefore} nor at or after {@code until} (either may be null).
     */
    public static List<Instant> between(Collection<LocalTime> times, LocalDate firstDay, Instant notBefore, Instant until, Instant from,
                                        Instant to, ZoneId zone) {
        SortedSet<LocalTime> sorted = new TreeSet<>(times);
        List<Instant> due = new ArrayList<>();
        for (LocalDate day = LocalDate.ofInstant(from, zone); !day.atStartOfDay(zone).toInstant().isAfter(to); day = day.plusDays(1)) {
            if (day.isBefore(firstDay)) {
                continue;
            }
            for (LocalTime time : sorted) {
                Instant at = day.atTime(time).atZone(zone).toInstant();
                if (!at.isBefore(from) && at.isBefore(to) && (notBefore == null || !at.isBefore(notBefore))
                        && (until == null || at.isBefore(until))) {
                    due.add(at);
                }
            }
        }
        return due;
    }
}

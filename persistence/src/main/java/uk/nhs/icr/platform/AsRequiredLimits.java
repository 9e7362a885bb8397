package uk.nhs.icr.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The limits on a medicine given as required: at least {@code minimumIntervalMinutes} between doses and at most
 * {@code mostPer24Hours} in any 24 hours. A dose recorded late may fall before one already recorded, so both directions
 * count: the nearest dose either side, and every 24 hours that would hold it.
 */
public record AsRequiredLimits(int minimumIntervalMinutes, int mostPer24Hours) {

    /** How far either side of a dose {@link #breach} needs to see the others. */
    public static final Duration DAY = Duration.ofHours(24);

    /** Why a dose at {@code at} would break the limits, given the other doses {@code given}; empty when it keeps to them. */
    public Optional<String> breach(String medicine, Collection<Instant> given, Instant at) {
        Optional<Instant> nearest = given.stream().min(Comparator.comparing(other -> Duration.between(other, at).abs()));
        if (nearest.isPresent() && Duration.between(nearest.get(), at).abs().compareTo(Duration.ofMinutes(minimumIntervalMinutes)) < 0) {
            return Optional.of(medicine + " was given " + Duration.between(nearest.get(), at).abs().toMinutes() + " minutes "
                    + (nearest.get().isAfter(at) ? "after" : "before") + " that: at least " + minimumIntervalMinutes
                    + " minutes are needed between doses");
        }
        // every 24 hours that hold the new dose: those starting at it or at a dose in the day before it
        long most = 1 + given.stream().filter(start -> start.isAfter(at.minus(DAY)) && !start.isAfter(at))
                .mapToLong(start -> given.stream().filter(other -> !other.isBefore(start) && other.isBefore(start.plus(DAY))).count())
                .max().orElse(0);
        most = Math.max(most, 1 + given.stream().filter(other -> !other.isBefore(at) && other.isBefore(at.plus(DAY))).count());
        if (most > mostPer24Hours) {
            return Optional.of(medicine + " would be given " + most + " times in 24 hours: at most " + mostPer24Hours + " are allowed");
        }
        return Optional.empty();
    }
}

package uk.nhs.icr.waits.service;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.waits.PublishedWaits;
import uk.nhs.icr.waits.RttPathway;
import uk.nhs.icr.waits.RttStatisticsRepository;
import uk.nhs.icr.waits.WaitEstimate;

/**
 * A patient's estimate for one open pathway, better than an average of the list: from the pathways of the same trust,
 * treatment function and priority open now or ended in the last two years, conditional on the weeks already waited
 * ({@link WaitEstimate}). Below {@value #MINIMUM} people who had waited as long it falls back to every trust's; below
 * that again it gives no figure and says why, adding NHS England's latest imported national figure for the specialty
 * (how long those waiting had waited: not an estimate of the rest) where one was imported.
 */
@ApplicationScoped
public class WaitEstimator {

    /** The fewest people who had waited as long for an estimate to rest on. */
    public static final int MINIMUM = 30;

    /** How far back the pathways reach: open now, or ended within this many years. */
    static final int YEARS = 2;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /**
     * The estimate in figures and in words: basis "this trust", "all trusts" or none (too few), how many people it rests
     * on, the further weeks by which half and nine in ten of them were treated (absent when not reached), and the date
     * of the data.
     */
    public record Estimate(String basis, long restsOn, Integer halfWithinFurtherWeeks, Integer nineInTenWithinFurtherWeeks,
                           String inWords, LocalDate dataAsOf, NationalFigure national) implements Serializable {
    }

    /**
     * Where ICR's lists are too short: NHS England's latest imported figures for the specialty, the weeks that half, and
     * 92 in 100, of the people waiting in England had waited (a waiting list, not an estimate of the rest of a wait).
     */
    public record NationalFigure(String month, Double medianWeeksWaited, Double percentile92WeeksWaited, long waiting)
            implements Serializable {
    }

    @Inject
    RttStatisticsRepository statistics;

    @Inject
    PublishedWaits published;

    public Estimate estimate(RttPathway pathway, String functionName, String trustName, LocalDate today) {
        int waitedDays = (int) (today.toEpochDay() - pathway.clockStart().toEpochDay());
        long weeks = pathway.weeksWaited(today);
        LocalDate since = today.minusYears(YEARS);
        WaitEstimate.Remaining here = WaitEstimate.after(waitedDays, statistics.observations(pathway.treatmentFunction(),
                pathway.priority(), Optional.of(pathway.provider()), since, today));
        String where = functionName + " at " + trustName;
        String basis = "this trust";
        WaitEstimate.Remaining used = here;
        if (here.atRisk() < MINIMUM) {
            used = WaitEstimate.after(waitedDays, statistics.observations(pathway.treatmentFunction(), pathway.priority(),
                    Optional.<OdsCode>empty(), since, today));
            where = functionName + " at every trust ICR holds";
            basis = "all trusts";
        }
        if (used.atRisk() < MINIMUM) {
            String tooFew = "Too few people have waited " + weeks + " weeks for " + functionName + ", here or at other trusts, for an"
                    + " estimate (" + used.atRisk() + "; at least " + MINIMUM + " are needed).";
            Optional<NationalFigure> national = national(pathway.treatmentFunction());
            return new Estimate(null, used.atRisk(), null, null, national.map(figure -> tooFew + " In England in " + figure.month()
                    + ", half of the " + figure.waiting() + " people waiting for " + functionName + " had waited under "
                    + figure.medianWeeksWaited() + " weeks (NHS England's published figures).").orElse(tooFew), today, national.orElse(null));
        }
        Integer half = used.halfWithinWeeks().isPresent() ? used.halfWithinWeeks().getAsInt() : null;
        Integer nineInTen = used.nineInTenWithinWeeks().isPresent() ? used.nineInTenWithinWeeks().getAsInt() : null;
        String of = "Of " + used.atRisk() + " people who had waited " + weeks + " weeks for " + where + ", ";
        String said = half == null ? of + "fewer than half have been treated yet: no estimate can be given."
                : of + "half were treated within a further " + half + (half == 1 ? " week" : " weeks")
                + (nineInTen == null ? "." : " and 9 in 10 within " + nineInTen + ".");
        return new Estimate(basis, used.atRisk(), half, nineInTen, said + " From pathways open on " + DAY.format(today)
                + " or ended since " + DAY.format(since) + ".", today, null);
    }

    /** The latest imported national waiting list (Part_2) for the function, if one was imported and has a median. */
    private Optional<NationalFigure> national(String treatmentFunction) {
        String code = PublishedWaits.publishedCode(treatmentFunction);
        return published.latestPeriodOf("Part_2", code).flatMap(period -> published.bands(period, "Part_2", code, Optional.empty())
                .filter(bands -> bands.percentile(0.5).isPresent())
                .map(bands -> new NationalFigure(YearMonth.from(period).toString(), round(bands.percentile(0.5).getAsDouble()),
                        bands.percentile(0.92).isPresent() ? round(bands.percentile(0.92).getAsDouble()) : null, bands.total())));
    }

    private static double round(double weeks) {
        return Math.round(weeks * 10) / 10.0;
    }
}

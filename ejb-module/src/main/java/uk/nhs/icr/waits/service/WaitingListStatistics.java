package uk.nhs.icr.waits.service;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.nhs.icr.access.OrganisationType;
import uk.nhs.icr.access.StaffDirectory;
import uk.nhs.icr.access.service.NamedOrganisation;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.waits.PublishedWaits;
import uk.nhs.icr.waits.RttPathway;
import uk.nhs.icr.waits.RttPathways;
import uk.nhs.icr.waits.RttStatisticsRepository;
import uk.nhs.icr.waits.RttStatisticsRepository.Distribution;
import uk.nhs.icr.waits.TreatmentFunction;
import uk.nhs.icr.waits.WeekBands;

/**
 * The waiting-list statistics NHS England publishes each month, computed the same way over ICR's own pathways: for a
 * trust (or every trust), a treatment function and a month, the pathways still waiting at the month's end by weekly
 * band, their median and 92nd-percentile weeks (interpolated within the bands, as published; exact ones beside them to
 * compare), the share within 18 weeks against the 92 % standard, and the month's completed pathways (admitted and not).
 * Aggregate counts, no patient data. A month's figures are computed once a day and kept until the day changes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class WaitingListStatistics {

    /** The first month RTT waits were published for (and the earliest a question may ask: it bounds the day's cache). */
    static final YearMonth FIRST_MONTH = YearMonth.of(2007, 1);

    /** The constitutional standard: 92 % of those waiting, within 18 weeks. */
    public static final double STANDARD_SHARE = 0.92;

    /** Which figures: a trust (every trust when empty), a treatment function code, a month. */
    public record StatisticsQuery(Optional<OdsCode> trust, String treatmentFunction, YearMonth month) {
    }

    /**
     * The pathways waiting at the month's end: {@code patientsByWeekBand} index k holds those who had waited k to under
     * k + 1 weeks, the last (104) those of 104 weeks or more. A percentile that falls in the 104+ band has no figure
     * ({@code ...104OrMore} says so).
     */
    public record Incomplete(long total, Double medianWeeks, Double percentile92Weeks, boolean percentile92At104OrMore,
                             Double exactMedianWeeks, Double exactPercentile92Weeks, long within18Weeks, Double shareWithin18Weeks,
                             boolean meetsStandard, List<Long> patientsByWeekBand) implements Serializable {
    }

    /** The month's completed pathways: treated as an inpatient or day case after a decision to admit, or not. */
    public record Completed(long admitted, Double admittedMedianWeeks, Double admittedExactMedianWeeks, long nonAdmitted,
                            Double nonAdmittedMedianWeeks, Double nonAdmittedExactMedianWeeks) implements Serializable {
    }

    public record Statistics(String trust, String treatmentFunction, String treatmentFunctionName, String month, LocalDate censusDate,
                             Incomplete incomplete, Completed completed, LocalDate computedOn) implements Serializable {
    }

    /** A month's figures, kept for the day they were computed on. */
    @ApplicationScoped
    public static class DailyCache {

        private record Kept(LocalDate day, Statistics statistics) {
        }

        private final Map<StatisticsQuery, Kept> kept = new ConcurrentHashMap<>();

        Optional<Statistics> on(StatisticsQuery query, LocalDate day) {
            return Optional.ofNullable(kept.get(query)).filter(entry -> entry.day().equals(day)).map(Kept::statistics);
        }

        void keep(StatisticsQuery query, LocalDate day, Statistics statistics) {
            kept.values().removeIf(entry -> !entry.day().equals(day));
            kept.put(query, new Kept(day, statistics));
        }
    }

    /** NHS England's published figures for a month, part and treatment function (C_100 ... C_999): a provider's, or all summed. */
    public record PublishedQuery(Optional<OdsCode> provider, String treatmentFunction, String partType, YearMonth month) {
    }

    /** The published bands read as the statistics read them: total, median and 92nd-percentile weeks, share within 18. */
    public record Published(String month, String provider, String partType, String treatmentFunction, long total, Double medianWeeks,
                            Double percentile92Weeks, Double shareWithin18Weeks, List<Long> patientsByWeekBand) implements Serializable {
    }

    @Inject
    PublishedWaits published;

    @Inject
    RttStatisticsRepository repository;

    @Inject
    RttPathways pathways;

    @Inject
    StaffDirectory directory;

    @Inject
    DailyCache cache;

    @Inject
    UkClock clock;

    /** The figures for a trust (or all), a treatment function and a month that has begun. */
    public Statistics statistics(StatisticsQuery query) {
        LocalDate today = clock.today();
        if (query.month().atDay(1).isAfter(today)) {
            throw InvalidInputException.of("month", "a month that has not begun has no figures yet");
        }
        if (query.month().isBefore(FIRST_MONTH)) {
            throw InvalidInputException.of("month", "referral-to-treatment waits are counted from " + FIRST_MONTH);
        }
        TreatmentFunction function = pathways.treatmentFunction(query.treatmentFunction().strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> InvalidInputException.of("specialty", "not a national treatment function code (such as 320 Cardiology)"));
        query.trust().ifPresent(trust -> directory.findOrganisation(trust).filter(found -> found.type() == OrganisationType.HOSPITAL_TRUST)
                .orElseThrow(() -> InvalidInputException.of("trust", "not a hospital trust ICR knows")));
        StatisticsQuery normalised = new StatisticsQuery(query.trust(), function.code(), query.month());
        return cache.on(normalised, today).orElseGet(() -> {
            Statistics computed = compute(normalised, function, today);
            cache.keep(normalised, today, computed);
            return computed;
        });
    }

    /** The hospital trusts whose lists the statistics can be asked for, by name. A directory, not patient data. */
    public List<NamedOrganisation> trusts() {
        return directory.organisationsOfType(EnumSet.of(OrganisationType.HOSPITAL_TRUST)).stream().map(NamedOrganisation::of).toList();
    }

    /** A month's published figures, as imported; 404 when that month, part and function were not imported. */
    public Published published(PublishedQuery query) {
        String part = RttFullCsv.PARTS.stream().filter(known -> known.equalsIgnoreCase(query.partType().strip())).findFirst()
                .orElseThrow(() -> InvalidInputException.of("part", "one of Part_1A, Part_1B, Part_2, Part_2A, Part_3"));
        String code = PublishedWaits.publishedCode(query.treatmentFunction());
        WeekBands bands = published.bands(query.month().atDay(1), part, code, query.provider().map(OdsCode::value))
                .orElseThrow(() -> new PublishedNotFoundException(query.month()));
        long total = bands.total();
        return new Published(query.month().toString(), query.provider().map(OdsCode::value).orElse(null), part, code, total,
                weeks(bands.percentile(0.5)), weeks(bands.percentile(STANDARD_SHARE)),
                total == 0 ? null : round(bands.under(RttPathway.STANDARD_WEEKS) / (double) total, 3),
                Arrays.stream(bands.counts()).boxed().toList());
    }

    /** Nothing imported for that month, part and function (or provider). */
    public static class PublishedNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public PublishedNotFoundException(YearMonth month) {
            super("No published RTT figures for that month, part and treatment function (" + month + "): import the month's Full CSV");
        }
    }

    private Statistics compute(StatisticsQuery query, TreatmentFunction function, LocalDate today) {
        LocalDate monthEnd = query.month().atEndOfMonth();
        // the month so far when it has not ended: its figures are as at today
        LocalDate census = monthEnd.isAfter(today) ? today : monthEnd;
        Distribution waiting = repository.incompleteAt(function.code(), query.trust(), census);
        RttStatisticsRepository.Completed done = repository.completedBetween(function.code(), query.trust(), query.month().atDay(1), census);
        WeekBands bands = waiting.bands();
        long total = bands.total();
        long within = bands.under(RttPathway.STANDARD_WEEKS);
        Double share = total == 0 ? null : round(within / (double) total, 3);
        Incomplete incomplete = new Incomplete(total, weeks(bands.percentile(0.5)), weeks(bands.percentile(STANDARD_SHARE)),
                total > 0 && bands.percentile(STANDARD_SHARE).isEmpty(), round(waiting.exactMedian(), 1), round(waiting.exact92nd(), 1),
                within, share, share != null && share >= STANDARD_SHARE, Arrays.stream(bands.counts()).boxed().toList());
        Completed completed = new Completed(done.admitted().bands().total(), weeks(done.admitted().bands().percentile(0.5)),
                round(done.admitted().exactMedian(), 1), done.nonAdmitted().bands().total(),
                weeks(done.nonAdmitted().bands().percentile(0.5)), round(done.nonAdmitted().exactMedian(), 1));
        return new Statistics(query.trust().map(OdsCode::value).orElse(null), function.code(), function.name(), query.month().toString(),
                census, incomplete, completed, today);
    }

    private static Double weeks(OptionalDouble value) {
        return value.isPresent() ? round(value.getAsDouble(), 1) : null;
    }

    private static Double round(Double value, int places) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}

package uk.nhs.icr.waits;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import uk.nhs.icr.platform.OdsCode;

/**
 * The SQL behind the published waiting-list statistics, over ICR's own pathways: each query reads one treatment
 * function's pathways (of one trust, or all) through their statistics index and answers counts per weekly band, with
 * the exact percentiles beside them. Weeks are days waited over 7.
 */
@ApplicationScoped
public class RttStatisticsRepository {

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    /** What one group of pathways comes to: counts per band, and the exact median and 92nd percentile (weeks). */
    public record Distribution(WeekBands bands, Double exactMedian, Double exact92nd) {
    }

    /** The pathways still waiting at the end of {@code censusDay}: started by then, not stopped by then. */
    public Distribution incompleteAt(String treatmentFunction, Optional<OdsCode> trust, LocalDate censusDay) {
        String where = "treatment_function = ?1 and (?2 = '' or provider_ods = ?2) and clock_start <= ?3"
                + " and (clock_stop is null or clock_stop > ?3)";
        return distribution("(?3 - clock_start) / 7.0", where, treatmentFunction, trust, censusDay, censusDay);
    }

    /** Completed pathways, as the statistics split them. */
    public record Completed(Distribution nonAdmitted, Distribution admitted) {
    }

    /** The pathways whose clocks stopped from {@code first} to {@code last}, inclusive. */
    public Completed completedBetween(String treatmentFunction, Optional<OdsCode> trust, LocalDate first, LocalDate last) {
        String where = "treatment_function = ?1 and (?2 = '' or provider_ods = ?2) and clock_stop between ?3 and ?4";
        Distribution nonAdmitted = distribution("(clock_stop - clock_start) / 7.0", where + " and not coalesce(admitted, false)",
                treatmentFunction, trust, first, last);
        Distribution admitted = distribution("(clock_stop - clock_start) / 7.0", where + " and coalesce(admitted, false)",
                treatmentFunction, trust, first, last);
        return new Completed(nonAdmitted, admitted);
    }

    @SuppressWarnings("unchecked")
    private Distribution distribution(String weeks, String where, String treatmentFunction, Optional<OdsCode> trust, LocalDate from,
                                            LocalDate to) {
        String trustCode = trust.map(OdsCode::value).orElse("");
        List<Object[]> bands = bind(em.createNativeQuery("select least(floor(" + weeks + "), " + WeekBands.OPEN_BAND
                + ")::int as band, count(*) from rtt_pathway where " + where + " group by 1"), where, treatmentFunction, trustCode, from, to)
                .getResultList();
        WeekBands counted = WeekBands.empty();
        bands.forEach(row -> counted.add(((Number) row[0]).intValue(), ((Number) row[1]).longValue()));
        Object[] exact = (Object[]) bind(em.createNativeQuery("select percentile_cont(0.5) within group (order by " + weeks + "),"
                + " percentile_cont(0.92) within group (order by " + weeks + ") from rtt_pathway where " + where), where, treatmentFunction,
                trustCode, from, to).getSingleResult();
        return new Distribution(counted, exact[0] == null ? null : ((Number) exact[0]).doubleValue(),
                exact[1] == null ? null : ((Number) exact[1]).doubleValue());
    }

    /**
     * What happened to the pathways of one list (a treatment function, a priority, one trust or all) that are open on
     * {@code today} or stopped since {@code since}: days waited to treatment (treated) or to today or another kind of
     * stop (censored), counted per day.
     */
    @SuppressWarnings("unchecked")
    public List<WaitEstimate.Observation> observations(String treatmentFunction, RttPathway.Priority priority, Optional<OdsCode> trust,
                                                      LocalDate since, LocalDate today) {
        List<Object[]> rows = em.createNativeQuery("select (least(coalesce(clock_stop, ?4), ?4) - clock_start) as days,"
                        + " coalesce(clock_stop <= ?4 and stop_reason in ('FIRST_DEFINITIVE_TREATMENT', 'ACTIVE_MONITORING'), false) as treated,"
                        + " count(*) from rtt_pathway where treatment_function = ?1 and (?2 = '' or provider_ods = ?2) and priority = ?5"
                        + " and clock_start <= ?4 and (clock_stop is null or clock_stop >= ?3) group by 1, 2")
                .setParameter(1, treatmentFunction).setParameter(2, trust.map(OdsCode::value).orElse("")).setParameter(3, since)
                .setParameter(4, today).setParameter(5, priority.name()).getResultList();
        return rows.stream().map(row -> new WaitEstimate.Observation(((Number) row[0]).intValue(), (Boolean) row[1],
                ((Number) row[2]).longValue())).toList();
    }

    private static Query bind(Query query, String where, String treatmentFunction, String trustCode, LocalDate from, LocalDate to) {
        query.setParameter(1, treatmentFunction).setParameter(2, trustCode).setParameter(3, from);
        return where.contains("?4") ? query.setParameter(4, to) : query;
    }
}

package uk.nhs.icr.portal.waits;

import java.io.Serializable;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.access.service.NamedOrganisation;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.waits.RttPathway;
import uk.nhs.icr.waits.service.ReferralToTreatmentService;
import uk.nhs.icr.waits.service.ReferralToTreatmentService.TreatmentFunctionView;
import uk.nhs.icr.waits.service.WaitingListStatistics;
import uk.nhs.icr.waits.service.WaitingListStatistics.Statistics;
import uk.nhs.icr.waits.service.WaitingListStatistics.StatisticsQuery;

/**
 * The waiting-times dashboard: for a specialty and a trust (or every trust), the list at a month's end by weeks waited
 * against the 18-week standard, the share within 18 weeks over the last twelve months against 92 %, and the trusts side
 * by side. Aggregate figures only: no patient is named.
 */
@Named
@ViewScoped
public class WaitingTimesView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int TREND_MONTHS = 12;

    /** A month of the trend, as the table beside the chart shows it. */
    public record MonthShare(String month, long waiting, Double shareWithin18Weeks) implements Serializable {
    }

    /** A trust of the comparison. */
    public record TrustShare(String trust, long waiting, Double medianWeeks, Double shareWithin18Weeks) implements Serializable {
    }

    @Inject
    WaitingListStatistics statistics;

    @Inject
    ReferralToTreatmentService waits;


    @Inject
    UkClock clock;

    private String specialty = "320";
    private String trust = "";
    private String month;
    private List<TreatmentFunctionView> specialties;
    private List<NamedOrganisation> trusts;
    private Statistics shown;
    private String bandsChart;
    private String trendChart;
    private String trustsChart;
    private List<MonthShare> trend = List.of();
    private List<TrustShare> compared = List.of();
    private List<ReferralToTreatmentService.LongWait> longest = List.of();

    @PostConstruct
    void open() {
        specialties = waits.treatmentFunctions();
        trusts = statistics.trusts();
        month = YearMonth.from(clock.today()).minusMonths(1).toString();
        show();
        try {
            longest = waits.longestWaits();
        } catch (AccessDeniedException e) {
            longest = List.of();
        }
    }

    /** Reads the figures for the chosen specialty, trust and month, and draws the three charts. */
    public void show() {
        try {
            YearMonth chosen = YearMonth.parse(month);
            Optional<OdsCode> trustCode = trust == null || trust.isBlank() ? Optional.empty() : Optional.of(new OdsCode(trust));
            shown = statistics.statistics(new StatisticsQuery(trustCode, specialty, chosen));
            bandsChart = WaitsCharts.bands(shown.incomplete().patientsByWeekBand(), RttPathway.STANDARD_WEEKS);
            List<MonthShare> months = new ArrayList<>();
            for (int back = TREND_MONTHS - 1; back >= 0; back--) {
                YearMonth one = chosen.minusMonths(back);
                Statistics then = statistics.statistics(new StatisticsQuery(trustCode, specialty, one));
                months.add(new MonthShare(one.toString(), then.incomplete().total(), then.incomplete().shareWithin18Weeks()));
            }
            trend = months;
            trendChart = WaitsCharts.trend(months.stream().map(MonthShare::month).toList(),
                    months.stream().map(MonthShare::shareWithin18Weeks).toList(), WaitingListStatistics.STANDARD_SHARE);
            compared = trusts.stream().map(each -> {
                Statistics theirs = statistics.statistics(new StatisticsQuery(Optional.of(new OdsCode(each.odsCode())), specialty, chosen));
                return new TrustShare(each.name(), theirs.incomplete().total(), theirs.incomplete().medianWeeks(),
                        theirs.incomplete().shareWithin18Weeks());
            }).toList();
            trustsChart = WaitsCharts.trusts(compared.stream().map(TrustShare::trust).toList(),
                    compared.stream().map(TrustShare::shareWithin18Weeks).toList(), WaitingListStatistics.STANDARD_SHARE);
        } catch (InvalidInputException e) {
            FieldMessages.show("waits", Set.of("specialty", "trust", "month"), e);
        } catch (DateTimeParseException e) {
            FieldMessages.error("waits:month", "A month is written YYYY-MM, such as 2026-10");
        }
    }

    /** The twelve months that have begun up to the current one, newest first, to choose from. */
    public List<String> getMonths() {
        YearMonth now = YearMonth.from(clock.today());
        List<String> months = new ArrayList<>();
        for (int back = 0; back < 24; back++) {
            months.add(now.minusMonths(back).toString());
        }
        return months;
    }

    public List<TreatmentFunctionView> getSpecialties() { return specialties; }
    public List<NamedOrganisation> getTrusts() { return trusts; }
    public Statistics getShown() { return shown; }
    public String getBandsChart() { return bandsChart; }
    public String getTrendChart() { return trendChart; }
    public String getTrustsChart() { return trustsChart; }
    public List<MonthShare> getTrend() { return trend; }
    public List<TrustShare> getCompared() { return compared; }
    public List<ReferralToTreatmentService.LongWait> getLongest() { return longest; }
    public String getSpecialty() { return specialty; }
    public void setSpecialty(String specialty) { this.specialty = specialty; }
    public String getTrust() { return trust; }
    public void setTrust(String trust) { this.trust = trust; }
    public String getMonth() { return month; }
    public void setMonth(String month) { this.month = month; }
}

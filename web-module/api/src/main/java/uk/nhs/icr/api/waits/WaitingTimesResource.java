package uk.nhs.icr.api.waits;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.waits.service.WaitingListStatistics;
import uk.nhs.icr.waits.service.WaitingListStatistics.Statistics;
import uk.nhs.icr.waits.service.WaitingListStatistics.StatisticsQuery;

/** The published waiting-list statistics over ICR's pathways, for partner systems and dashboards. */
@Path("/waiting-times")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Waiting times")
public class WaitingTimesResource {

    @Inject
    WaitingListStatistics statistics;

    @Inject
    UkClock clock;

    @GET
    @Operation(summary = "A month's referral-to-treatment statistics for a trust (or every trust) and a treatment function",
            description = "As NHS England computes them: the pathways waiting at the month's end by weekly band (patientsByWeekBand:"
                    + " index k is k to under k+1 weeks, the last 104 weeks and over), the median and 92nd percentile interpolated"
                    + " within the bands (and exact ones to compare), the share within 18 weeks against the 92 % standard, and the"
                    + " month's completed pathways. The month so far when it has not ended. Computed once a day.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Statistics.class),
            examples = @ExampleObject(name = "cardiology at Northgate", value = "{\"trust\":\"RXA\",\"treatmentFunction\":\"320\","
                    + "\"treatmentFunctionName\":\"Cardiology\",\"month\":\"2026-10\",\"censusDate\":\"2026-10-31\",\"incomplete\":"
                    + "{\"total\":412,\"medianWeeks\":9.4,\"percentile92Weeks\":24.1,\"percentile92At104OrMore\":false,"
                    + "\"exactMedianWeeks\":9.1,\"exactPercentile92Weeks\":23.9,\"within18Weeks\":352,\"shareWithin18Weeks\":0.854,"
                    + "\"meetsStandard\":false,\"patientsByWeekBand\":[12,15,14,\"...\"]},\"completed\":{\"admitted\":31,"
                    + "\"admittedMedianWeeks\":14.5,\"admittedExactMedianWeeks\":14.2,\"nonAdmitted\":96,\"nonAdmittedMedianWeeks\":6.5,"
                    + "\"nonAdmittedExactMedianWeeks\":6.3},\"computedOn\":\"2026-11-27\"}")))
    @APIResponse(responseCode = "400", description = "No such trust or treatment function, or a month not yet begun",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Statistics waitingTimes(
            @Parameter(description = "A trust's ODS code; every trust when absent") @QueryParam("trust") String trust,
            @Parameter(description = "A treatment function code, such as 320 (Cardiology)", required = true) @QueryParam("specialty")
            String specialty,
            @Parameter(description = "YYYY-MM; the last month that has ended when absent") @QueryParam("month") String month) {
        FieldErrors errors = new FieldErrors();
        Optional<OdsCode> trustCode = trust == null || trust.isBlank() ? Optional.empty()
                : Optional.ofNullable(errors.parse("trust", trust, OdsCode::new));
        if (specialty == null || specialty.isBlank()) {
            errors.add("specialty", "name a treatment function code, such as 320 (Cardiology)");
        }
        YearMonth chosen = month == null || month.isBlank() ? YearMonth.from(clock.today()).minusMonths(1)
                : errors.parse("month", month, WaitingTimesResource::yearMonth);
        errors.throwIfAny();
        return statistics.statistics(new StatisticsQuery(trustCode, specialty, chosen));
    }

    private static YearMonth yearMonth(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("a month is written YYYY-MM, such as 2026-10");
        }
    }
}

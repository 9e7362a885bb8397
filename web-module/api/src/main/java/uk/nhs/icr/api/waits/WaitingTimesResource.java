package uk.nhs.icr.api.waits;

import java.io.InputStream;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
import uk.nhs.icr.waits.service.PublishedStatisticsImport;
import uk.nhs.icr.waits.service.PublishedStatisticsImport.Imported;
import uk.nhs.icr.waits.service.WaitingListStatistics;
import uk.nhs.icr.waits.service.WaitingListStatistics.Published;
import uk.nhs.icr.waits.service.WaitingListStatistics.PublishedQuery;
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

    @Inject
    PublishedStatisticsImport importer;

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
                    + "\"meetsStandard\":false,\"patientsByWeekBand\":[12,15,14,11]},\"completed\":{\"admitted\":31,"
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

    @POST
    @Path("/published")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, "application/zip"})
    @Operation(summary = "Import a month of NHS England's published RTT statistics (the monthly \"Full CSV\", an administrator)",
            description = "The CSV, or the ZIP holding it as NHS England publishes it. Streamed and checked whole first: any faulty row refuses the file (400, each faulty line named), nothing"
                    + " is written. Rows are summed over commissioners per provider, part and treatment function (C_999 kept as its own"
                    + " total). Importing a month again replaces it.")
    @APIResponse(responseCode = "201", description = "Imported", content = @Content(examples = @ExampleObject(name = "a month",
            value = "{\"period\":\"2025-10\",\"fileRows\":181233,\"rowsKept\":52114,\"replacedEarlierImport\":false}")))
    @APIResponse(responseCode = "400", description = "A faulty file or row; nothing imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importPublished(InputStream fullCsv) {
        Imported imported = importer.importMonth(fullCsv);
        return Response.status(Response.Status.CREATED).entity(imported).build();
    }

    @GET
    @Path("/published")
    @Operation(summary = "A month's published figures: a provider's or every provider's, for a part and treatment function",
            description = "part: Part_2 (incomplete pathways, the default), Part_2A, Part_1A (completed admitted), Part_1B, Part_3;"
                    + " specialty: 320 or C_320, C_999 for all functions. Median and 92nd percentile interpolated within the bands.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(examples = @ExampleObject(name = "cardiology nationally",
            value = "{\"month\":\"2025-10\",\"partType\":\"Part_2\",\"treatmentFunction\":\"C_320\",\"total\":312410,"
                    + "\"medianWeeks\":14.2,\"percentile92Weeks\":41.9,\"shareWithin18Weeks\":0.603,\"patientsByWeekBand\":[9120,8744]}")))
    @APIResponse(responseCode = "404", description = "That month, part and function were not imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Published published(@QueryParam("trust") String trust, @QueryParam("specialty") String specialty,
                               @QueryParam("month") String month, @QueryParam("part") String part) {
        FieldErrors errors = new FieldErrors();
        Optional<OdsCode> provider = trust == null || trust.isBlank() ? Optional.empty()
                : Optional.ofNullable(errors.parse("trust", trust, OdsCode::new));
        if (specialty == null || specialty.isBlank()) {
            errors.add("specialty", "name a treatment function code, such as 320, C_320 or C_999 (every function)");
        }
        YearMonth chosen = month == null || month.isBlank() ? null : errors.parse("month", month, WaitingTimesResource::yearMonth);
        if (chosen == null && (month == null || month.isBlank())) {
            errors.add("month", "name the month, YYYY-MM");
        }
        errors.throwIfAny();
        return statistics.published(new PublishedQuery(provider, specialty, part == null || part.isBlank() ? "Part_2" : part, chosen));
    }

    private static YearMonth yearMonth(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("a month is written YYYY-MM, such as 2026-10");
        }
    }
}

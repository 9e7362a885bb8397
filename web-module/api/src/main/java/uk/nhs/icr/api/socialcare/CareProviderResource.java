package uk.nhs.icr.api.socialcare;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.web.FieldParsers;
import uk.nhs.icr.socialcare.service.CareAlertService;
import uk.nhs.icr.socialcare.service.CareReportsService;
import uk.nhs.icr.socialcare.service.CareReportsService.CareReport;
import uk.nhs.icr.socialcare.service.CareAlertService.Acknowledgement;
import uk.nhs.icr.socialcare.service.CareAlertService.AlertView;
import uk.nhs.icr.socialcare.service.HomeCareService;
import uk.nhs.icr.socialcare.service.HomeCareService.ContinuityView;
import uk.nhs.icr.socialcare.service.HomeCareService.VisitView;

/** A care provider's own lists, for its care coordinators: the day's rota, the open alerts (a feed to poll), continuity. */
@Path("/care-providers/{odsCode}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Home care")
@APIResponse(responseCode = "400", description = "A malformed ODS code or date",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a care coordinator of this provider",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CareProviderResource {

    @Inject
    HomeCareService homeCare;

    @Inject
    CareAlertService alerts;

    @Inject
    CareReportsService reports;

    @Inject
    UkClock clock;

    @GET
    @Path("/rota")
    @Operation(summary = "Every visit planned on a day, by care worker and round order")
    @APIResponse(responseCode = "200", description = "OK")
    public List<VisitView> rota(@PathParam("odsCode") OdsCode provider,
                                @Parameter(description = "YYYY-MM-DD; today when absent") @QueryParam("date") String date) {
        return homeCare.rotaOf(provider, day(date, "date"));
    }

    @GET
    @Path("/continuity")
    @Operation(summary = "Continuity of care in a week (Monday to Sunday): per person, how many different care workers came")
    @APIResponse(responseCode = "200", description = "OK")
    public List<ContinuityView> continuity(@PathParam("odsCode") OdsCode provider,
                                           @Parameter(description = "a day of the week, YYYY-MM-DD; this week when absent")
                                           @QueryParam("weekOf") String weekOf) {
        return homeCare.continuity(provider, day(weekOf, "weekOf"));
    }

    @GET
    @Path("/alerts")
    @Operation(summary = "Open alerts, oldest first: late and missed visits, missed time-critical medicines, fluids below target",
            description = "Worked out when read: poll it. An alert stays until a coordinator answers it.")
    @APIResponse(responseCode = "200", description = "OK")
    public List<AlertView> alerts(@PathParam("odsCode") OdsCode provider) {
        return alerts.alertsOf(provider);
    }

    @POST
    @Path("/alerts/acknowledgements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer an open alert with a note (kind and subject as the alert gives them)")
    @APIResponse(responseCode = "204", description = "Answered: off the list")
    @APIResponse(responseCode = "404", description = "No open alert of this kind and subject",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Answered already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response acknowledge(@PathParam("odsCode") OdsCode provider, Acknowledgement acknowledgement) {
        alerts.acknowledge(provider, acknowledgement);
        return Response.noContent().build();
    }

    @GET
    @Path("/reports")
    @Operation(operationId = "careProviderReport", summary = "Figures for the CQC over a period: visits on time, late and missed; medication administration"
            + " completeness; fluid targets met; incidents by type; care plan reviews overdue")
    @APIResponse(responseCode = "200", description = "OK")
    public CareReport report(@PathParam("odsCode") OdsCode provider,
                             @Parameter(description = "YYYY-MM-DD; 6 days before to when absent") @QueryParam("from") String from,
                             @Parameter(description = "YYYY-MM-DD; today when absent") @QueryParam("to") String to) {
        LocalDate last = day(to, "to");
        return reports.report(provider, from == null ? last.minusDays(6) : day(from, "from"), last);
    }

    @GET
    @Path("/reports.csv")
    @Produces("text/csv")
    @Operation(summary = "The same figures as CSV")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = "text/csv"))
    public Response reportCsv(@PathParam("odsCode") OdsCode provider, @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate last = day(to, "to");
        return Response.ok(reports.csv(provider, from == null ? last.minusDays(6) : day(from, "from"), last), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"care-report.csv\"").build();
    }

    private LocalDate day(String text, String field) {
        LocalDate day = FieldErrors.parseOne(field, text, FieldParsers.date(field, false));
        return day == null ? clock.today() : day;
    }
}

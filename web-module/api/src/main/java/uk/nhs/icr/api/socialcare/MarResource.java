package uk.nhs.icr.api.socialcare;

import java.net.URI;
import java.time.LocalDate;

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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.web.FieldParsers;
import uk.nhs.icr.socialcare.service.MarService;
import uk.nhs.icr.socialcare.service.MarService.DoseView;
import uk.nhs.icr.socialcare.service.MarService.MarChartView;
import uk.nhs.icr.socialcare.service.MarService.MedicineLine;
import uk.nhs.icr.socialcare.service.MarService.NewCareMedicine;
import uk.nhs.icr.socialcare.service.MarService.NewDose;
import uk.nhs.icr.socialcare.service.MarService.StopCareMedicine;

/** A person's electronic MAR chart: the medicines carers give and each dose recorded. */
@Path("/patients/{nhsNumber}/mar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Medicines in social care", description = "The electronic MAR chart: medicines, due doses, doses recorded.")
@APIResponse(responseCode = "400", description = "Invalid or missing fields",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A role that may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No person you may see with this NHS number",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MarResource {

    @Inject
    MarService mar;

    @Inject
    UkClock clock;

    @GET
    @Operation(operationId = "marChart", summary = "A day of the MAR chart", description = "Each medicine with its due doses (recorded, or open and overdue) and"
            + " as-required doses given; withheld counts medicines the person's consent keeps from you")
    @APIResponse(responseCode = "200", description = "OK")
    public MarChartView chart(@PathParam("nhsNumber") NhsNumber nhsNumber,
                              @Parameter(description = "YYYY-MM-DD; today when absent") @QueryParam("date") String date) {
        LocalDate day = FieldErrors.parseOne("date", date, FieldParsers.date("date", false));
        return mar.chartOf(nhsNumber, day == null ? clock.today() : day);
    }

    @POST
    @Path("/medicines")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Put a medicine on the chart (the provider's care coordinator)",
            description = "medicine (its name in ICR's medicines table), dose, route, category, timesOfDay, or asRequired with"
                    + " protocol, minimumIntervalMinutes and mostPerDay; timeCritical; controlledDrug; startedOn")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Parkinson's, time-critical", value = "{\"medicine\":"
            + "\"Co-careldopa 25mg/100mg tablets\",\"dose\":\"One tablet\",\"timesOfDay\":[\"08:00\",\"12:00\",\"16:00\",\"20:00\"],"
            + "\"timeCritical\":true}")))
    @APIResponse(responseCode = "201", description = "On the chart", content = @Content(schema = @Schema(implementation = MedicineLine.class)))
    public Response addMedicine(@PathParam("nhsNumber") NhsNumber nhsNumber, NewCareMedicine medicine) {
        MedicineLine added = mar.addMedicine(nhsNumber, medicine);
        return Response.created(URI.create("mar/medicines/" + added.id())).entity(added).build();
    }

    @POST
    @Path("/medicines/{id}/stop")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take a medicine off the chart (the provider's care coordinator)", description = "reason (required): the"
            + " prescriber's decision; no dose falls due from now, the doses recorded stay")
    @APIResponse(responseCode = "200", description = "Off the chart", content = @Content(schema = @Schema(implementation = MedicineLine.class)))
    @APIResponse(responseCode = "409", description = "Off the chart already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MedicineLine stopMedicine(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("id") long id, StopCareMedicine stop) {
        return mar.stopMedicine(nhsNumber, id, stop);
    }

    @POST
    @Path("/doses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordMarDose", summary = "Record a dose: given, refused, not-available, self-administered, missed or not-required",
            description = "careMedicine, dueAt (the due time it answers; none for as required), outcome, at (now when absent),"
                    + " witness (username; a controlled drug given needs one, not yourself), note (needed unless given)")
    @APIResponse(responseCode = "201", description = "Recorded in the person's record", content = @Content(schema = @Schema(implementation = DoseView.class)))
    @APIResponse(responseCode = "409", description = "Recorded already (by anyone), outside the as-required protocol, or stopped",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("nhsNumber") NhsNumber nhsNumber, NewDose dose) {
        DoseView recorded = mar.record(nhsNumber, dose);
        return Response.created(URI.create("mar/doses/" + recorded.entryId())).entity(recorded).build();
    }
}

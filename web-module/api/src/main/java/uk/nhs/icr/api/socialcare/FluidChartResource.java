package uk.nhs.icr.api.socialcare;

import java.net.URI;
import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.web.FieldParsers;
import uk.nhs.icr.socialcare.service.FluidChartService;
import uk.nhs.icr.socialcare.service.FluidChartService.FluidChartView;
import uk.nhs.icr.socialcare.service.FluidChartService.FluidTarget;
import uk.nhs.icr.socialcare.service.FluidChartService.IntakeView;
import uk.nhs.icr.socialcare.service.FluidChartService.NewIntake;

/** A person's food and fluid chart: the daily target and each drink. */
@Path("/patients/{nhsNumber}/fluids")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Care-home daily records", description = "Food and fluid charts against a daily target.")
@APIResponse(responseCode = "400", description = "Invalid or missing fields",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A role that may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No person you may see with this NHS number",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class FluidChartResource {

    @Inject
    FluidChartService fluids;

    @Inject
    UkClock clock;

    @GET
    @Operation(operationId = "fluidChart", summary = "A day's fluid chart: drinks, total, target and, after the check time (18:00), whether intake by then met it")
    @APIResponse(responseCode = "200", description = "OK")
    public FluidChartView chart(@PathParam("nhsNumber") NhsNumber nhsNumber,
                                @Parameter(description = "YYYY-MM-DD; today when absent") @QueryParam("date") String date) {
        LocalDate day = FieldErrors.parseOne("date", date, FieldParsers.date("date", false));
        return fluids.chartOf(nhsNumber, day == null ? clock.today() : day);
    }

    @PUT
    @Path("/target")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the daily fluid target (care coordinator or nurse)", description = "dailyMl, 100 to 5000")
    @APIResponse(responseCode = "200", description = "Today's chart against the new target")
    public FluidChartView target(@PathParam("nhsNumber") NhsNumber nhsNumber, FluidTarget target) {
        return fluids.setTarget(nhsNumber, target);
    }

    @POST
    @Path("/intake")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a drink", description = "amountMl (1 to 2000), drink, takenAt (now when absent)")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = IntakeView.class)))
    public Response intake(@PathParam("nhsNumber") NhsNumber nhsNumber, NewIntake intake) {
        IntakeView recorded = fluids.recordIntake(nhsNumber, intake);
        return Response.created(URI.create("fluids/intake/" + recorded.id())).entity(recorded).build();
    }
}

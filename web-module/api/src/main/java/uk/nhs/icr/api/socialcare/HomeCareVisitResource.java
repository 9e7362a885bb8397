package uk.nhs.icr.api.socialcare;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.socialcare.service.HomeCareService;
import uk.nhs.icr.socialcare.service.HomeCareService.Cancellation;
import uk.nhs.icr.socialcare.service.HomeCareService.CheckOut;
import uk.nhs.icr.socialcare.service.HomeCareService.NewVisit;
import uk.nhs.icr.socialcare.service.HomeCareService.TaskOutcome;
import uk.nhs.icr.socialcare.service.HomeCareService.VisitView;

/** A person's home-care visits: planned by the provider's coordinator, worked through by the care worker on the rota. */
@Path("/patients/{nhsNumber}/visits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Home care", description = "Rotas, visits (check in, tasks, check out), alerts and continuity for care providers.")
@APIResponse(responseCode = "200", description = "The visit as it stands", content = @Content(schema = @Schema(implementation = VisitView.class)))
@APIResponse(responseCode = "400", description = "Invalid or missing fields",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A role that may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No person you may see (a care worker sees the people on their rota around their"
        + " visits), or no such visit of theirs",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "Not possible as the visit stands (checked out already; another carer's visit)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class HomeCareVisitResource {

    @Inject
    HomeCareService homeCare;

    @POST
    @Operation(operationId = "planHomeCareVisit", summary = "Plan a visit onto a care worker's rota (the provider's care coordinator)",
            description = "careWorker (username), plannedStart, plannedEnd, travelOrder (1 = first of the round), tasks")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "morning call", value = "{\"careWorker\":\"care.worker\","
            + "\"plannedStart\":\"2026-11-27T08:00:00Z\",\"plannedEnd\":\"2026-11-27T08:45:00Z\",\"travelOrder\":1,"
            + "\"tasks\":[\"Personal care\",\"Breakfast and a drink\",\"Morning medicines\"]}")))
    @APIResponse(responseCode = "201", description = "Planned", content = @Content(schema = @Schema(implementation = VisitView.class)))
    public Response plan(@PathParam("nhsNumber") NhsNumber nhsNumber, NewVisit visit) {
        VisitView planned = homeCare.plan(nhsNumber, visit);
        return Response.created(URI.create("visits/" + planned.id())).entity(planned).build();
    }

    @GET
    @Path("/{visitId}")
    @Operation(summary = "A visit with its tasks")
    public VisitView visit(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("visitId") long visitId) {
        return homeCare.visit(nhsNumber, visitId);
    }

    @POST
    @Path("/{visitId}/check-in")
    @Operation(summary = "Check in: the care worker on the rota arrives (now)")
    public VisitView checkIn(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("visitId") long visitId) {
        return homeCare.checkIn(nhsNumber, visitId);
    }

    @PUT
    @Path("/{visitId}/tasks/{position}")
    @Operation(summary = "A task done, or not done with a note saying why", description = "done (true/false), note")
    public VisitView task(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("visitId") long visitId,
                          @PathParam("position") int position, TaskOutcome outcome) {
        return homeCare.recordTask(nhsNumber, visitId, position, outcome);
    }

    @POST
    @Path("/{visitId}/check-out")
    @Operation(summary = "Check out: the visit, its tasks and the notes go into the person's record",
            description = "notes; recordEntryId in the answer is the care visit entry in the shared record")
    public VisitView checkOut(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("visitId") long visitId, CheckOut checkOut) {
        return homeCare.checkOut(nhsNumber, visitId, checkOut);
    }

    @POST
    @Path("/{visitId}/cancellation")
    @Operation(operationId = "cancelHomeCareVisit", summary = "Cancel a visit not yet started (the provider's care coordinator)", description = "reason")
    public VisitView cancel(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("visitId") long visitId, Cancellation cancellation) {
        return homeCare.cancel(nhsNumber, visitId, cancellation);
    }
}

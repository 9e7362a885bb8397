package uk.nhs.icr.api.socialcare;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import uk.nhs.icr.socialcare.service.IncidentService;
import uk.nhs.icr.socialcare.service.IncidentService.IncidentView;
import uk.nhs.icr.socialcare.service.IncidentService.NewIncident;

/** Incidents in a person's care, with their body map. */
@Path("/patients/{nhsNumber}/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents", description = "Falls, injuries, medication errors, near misses; a safeguarding one opens a concern.")
@APIResponse(responseCode = "400", description = "Invalid or missing fields",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A role that may not record incidents",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No person you may see with this NHS number, or no such incident",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class IncidentResource {

    @Inject
    IncidentService incidents;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reportIncident", summary = "Report an incident", description = "kind (fall, injury, medication-error, near-miss, pressure-ulcer, other),"
            + " severity (no-harm, low, moderate, severe, death), description, bodyMap (side front/back, x and y 0-100, note),"
            + " actionsTaken, notifiableToCqc, safeguarding with safeguardingCategory, occurredAt")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a fall", value = "{\"kind\":\"FALL\",\"severity\":\"LOW\","
            + "\"description\":\"Found on the bedroom floor\",\"bodyMap\":[{\"side\":\"BACK\",\"x\":40,\"y\":45,\"note\":\"bruise 3 cm\"}],"
            + "\"actionsTaken\":\"Checked, helped up, GP told\",\"notifiableToCqc\":false,\"occurredAt\":\"2026-11-27T07:40:00Z\"}")))
    @APIResponse(responseCode = "201", description = "Recorded in the person's record",
            content = @Content(schema = @Schema(implementation = IncidentView.class)))
    public Response report(@PathParam("nhsNumber") NhsNumber nhsNumber, NewIncident incident) {
        IncidentView reported = incidents.report(nhsNumber, incident);
        return Response.created(URI.create("incidents/" + reported.entryId())).entity(reported).build();
    }

    @GET
    @Path("/{entryId}")
    @Operation(summary = "An incident")
    @APIResponse(responseCode = "200", description = "OK")
    public IncidentView incident(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("entryId") long entryId) {
        return incidents.incident(nhsNumber, entryId);
    }

    @GET
    @Path("/{entryId}/body-map.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "The incident's body map as an image: front and back, each marked area numbered")
    @APIResponse(responseCode = "200", description = "An SVG image", content = @Content(mediaType = "image/svg+xml"))
    public Response bodyMap(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("entryId") long entryId) {
        return Response.ok(incidents.bodyMapSvg(nhsNumber, entryId), "image/svg+xml").build();
    }
}

package uk.nhs.icr.api.waits;

import java.net.URI;
import java.util.List;

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
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.web.FieldParsers;
import uk.nhs.icr.waits.service.ReferralToTreatmentService;
import uk.nhs.icr.waits.service.ReferralToTreatmentService.NewEvent;
import uk.nhs.icr.waits.service.ReferralToTreatmentService.NewPathway;
import uk.nhs.icr.waits.service.ReferralToTreatmentService.PathwayView;

/** A patient's referral-to-treatment pathways: started from a referral, moved on by their clinicians' events. */
@Path("/patients/{nhsNumber}/pathways")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Waiting times", description = "Referral-to-treatment pathways and their clocks.")
public class PathwayResource {

    private static final String PATHWAY = "{\"id\":7,\"referralEntryId\":12345,\"providerOdsCode\":\"RXA\",\"treatmentFunction\":\"320\","
            + "\"treatmentFunctionName\":\"Cardiology\",\"priority\":\"routine\",\"clockStart\":\"2026-08-03\",\"weeksWaited\":16,"
            + "\"withinStandard\":true,\"events\":[{\"kind\":\"clock-start\",\"inWords\":\"clock started\",\"occurredOn\":\"2026-08-03\","
            + "\"providerOdsCode\":\"RXA\",\"recordedBy\":\"Dr Rhys Morgan\"},{\"kind\":\"first-outpatient\",\"inWords\":\"first outpatient"
            + " appointment\",\"occurredOn\":\"2026-10-12\",\"providerOdsCode\":\"RXA\",\"recordedBy\":\"Dr Rhys Morgan\"}],\"version\":1}";

    @Inject
    ReferralToTreatmentService waits;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a pathway: a referral received at a trust for a treatment function starts its clock (a GP or"
            + " hospital clinician caring for the patient)", description = "priority: routine, urgent or urgent-suspected-cancer;"
            + " treatmentFunction: a national code (GET /api/treatment-functions). The referral goes on the patient's timeline.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a cardiology referral", value = "{\"providerOdsCode\":\"RXA\","
            + "\"treatmentFunction\":\"320\",\"priority\":\"ROUTINE\",\"clockStart\":\"2026-08-03\",\"reason\":\"Palpitations and"
            + " breathlessness on exertion\"}")))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PathwayView.class),
            examples = @ExampleObject(name = "started", value = PATHWAY)))
    @APIResponse(responseCode = "400", description = "Not a trust, not a treatment function, a start in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(@PathParam("nhsNumber") NhsNumber nhsNumber, NewPathway pathway) {
        PathwayView started = waits.start(nhsNumber, pathway);
        return Response.created(URI.create("pathways/" + started.id())).entity(started).build();
    }

    @GET
    @Operation(summary = "The patient's pathways, newest first, with their events and the weeks waited (or until the clock stopped)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(examples = @ExampleObject(name = "one waiting",
            value = "[" + PATHWAY + "]")))
    public List<PathwayView> pathways(@PathParam("nhsNumber") NhsNumber nhsNumber) {
        return waits.pathwaysOf(nhsNumber);
    }

    @POST
    @Path("/{id}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an event: first-outpatient, decision-to-admit, transfer (with toProviderOdsCode: the clock runs on)"
            + " or clock-stop (with stopReason)", description = "stopReason: first-definitive-treatment, active-monitoring,"
            + " decision-not-to-treat, patient-declined, did-not-attend (never for a child under 16: followed up, not discharged),"
            + " died. Events come in date order; a stopped clock takes nothing more (409).")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "first outpatient", value = "{\"kind\":\"FIRST_OUTPATIENT\",\"occurredOn\":\"2026-10-12\"}"),
            @ExampleObject(name = "transfer", value = "{\"kind\":\"TRANSFER\",\"occurredOn\":\"2026-10-20\",\"toProviderOdsCode\":\"RXB\","
                    + "\"detail\":\"Shorter wait for ablation\"}"),
            @ExampleObject(name = "treated", value = "{\"kind\":\"CLOCK_STOP\",\"occurredOn\":\"2026-11-20\",\"stopReason\":"
                    + "\"FIRST_DEFINITIVE_TREATMENT\"}")}))
    @APIResponse(responseCode = "200", description = "The pathway after the event", content = @Content(
            schema = @Schema(implementation = PathwayView.class), examples = @ExampleObject(name = "after a first outpatient",
            value = PATHWAY)))
    @APIResponse(responseCode = "409", description = "The clock stopped already, or that event happened already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PathwayView recordEvent(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("id") String id, NewEvent event) {
        return waits.recordEvent(nhsNumber, FieldErrors.parseOne("id", id, FieldParsers.wholeNumber("pathway id")), event);
    }
}

package uk.nhs.icr.api.prescriptions;

import java.net.URI;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.Examples;
import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.web.FieldParsers;
import uk.nhs.icr.platform.web.QueryParameters;
import uk.nhs.icr.prescriptions.service.RepeatPrescriptionService;
import uk.nhs.icr.prescriptions.service.RepeatPrescriptionService.NewRepeat;
import uk.nhs.icr.prescriptions.service.RepeatPrescriptionService.Rejection;
import uk.nhs.icr.prescriptions.service.RepeatPrescriptionService.RepeatView;
import uk.nhs.icr.prescriptions.service.RepeatPrescriptionService.RequestView;

/** A patient's repeats as their practice keeps them: a GP authorises, issues and rejects. */
@Path("/patients/{nhsNumber}/repeats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Repeat prescriptions", description = "Repeats a GP authorises; requests from the patient's app; the practice's queue.")
public class RepeatPrescriptionResource {

    @Inject
    RepeatPrescriptionService prescriptions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Authorise a repeat (a GP of the patient's practice)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "ramipril", value = "{\"medicine\":\"Ramipril 5 mg capsules\","
            + "\"dose\":\"One capsule once a day\",\"quantity\":\"28 capsules\",\"issuesAllowed\":6,\"reviewDate\":\"2027-05-01\"}")))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RepeatView.class)))
    @APIResponse(responseCode = "403", description = "Not a GP of the patient's practice",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response authorise(@PathParam("nhsNumber") NhsNumber nhsNumber, NewRepeat repeat) {
        RepeatView authorised = prescriptions.authorise(nhsNumber, repeat);
        return Response.created(URI.create("repeats/" + authorised.id())).entity(authorised).build();
    }

    @GET
    @Operation(operationId = "patientRepeats", summary = "The patient's repeats, with issues left, the review date and whether one can be requested now")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(examples = @ExampleObject(name = "requestable, and review due", value = Examples.REPEATS)))
    public List<RepeatView> repeats(@PathParam("nhsNumber") NhsNumber nhsNumber) {
        return prescriptions.repeatsOf(nhsNumber);
    }

    @GET
    @Path("/requests")
    @Operation(operationId = "patientRepeatRequests", summary = "The patient's repeat requests, newest first, with what became of each")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(examples = @ExampleObject(name = "one pending", value = Examples.REQUEST_PAGE)))
    public Page<RequestView> requests(@PathParam("nhsNumber") NhsNumber nhsNumber, @QueryParam("page") String page,
                                      @QueryParam("size") String size) {
        return prescriptions.requestsOf(nhsNumber, QueryParameters.page(page, size));
    }

    @POST
    @Path("/requests/{id}/issue")
    @Operation(summary = "Issue a pending request to the pharmacy it names (a GP): one issue of the repeat is used")
    @APIResponse(responseCode = "409", description = "Decided already, or no issues left",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = RequestView.class),
                    examples = @ExampleObject(name = "issued", value = Examples.ISSUED_REQUEST)))
    public RequestView issue(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("id") String id) {
        return prescriptions.issue(nhsNumber, requestId(id));
    }

    @POST
    @Path("/requests/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a pending request (a GP), with a reason the patient reads")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reject", value = "{\"reason\":\"You were given 56 tablets last"
            + " week; please ask again in three weeks\"}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RequestView.class)))
    public RequestView reject(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("id") String id, Rejection rejection) {
        return prescriptions.reject(nhsNumber, requestId(id), rejection);
    }

    static long requestId(String id) {
        return FieldErrors.parseOne("id", id, FieldParsers.wholeNumber("request id"));
    }
}

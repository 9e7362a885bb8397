package uk.nhs.icr.api.socialcare;

import java.net.URI;
import java.util.List;

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
import uk.nhs.icr.socialcare.service.CarePlanService;
import uk.nhs.icr.socialcare.service.CarePlanService.Agreement;
import uk.nhs.icr.socialcare.service.CarePlanService.CarePlanView;
import uk.nhs.icr.socialcare.service.CarePlanService.NewCarePlan;
import uk.nhs.icr.socialcare.service.DowntimePackService;

/** The care plan care staff work from: versions, the person's agreement, and the printed downtime pack. */
@Path("/patients/{nhsNumber}/care-plan")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Care plans", description = "Sections with needs, outcomes, tasks and risk assessments; every version kept; the person's say.")
@APIResponse(responseCode = "400", description = "Invalid or missing fields",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A role that may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No person you may see with this NHS number, or no care plan yet",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CarePlanResource {

    @Inject
    CarePlanService plans;

    @Inject
    DowntimePackService downtime;

    @GET
    @Operation(operationId = "currentCarePlan", summary = "The care plan in force")
    @APIResponse(responseCode = "200", description = "OK")
    public CarePlanView current(@PathParam("nhsNumber") NhsNumber nhsNumber) {
        return plans.current(nhsNumber);
    }

    @GET
    @Path("/versions")
    @Operation(operationId = "carePlanVersions", summary = "Every version of the care plan, newest first")
    @APIResponse(responseCode = "200", description = "OK")
    public List<CarePlanView> history(@PathParam("nhsNumber") NhsNumber nhsNumber) {
        return plans.history(nhsNumber);
    }

    @POST
    @Path("/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordCarePlanVersion", summary = "Record a new version (the provider's care coordinator, or the person's social worker)",
            description = "sections (area, needs, outcomes, tasks with timesOfDay, risks with tool falls/waterlow/judgement and score),"
                    + " reviewDate, replacing (the version it was written from; none for the first)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two sections", value = "{\"reviewDate\":\"2027-02-27\","
            + "\"sections\":[{\"area\":\"WHAT_MATTERS_TO_ME\",\"needs\":\"My garden and my cat, Tibbles\"},"
            + "{\"area\":\"MOBILITY_AND_FALLS\",\"needs\":\"Walks with a frame indoors\",\"outcomes\":\"No falls\","
            + "\"tasks\":[{\"task\":\"Walk to the lounge\",\"timesOfDay\":[\"09:00\"]}],"
            + "\"risks\":[{\"risk\":\"Falls\",\"tool\":\"FALLS\",\"score\":14,\"actions\":\"Frame within reach; sensor mat at night\"}]}]}")))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = CarePlanView.class)))
    @APIResponse(responseCode = "409", description = "The plan changed since the version you wrote from",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("nhsNumber") NhsNumber nhsNumber, NewCarePlan plan) {
        CarePlanView recorded = plans.record(nhsNumber, plan);
        return Response.created(URI.create("care-plan/versions/" + recorded.version())).entity(recorded).build();
    }

    @PUT
    @Path("/agreement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The person says whether they agree with the plan in force (the person, a proxy, or the coordinator as they said)",
            description = "agreement (agreed, disagreed), comment (needed when disagreeing)")
    @APIResponse(responseCode = "200", description = "OK")
    public CarePlanView agree(@PathParam("nhsNumber") NhsNumber nhsNumber, Agreement agreement) {
        return plans.agree(nhsNumber, agreement);
    }

    @GET
    @Path("/downtime-pack.pdf")
    @Produces("application/pdf")
    @Operation(summary = "For when systems go down: the care plan and the next 24 hours of the MAR chart, printable")
    @APIResponse(responseCode = "200", description = "A PDF", content = @Content(mediaType = "application/pdf"))
    public Response downtimePack(@PathParam("nhsNumber") NhsNumber nhsNumber) {
        return Response.ok(downtime.pdf(nhsNumber), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"downtime-pack.pdf\"").build();
    }
}

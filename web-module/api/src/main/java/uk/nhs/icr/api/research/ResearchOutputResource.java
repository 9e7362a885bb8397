package uk.nhs.icr.api.research;

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
import uk.nhs.icr.research.ProjectReference;
import uk.nhs.icr.research.service.ResearchOutputService;
import uk.nhs.icr.research.service.ResearchOutputService.NewCheck;
import uk.nhs.icr.research.service.ResearchOutputService.NewQuery;
import uk.nhs.icr.research.service.ResearchOutputService.OutputView;

/** Safe settings and outputs: aggregate queries in a project's workspace, release requests, two checkers, the released CSV. */
@Path("/research")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Research", description = "The trusted research environment: projects, extracts, checked outputs.")
public class ResearchOutputResource {

    @Inject
    ResearchOutputService outputs;

    @POST
    @Path("/projects/{reference}/queries")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask an aggregate question of the project's published dataset (a researcher on it)",
            description = "measure: count (patients), mean or median (of a numeric field: result-value); groupBy: up to three registered"
                    + " fields; filters: registered fields equal to a value. The answer stays in the project's workspace; what comes"
                    + " back is disclosure-controlled (7 or fewer patients redacted, other counts rounded to 5).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "high potassium by age band", value = "{\"measure\":\"MEAN\","
            + "\"of\":\"RESULT_VALUE\",\"groupBy\":[\"AGE_BAND\",\"SEX\"],\"filters\":[{\"field\":\"ABNORMAL_FLAG\",\"equals\":\"high\"}]}")))
    @APIResponse(responseCode = "201", description = "In the workspace", content = @Content(schema = @Schema(implementation = OutputView.class)))
    @APIResponse(responseCode = "400", description = "A field the project did not register, or more than three to group by",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response query(@PathParam("reference") ProjectReference reference, NewQuery query) {
        OutputView output = outputs.query(reference, query);
        return Response.created(URI.create("outputs/" + output.id())).entity(output).build();
    }

    @GET
    @Path("/projects/{reference}/outputs")
    @Operation(summary = "The project's outputs, newest first, disclosure-controlled (checkers see the computed cells too)")
    @APIResponse(responseCode = "200", description = "OK")
    public List<OutputView> outputs(@PathParam("reference") ProjectReference reference) {
        return outputs.outputs(reference);
    }

    @POST
    @Path("/projects/{reference}/outputs/{output}/release-request")
    @Operation(summary = "Put an output forward for release: two different output checkers must approve it")
    @APIResponse(responseCode = "200", description = "Waiting for its checks")
    @APIResponse(responseCode = "409", description = "Not in the workspace",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OutputView requestRelease(@PathParam("reference") ProjectReference reference, @PathParam("output") long output) {
        return outputs.requestRelease(reference, output);
    }

    @GET
    @Path("/outputs/waiting")
    @Operation(summary = "Release requests waiting for their checks, oldest first (an output checker)")
    @APIResponse(responseCode = "200", description = "OK")
    public List<OutputView> waiting() {
        return outputs.waitingForChecks();
    }

    @POST
    @Path("/outputs/{output}/checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkResearchOutput", summary = "An output checker's decision: approve or reject (the second approval, by a different checker, releases it)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "approve", value = "{\"approve\":true,\"note\":\"Cells controlled;"
            + " no differencing risk\"}")))
    @APIResponse(responseCode = "200", description = "Checked")
    @APIResponse(responseCode = "403", description = "Not an output checker, or a researcher on the project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not waiting for release, or checked by you already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OutputView check(@PathParam("output") long output, NewCheck check) {
        return outputs.check(output, check);
    }

    @GET
    @Path("/projects/{reference}/outputs/{output}/release.csv")
    @Produces("text/csv")
    @Operation(summary = "The released table: the controlled cells with the rule applied to each, and who asked, who checked, when")
    @APIResponse(responseCode = "200", description = "The CSV")
    @APIResponse(responseCode = "409", description = "Not released",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response released(@PathParam("reference") ProjectReference reference, @PathParam("output") long output) {
        return Response.ok(outputs.releasedCsv(reference, output), "text/csv")
                .header("Content-Disposition", "attachment; filename=\"" + reference.value() + "-output-" + output + ".csv\"").build();
    }
}

package uk.nhs.icr.api.patientapp;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.api.Examples;
import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.web.FieldParsers;
import uk.nhs.icr.platform.web.QueryParameters;
import uk.nhs.icr.sharedrecord.RecordSource;
import uk.nhs.icr.sharedrecord.service.RecordEntry;
import uk.nhs.icr.sharedrecord.service.RecordPage;
import uk.nhs.icr.sharedrecord.service.RecordSummary;
import uk.nhs.icr.sharedrecord.service.SharedRecordService;

/**
 * The patient's own record from both stores, through the shared record service: as the patient's own view, without
 * safeguarding content, entries marked not for patient view, or results not yet released.
 */
@Path("/me/record")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patient app")
public class MyRecordResource {

    @Inject
    SharedRecordService sharedRecord;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(operationId = "myRecord", summary = "My record: GP, hospital and social care entries, newest first, filtered and paged",
            description = "What your own view leaves out: safeguarding content, entries a clinician marked not for patient view, and"
                    + " results not yet released (reviewed, or 7 days after they reached the record).")
    @APIResponse(responseCode = "200", description = "A page of entries", content = @Content(examples = @ExampleObject(name = "page",
            value = "{\"items\":[{\"source\":\"hospital\",\"type\":\"MEDICATION\",\"id\":812,\"occurredAt\":\"2026-10-02T09:30:00Z\","
                    + "\"title\":\"Ramipril 5 mg capsules\",\"summary\":\"5 mg · oral · once daily · repeat · active\",\"authorName\":"
                    + "\"Dr Anna Beech\",\"organisationName\":\"Beech Road Surgery\",\"setting\":\"GP practice\"}],\"page\":0,\"size\":20,"
                    + "\"totalItems\":1,\"totalPages\":1,\"withheld\":false}")))
    @APIResponse(responseCode = "400", description = "Bad for, source, type, date, page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Under 13, someone you do not act for, or a service your proxy access does not include",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecordPage timeline(
            @Parameter(description = "The NHS number of someone you act for; yourself when absent") @QueryParam("for") String actingFor,
            @Parameter(description = "hospital or social-care; both when absent") @QueryParam("source") String source,
            @Parameter(description = "Entry types, comma-separated (BLOOD_TEST,MEDICATION...)") @QueryParam("type") String type,
            @Parameter(description = "From this date (inclusive): YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "Up to this date (exclusive)") @QueryParam("to") String to,
            @Parameter(description = "From 0; default 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100; default 20") @QueryParam("size") String size) {
        return sharedRecord.timeline(ActingFor.patient(currentCaller.require(), actingFor),
                QueryParameters.timeline(source, type, from, to, page, size));
    }

    @GET
    @Path("/summary")
    @Operation(operationId = "myRecordSummary", summary = "My summary: problems, medicines, allergies, latest results, care plan",
            description = "The same summary clinicians see, as your own view.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = RecordSummary.class),
                    examples = @ExampleObject(name = "summary", value = Examples.SUMMARY)))
    public RecordSummary summary(@Parameter(description = "The NHS number of someone you act for") @QueryParam("for") String actingFor) {
        return sharedRecord.summary(ActingFor.patient(currentCaller.require(), actingFor));
    }

    @GET
    @Path("/{source}/{id}")
    @Operation(operationId = "myRecordEntry", summary = "One entry of my record, by source (hospital or social-care) and id")
    @APIResponse(responseCode = "404", description = "No such entry in your view of the record",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = RecordEntry.class),
                    examples = @ExampleObject(name = "a result", value = Examples.ENTRY)))
    public RecordEntry entry(@PathParam("source") String source, @PathParam("id") String id,
                             @Parameter(description = "The NHS number of someone you act for") @QueryParam("for") String actingFor) {
        FieldErrors errors = new FieldErrors();
        RecordSource store = errors.parse("source", source, RecordSource::parse);
        Long entryId = errors.parse("id", id, FieldParsers.wholeNumber("entry id"));
        errors.throwIfAny();
        return sharedRecord.entry(ActingFor.patient(currentCaller.require(), actingFor), store, entryId);
    }
}

package uk.nhs.icr.api.sharedrecord;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.web.FieldParsers;
import uk.nhs.icr.platform.web.QueryParameters;
import uk.nhs.icr.sharedrecord.RecordSource;
import uk.nhs.icr.sharedrecord.service.RecordEntry;
import uk.nhs.icr.sharedrecord.service.RecordPage;
import uk.nhs.icr.sharedrecord.service.RecordSummary;
import uk.nhs.icr.sharedrecord.service.SharedRecordService;
import uk.nhs.icr.sharedrecord.service.SharedRecordService.PatientView;
import uk.nhs.icr.sharedrecord.service.SharedRecordService.ResultPoint;

// "/patients" like PatientResource: JAX-RS picks root classes by their own path first, and a longer
// class path would hide GET /patients/{nhsNumber}
@Path("/patients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shared record", description = "One view of the hospital and social care records. Needs a legitimate "
        + "relationship or a break-glass grant; every read is audited.")
public class SharedRecordResource {

    @Inject
    SharedRecordService sharedRecord;

    @GET
    @Path("/{nhsNumber}/record")
    @Operation(operationId = "recordTimeline", summary = "The timeline: entries of both records, newest first, filtered and paged")
    @APIResponse(responseCode = "200", description = "A page of entries (items, page, size, totalItems, totalPages) and withheld: true when the patient's consent withholds some entries from this reader")
    @APIResponse(responseCode = "400", description = "Bad NHS number, source, type, date, page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A role that may not read records, or a patient token for another number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No patient you may see has this NHS number (none registered, or no legitimate relationship: the same answer)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecordPage timeline(
            @PathParam("nhsNumber") NhsNumber nhsNumber,
            @Parameter(description = "hospital or social-care; both when absent") @QueryParam("source") String source,
            @Parameter(description = "Entry types, comma-separated (BLOOD_TEST,CARE_VISIT...)") @QueryParam("type") String type,
            @Parameter(description = "From this time (inclusive): YYYY-MM-DD or ISO-8601 date-time") @QueryParam("from") String from,
            @Parameter(description = "Up to this time (exclusive)") @QueryParam("to") String to,
            @Parameter(description = "From 0; default 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100; default 20") @QueryParam("size") String size) {
        return sharedRecord.timeline(nhsNumber, QueryParameters.timeline(source, type, from, to, page, size));
    }

    @GET
    @Path("/{nhsNumber}/record/{source}/{id}")
    @Operation(operationId = "recordEntry", summary = "One entry of the record, by source (hospital or social-care) and id")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecordEntry.class)))
    @APIResponse(responseCode = "404", description = "No such entry for this patient",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecordEntry entry(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("source") String source,
                             @PathParam("id") String id) {
        FieldErrors errors = new FieldErrors();
        RecordSource store = errors.parse("source", source, RecordSource::parse);
        Long entryId = errors.parse("id", id, FieldParsers.wholeNumber("entry id"));
        errors.throwIfAny();
        return sharedRecord.entry(nhsNumber, store, entryId);
    }

    @PUT
    @Path("/{nhsNumber}/record/{source}/{id}/patient-view")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark an entry not for patient view, or show it again",
            description = "For third-party information, or information likely to cause serious harm: the entry stays in the record for"
                    + " staff and is left out of the patient's own view (and their proxies'), without saying so. GPs, hospital clinicians,"
                    + " nurses and social workers caring for the patient. Body: visible (true or false).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "hide", value = "{\"visible\":false}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecordEntry.class)))
    @APIResponse(responseCode = "404", description = "No such entry you may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecordEntry patientView(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("source") String source,
                                   @PathParam("id") String id, PatientView view) {
        FieldErrors errors = new FieldErrors();
        RecordSource store = errors.parse("source", source, RecordSource::parse);
        Long entryId = errors.parse("id", id, FieldParsers.wholeNumber("entry id"));
        errors.throwIfAny();
        return sharedRecord.showToPatient(nhsNumber, store, entryId, view);
    }

    @GET
    @Path("/{nhsNumber}/results")
    @Operation(operationId = "results", summary = "One test's results over time, oldest first (at most the newest 200)",
            description = "test is the name shown in the summary, e.g. Potassium")
    @APIResponse(responseCode = "200", description = "reportedAt, value, unit, referenceLow, referenceHigh, abnormal")
    public List<ResultPoint> results(@PathParam("nhsNumber") NhsNumber nhsNumber, @QueryParam("test") String test) {
        return sharedRecord.results(nhsNumber, test);
    }

    @GET
    @Path("/{nhsNumber}/summary")
    @Operation(operationId = "summary", summary = "The summary: alerts, active problems, current medications, allergies, latest results "
            + "(abnormal flagged), open admissions, the active care plan and open safeguarding concerns")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecordSummary.class)))
    public RecordSummary summary(@PathParam("nhsNumber") NhsNumber nhsNumber) {
        return sharedRecord.summary(nhsNumber);
    }
}

package uk.nhs.icr.api.socialcare;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.api.sharedrecord.EntryLocations;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.sharedrecord.service.RecordEntry;
import uk.nhs.icr.socialcare.service.SocialCareRecordService;
import uk.nhs.icr.socialcare.service.SocialCareRecordService.NewAssessment;
import uk.nhs.icr.socialcare.service.SocialCareRecordService.NewCarePlan;
import uk.nhs.icr.socialcare.service.SocialCareRecordService.NewCareVisit;
import uk.nhs.icr.socialcare.service.SocialCareRecordService.NewSafeguardingConcern;

/** Social-care staff's writes to the social care record. Times are ISO-8601 with an offset; dates YYYY-MM-DD. */
// "/patients" like PatientResource: JAX-RS picks root classes by their own path first, and a longer
// class path would hide GET /patients/{nhsNumber}
@Path("/patients")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Social care record", description = "Record needs assessments, care plans, care visits and safeguarding concerns. "
        + "Social workers record assessments and plans; care workers record visits; anyone caring for the person may raise "
        + "a safeguarding concern.")
@APIResponse(responseCode = "201", description = "Recorded; Location is the entry in the shared record",
        content = @Content(schema = @Schema(implementation = RecordEntry.class)))
@APIResponse(responseCode = "400", description = "Invalid or missing fields, or malformed JSON",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A role that may not record this, or a patient token for another number",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No patient you may see has this NHS number (none registered, or no legitimate relationship: the same answer)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SocialCareRecordResource {

    @Inject
    SocialCareRecordService record;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("/{nhsNumber}/needs-assessments")
    @Operation(summary = "Record a Care Act needs assessment", description = "needs, eligibility (eligible, not_eligible, pending), assessedAt")
    public Response assessment(@PathParam("nhsNumber") NhsNumber nhsNumber, NewAssessment assessment) {
        return EntryLocations.created(uriInfo, nhsNumber, record.recordAssessment(nhsNumber, assessment));
    }

    @POST
    @Path("/{nhsNumber}/care-plans")
    @Operation(summary = "Record a care and support plan", description = "needs, outcomes, services, reviewDate (today or later)")
    public Response carePlan(@PathParam("nhsNumber") NhsNumber nhsNumber, NewCarePlan plan) {
        return EntryLocations.created(uriInfo, nhsNumber, record.recordCarePlan(nhsNumber, plan));
    }

    @POST
    @Path("/{nhsNumber}/care-visits")
    @Operation(summary = "Record a care visit", description = "plannedStart, plannedEnd, actualStart, actualEnd, tasksDone, notes")
    public Response careVisit(@PathParam("nhsNumber") NhsNumber nhsNumber, NewCareVisit visit) {
        return EntryLocations.created(uriInfo, nhsNumber, record.recordCareVisit(nhsNumber, visit));
    }

    @POST
    @Path("/{nhsNumber}/safeguarding-concerns")
    @Operation(summary = "Raise a safeguarding concern", description = "category, description, raisedAt")
    public Response safeguardingConcern(@PathParam("nhsNumber") NhsNumber nhsNumber, NewSafeguardingConcern concern) {
        return EntryLocations.created(uriInfo, nhsNumber, record.recordSafeguardingConcern(nhsNumber, concern));
    }
}

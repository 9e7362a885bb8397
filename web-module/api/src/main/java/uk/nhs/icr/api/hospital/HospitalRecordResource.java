package uk.nhs.icr.api.hospital;

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
import uk.nhs.icr.platform.web.FieldParsers;
import uk.nhs.icr.platform.service.FieldErrors;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.api.sharedrecord.EntryLocations;
import uk.nhs.icr.hospital.service.HospitalRecordService;
import uk.nhs.icr.hospital.service.HospitalRecordService.ResultReview;
import uk.nhs.icr.hospital.service.HospitalRecordService.NewAllergy;
import uk.nhs.icr.hospital.service.HospitalRecordService.NewBloodTest;
import uk.nhs.icr.hospital.service.HospitalRecordService.NewMedication;
import uk.nhs.icr.hospital.service.HospitalRecordService.NewProblem;
import uk.nhs.icr.hospital.service.HospitalRecordService.NewTreatmentPlan;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.sharedrecord.service.RecordEntry;

/** Clinicians' writes to the hospital record. Times are ISO-8601 with an offset; dates YYYY-MM-DD. */
// "/patients" like PatientResource: JAX-RS picks root classes by their own path first, and a longer
// class path would hide GET /patients/{nhsNumber}
@Path("/patients")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Hospital record", description = "Record results, problems, medications, allergies and treatment plans. "
        + "Only roles that may write that kind of entry can (e.g. not care workers).")
@APIResponse(responseCode = "201", description = "Recorded; Location is the entry in the shared record",
        content = @Content(schema = @Schema(implementation = RecordEntry.class)))
@APIResponse(responseCode = "400", description = "Invalid or missing fields, or malformed JSON",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A role that may not record this, or a patient token for another number",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No patient you may see has this NHS number (none registered, or no legitimate relationship: the same answer)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class HospitalRecordResource {

    @Inject
    HospitalRecordService record;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("/{nhsNumber}/blood-tests")
    @Operation(summary = "Record a blood-test result",
            description = "test, value, unit, referenceLow, referenceHigh, reportedAt and (optional) requestedBy, the clinician who"
                    + " asked for it, which the patient reads beside the result; the abnormal flag follows from the range")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a potassium the GP asked for", value = "{\"test\":\"Potassium\","
            + "\"value\":5.6,\"unit\":\"mmol/L\",\"referenceLow\":3.5,\"referenceHigh\":5.3,\"reportedAt\":\"2026-11-18T14:05:00Z\","
            + "\"requestedBy\":\"Dr Anna Beech\"}")))
    public Response bloodTest(@PathParam("nhsNumber") NhsNumber nhsNumber, NewBloodTest result) {
        return EntryLocations.created(uriInfo, nhsNumber, record.recordBloodTest(nhsNumber, result));
    }

    @POST
    @Path("/{nhsNumber}/results/{id}/review")
    @Operation(summary = "Review a result (a GP or hospital clinician): it reaches the patient now, with your comment",
            description = "A result nobody has reviewed reaches the patient 7 days after it was recorded (ICR_RESULT_RELEASE_DELAY)."
                    + " Body: comment (optional, at most 500 characters, shown to the patient beside the result).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "review",
            value = "{\"comment\":\"Slightly high. Please book a repeat test in 2 weeks.\"}")))
    @APIResponse(responseCode = "200", description = "Reviewed", content = @Content(schema = @Schema(implementation = RecordEntry.class)))
    @APIResponse(responseCode = "409", description = "Reviewed already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecordEntry reviewResult(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("id") String id, ResultReview review) {
        long resultId = FieldErrors.parseOne("id", id, FieldParsers.wholeNumber("result id"));
        return record.reviewResult(nhsNumber, resultId, review);
    }

    @POST
    @Path("/{nhsNumber}/problems")
    @Operation(summary = "Record a problem or diagnosis", description = "snomedCode, display, onset, status (active, resolved), notes, "
            + "category (optional: mental_health, sexual_health, reproductive_health, substance_misuse, safeguarding; default general)")
    public Response problem(@PathParam("nhsNumber") NhsNumber nhsNumber, NewProblem problem) {
        return EntryLocations.created(uriInfo, nhsNumber, record.recordProblem(nhsNumber, problem));
    }

    @POST
    @Path("/{nhsNumber}/medications")
    @Operation(summary = "Record a medication", description = "name, dose, route, frequency, course (acute, repeat), startedAt, "
            + "category (optional, as for problems)")
    public Response medication(@PathParam("nhsNumber") NhsNumber nhsNumber, NewMedication medication) {
        return EntryLocations.created(uriInfo, nhsNumber, record.recordMedication(nhsNumber, medication));
    }

    @POST
    @Path("/{nhsNumber}/allergies")
    @Operation(summary = "Record an allergy", description = "substance, reaction, severity (mild, moderate, severe), notedAt")
    public Response allergy(@PathParam("nhsNumber") NhsNumber nhsNumber, NewAllergy allergy) {
        return EntryLocations.created(uriInfo, nhsNumber, record.recordAllergy(nhsNumber, allergy));
    }

    @POST
    @Path("/{nhsNumber}/treatment-plans")
    @Operation(summary = "Record an electronic treatment plan",
            description = "title, goals, activities, responsibleClinician, reviewDate (today or later)")
    public Response treatmentPlan(@PathParam("nhsNumber") NhsNumber nhsNumber, NewTreatmentPlan plan) {
        return EntryLocations.created(uriInfo, nhsNumber, record.recordTreatmentPlan(nhsNumber, plan));
    }
}

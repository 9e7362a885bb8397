package uk.nhs.icr.api.inpatient;

import java.net.URI;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.inpatient.service.PrescribingService;
import uk.nhs.icr.inpatient.service.PrescribingService.CheckOutcome;
import uk.nhs.icr.inpatient.service.PrescribingService.NewPrescription;
import uk.nhs.icr.inpatient.service.PrescribingService.PrescriptionList;
import uk.nhs.icr.inpatient.service.PrescribingService.PrescriptionView;
import uk.nhs.icr.inpatient.service.PrescribingService.StopPrescription;
import uk.nhs.icr.patient.NhsNumber;

/** Inpatient prescriptions on an open admission, checked as they are written. */
@Path("/patients/{nhsNumber}/prescriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inpatient prescribing", description = "Prescriptions on an admission with allergy, duplicate, interaction and dose checks.")
@APIResponse(responseCode = "400", description = "Invalid or missing fields, or a hard stop without an override reason",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a prescriber of the admitting trust",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No patient, admission or prescription you may see",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PrescriptionResource {

    private static final String EXAMPLE = "{\"admissionId\":123,\"medicine\":\"Amoxicillin 500mg capsules\",\"kind\":\"REGULAR\","
            + "\"dose\":500,\"timesOfDay\":[\"08:00\",\"14:00\",\"22:00\"],\"indication\":\"Community-acquired pneumonia\","
            + "\"reviewOn\":\"2026-12-01\"}";

    @Inject
    PrescribingService prescribing;

    @GET
    @Operation(summary = "An admission's prescriptions", description = "Stopped ones too; withheld counts those the patient's consent"
            + " keeps from you")
    @APIResponse(responseCode = "200", description = "OK")
    public PrescriptionList prescriptions(@PathParam("nhsNumber") NhsNumber nhsNumber,
                                          @Parameter(description = "The admission id; the latest open admission when absent")
                                          @QueryParam("admission") Long admission) {
        return prescribing.prescriptionsOf(nhsNumber, admission);
    }

    @POST
    @Path("/checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkPrescription", summary = "Check a prescription before writing it", description = "The alerts the prescription would raise"
            + " (allergy, duplicate-therapy, interaction, dose-range, checks-incomplete); nothing is written")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Regular antibiotic", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The checks' alerts", content = @Content(schema = @Schema(implementation = CheckOutcome.class)))
    public CheckOutcome check(@PathParam("nhsNumber") NhsNumber nhsNumber, NewPrescription prescription) {
        return prescribing.check(nhsNumber, prescription);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Prescribe", description = "admissionId, medicine (its dm+d name), kind (regular with timesOfDay;"
            + " as-required with minimumIntervalMinutes and mostPer24Hours; once-only), dose in the medicine's dose unit, route,"
            + " startsAt, endsAt, reviewOn, indication, category; overrideReason when the checks raise a hard stop")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Regular antibiotic", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Prescribed, with the alerts it raised",
            content = @Content(schema = @Schema(implementation = PrescriptionView.class)))
    public Response prescribe(@PathParam("nhsNumber") NhsNumber nhsNumber, NewPrescription prescription) {
        PrescriptionView written = prescribing.prescribe(nhsNumber, prescription);
        return Response.created(URI.create("prescriptions/" + written.id())).entity(written).build();
    }

    @POST
    @Path("/{id}/stop")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stop a prescription", description = "reason (required)")
    @APIResponse(responseCode = "200", description = "Stopped", content = @Content(schema = @Schema(implementation = PrescriptionView.class)))
    @APIResponse(responseCode = "409", description = "Stopped already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PrescriptionView stop(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("id") long id, StopPrescription stop) {
        return prescribing.stop(nhsNumber, id, stop);
    }
}

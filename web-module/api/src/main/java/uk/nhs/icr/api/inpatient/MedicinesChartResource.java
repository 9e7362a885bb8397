package uk.nhs.icr.api.inpatient;

import java.net.URI;
import java.time.LocalDate;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.inpatient.service.WardChartService;
import uk.nhs.icr.inpatient.service.WardChartService.DoseView;
import uk.nhs.icr.inpatient.service.WardChartService.MedicinesChart;
import uk.nhs.icr.inpatient.service.WardChartService.NewDose;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.web.FieldParsers;

/** The ward medicines chart of an admission: due doses and what the nurses recorded. */
@Path("/patients/{nhsNumber}/medicines-chart")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ward medicines chart", description = "Doses given, not given or delayed against inpatient prescriptions.")
@APIResponse(responseCode = "400", description = "Invalid or missing fields",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A role that may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No patient, admission or prescription you may see",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MedicinesChartResource {

    @Inject
    WardChartService chart;

    @Inject
    UkClock clock;

    @GET
    @Operation(operationId = "medicinesChart", summary = "A day of the medicines chart", description = "Each prescription in force that day with its due doses"
            + " (recorded, or open and overdue) and the as-required doses given")
    @APIResponse(responseCode = "200", description = "OK")
    public MedicinesChart chart(@PathParam("nhsNumber") NhsNumber nhsNumber,
                                @Parameter(description = "The admission id", required = true) @QueryParam("admission") Long admission,
                                @Parameter(description = "YYYY-MM-DD; today when absent") @QueryParam("date") String date) {
        if (admission == null) {
            throw InvalidInputException.of("admission", "is required: the admission whose chart it is");
        }
        LocalDate day = FieldErrors.parseOne("date", date, FieldParsers.date("date", false));
        return chart.chartOf(nhsNumber, admission, day == null ? clock.today() : day);
    }

    @POST
    @Path("/doses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordMedicinesChartDose", summary = "Record a dose: given, not-given or delayed", description = "prescriptionId, dueAt (none for as required),"
            + " outcome, reason (not given: patient-refused, nil-by-mouth, not-available, patient-away, clinical-reason), dose"
            + " (the prescribed dose when absent; never more), givenAt (now when absent), witness and witnessPassword (a controlled"
            + " drug given: another nurse of your trust co-signs), note (needed when delayed)")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = DoseView.class)))
    @APIResponse(responseCode = "409", description = "Recorded already, outside the as-required limits, stopped, or the admission ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("nhsNumber") NhsNumber nhsNumber, NewDose dose) {
        DoseView recorded = chart.record(nhsNumber, dose);
        return Response.created(URI.create("medicines-chart/doses/" + recorded.id())).entity(recorded).build();
    }
}

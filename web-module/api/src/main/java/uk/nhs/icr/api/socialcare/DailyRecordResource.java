package uk.nhs.icr.api.socialcare;

import java.net.URI;
import java.time.LocalDate;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.web.FieldParsers;
import uk.nhs.icr.socialcare.service.DailyRecordService;
import uk.nhs.icr.socialcare.service.DailyRecordService.DailyRecordView;
import uk.nhs.icr.socialcare.service.DailyRecordService.NewDailyRecord;

/** Daily records at the point of care: notes, repositioning, weight, observations. */
@Path("/patients/{nhsNumber}/daily-records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Care-home daily records")
@APIResponse(responseCode = "400", description = "Invalid or missing fields",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No person you may see with this NHS number",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DailyRecordResource {

    @Inject
    DailyRecordService records;

    @Inject
    UkClock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordDailyRecord", summary = "Record a note, a repositioning, a weight or observations",
            description = "kind (note, repositioning, weight, observations), at (now when absent), note, position (left-side,"
                    + " right-side, back, sitting, standing) and skinIntact, weightKg, pulse, temperatureC, systolic and diastolic,"
                    + " respirationRate, oxygenSaturation")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = DailyRecordView.class)))
    public Response record(@PathParam("nhsNumber") NhsNumber nhsNumber, NewDailyRecord record) {
        DailyRecordView made = records.record(nhsNumber, record);
        return Response.created(URI.create("daily-records/" + made.id())).entity(made).build();
    }

    @GET
    @Operation(summary = "A day's daily records, in time order")
    @APIResponse(responseCode = "200", description = "OK")
    public List<DailyRecordView> day(@PathParam("nhsNumber") NhsNumber nhsNumber,
                                     @Parameter(description = "YYYY-MM-DD; today when absent") @QueryParam("date") String date) {
        LocalDate day = FieldErrors.parseOne("date", date, FieldParsers.date("date", false));
        return records.day(nhsNumber, day == null ? clock.today() : day);
    }
}

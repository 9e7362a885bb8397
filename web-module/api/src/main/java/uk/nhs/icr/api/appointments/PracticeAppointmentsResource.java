package uk.nhs.icr.api.appointments;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

import uk.nhs.icr.api.Examples;
import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.appointments.service.AppointmentService;
import uk.nhs.icr.appointments.service.AppointmentService.AppointmentView;
import uk.nhs.icr.appointments.service.AppointmentService.NewSession;
import uk.nhs.icr.appointments.service.AppointmentService.SessionView;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.web.FieldParsers;

/** The practice's appointment book: sessions cut into slots, and the day list (GPs and administrators). */
@Path("/practice/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments", description = "GP appointments: the practice's sessions and slots; the patient books in the app.")
public class PracticeAppointmentsResource {

    @Inject
    AppointmentService appointments;

    @Inject
    UkClock clock;

    @POST
    @Path("/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define a session and cut it into slots over a range of days (weekdays; UK times)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a morning surgery", value = "{\"clinicianName\":\"Dr Amina Shah\","
            + "\"clinicianRole\":\"GP\",\"place\":\"Beech Road Surgery, room 2\",\"kind\":\"FACE_TO_FACE\",\"from\":\"2026-12-01\","
            + "\"to\":\"2026-12-12\",\"startTime\":\"09:00\",\"endTime\":\"12:00\",\"slotMinutes\":15}")))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, a range over two months, or more than 2,000 slots",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response defineSession(NewSession session) {
        return Response.status(Response.Status.CREATED).entity(appointments.defineSession(session)).build();
    }

    @GET
    @Operation(summary = "The day list: the practice's booked appointments on a day, in order, with whose they are",
            description = "Each patient listed is on their own audit log as read by the practice.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(examples = @ExampleObject(name = "one booked", value = Examples.DAY_LIST)))
    public List<AppointmentView> dayList(@Parameter(description = "YYYY-MM-DD; today when absent") @QueryParam("date") String date) {
        LocalDate day = FieldErrors.parseOne("date", date, FieldParsers.date("date", false));
        return appointments.dayList(day == null ? clock.today() : day);
    }
}

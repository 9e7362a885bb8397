package uk.nhs.icr.api.patientapp;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.api.Examples;
import uk.nhs.icr.api.VersionTags;
import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.appointments.service.AppointmentService;
import uk.nhs.icr.appointments.service.AppointmentService.AppointmentView;
import uk.nhs.icr.appointments.service.AppointmentService.Booking;
import uk.nhs.icr.appointments.service.AppointmentService.SlotView;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.web.FieldParsers;

/** The patient's GP appointments: free slots at their practice, booking, their appointments, cancelling a future one. */
@Path("/me/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patient app")
public class MyAppointmentsResource {

    private static final String FOR = "The NHS number of someone you act for (with the appointments service); yourself when absent";

    @Inject
    AppointmentService appointments;

    @Inject
    CurrentCaller currentCaller;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("/slots")
    @Operation(summary = "Free slots at my practice, earliest first", description = "A window of at most 14 days (400 beyond);"
            + " from today and for 14 days when not given; only slots that have not started.")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "slots", value = "[{\"id\":3051,"
            + "\"startsAt\":\"2026-12-01T09:15:00Z\",\"endsAt\":\"2026-12-01T09:30:00Z\",\"clinicianName\":\"Dr Amina Shah\","
            + "\"clinicianRole\":\"GP\",\"place\":\"Beech Road Surgery\",\"kind\":\"face-to-face\"}]")))
    @APIResponse(responseCode = "400", description = "A window over 14 days, or a bad date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<SlotView> slots(@Parameter(description = FOR) @QueryParam("for") String actingFor,
                                @Parameter(description = "YYYY-MM-DD") @QueryParam("from") String from,
                                @Parameter(description = "YYYY-MM-DD, inclusive") @QueryParam("to") String to) {
        FieldErrors errors = new FieldErrors();
        Optional<LocalDate> first = Optional.ofNullable(errors.parse("from", from, FieldParsers.date("from", false)));
        Optional<LocalDate> last = Optional.ofNullable(errors.parse("to", to, FieldParsers.date("to", false)));
        errors.throwIfAny();
        return appointments.freeSlots(patient(actingFor), first, last);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Book a free slot", description = "reason: at most 100 characters. 409 when the slot is no longer free"
            + " (exactly one of several people booking one slot at once gets it), has started, or you already hold the most future"
            + " appointments allowed (ICR_MAX_FUTURE_APPOINTMENTS, 4). The ETag is the version a cancellation names.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "book", value = "{\"slotId\":3051,\"reason\":\"Painful knee for"
            + " three weeks\"}")))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "409", description = "The slot is no longer free, has started, or you hold the most future appointments",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response book(@Parameter(description = FOR) @QueryParam("for") String actingFor, Booking booking) {
        AppointmentView booked = appointments.book(patient(actingFor), booking);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(Long.toString(booked.id())).build()).entity(booked)
                .tag(Integer.toString(booked.version())).build();
    }

    @GET
    @Operation(summary = "My appointments, latest first: booked and cancelled (by whom, and why)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(examples = @ExampleObject(name = "one booked", value = Examples.APPOINTMENT_LIST)))
    public List<AppointmentView> mine(@Parameter(description = FOR) @QueryParam("for") String actingFor) {
        return appointments.appointmentsOf(patient(actingFor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my appointments, with its ETag")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(examples = @ExampleObject(name = "booked", value = Examples.APPOINTMENT)))
    public Response one(@Parameter(description = FOR) @QueryParam("for") String actingFor, @PathParam("id") String id) {
        AppointmentView appointment = appointments.appointment(patient(actingFor), appointmentId(id));
        return VersionTags.tagged(appointment, appointment.version());
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "cancelMyAppointment", summary = "Cancel a future appointment", description = "If-Match with its ETag: 428 without, 412 when it changed since"
            + " (the practice cancelled it, say); 409 for a past or cancelled one.")
    @APIResponse(responseCode = "200", description = "Cancelled, with its new ETag",
            content = @Content(examples = @ExampleObject(name = "cancelled", value = Examples.CANCELLED_APPOINTMENT)))
    @APIResponse(responseCode = "412", description = "It changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is required",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cancel(@Parameter(description = FOR) @QueryParam("for") String actingFor, @PathParam("id") String id,
                           @BeanParam VersionTags versions) {
        AppointmentView cancelled = appointments.cancel(patient(actingFor), appointmentId(id), versions.precondition());
        return VersionTags.tagged(cancelled, cancelled.version());
    }

    private static long appointmentId(String id) {
        return FieldErrors.parseOne("id", id, FieldParsers.wholeNumber("appointment id"));
    }

    private NhsNumber patient(String actingFor) {
        return ActingFor.patient(currentCaller.require(), actingFor);
    }
}

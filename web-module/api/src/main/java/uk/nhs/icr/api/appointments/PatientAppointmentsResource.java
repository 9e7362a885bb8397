package uk.nhs.icr.api.appointments;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.appointments.service.AppointmentService;
import uk.nhs.icr.appointments.service.AppointmentService.AppointmentView;
import uk.nhs.icr.appointments.service.AppointmentService.Cancellation;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.web.FieldParsers;

/** A patient's appointment as the practice handles it. */
@Path("/patients/{nhsNumber}/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments")
public class PatientAppointmentsResource {

    @Inject
    AppointmentService appointments;

    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelAppointment", summary = "The practice cancels a future appointment, with a reason the patient reads")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "cancel", value = "{\"reason\":\"Dr Shah is unwell today; please"
            + " book again\"}")))
    public AppointmentView cancel(@PathParam("nhsNumber") NhsNumber nhsNumber, @PathParam("id") String id, Cancellation cancellation) {
        return appointments.cancelForThePractice(nhsNumber, FieldErrors.parseOne("id", id, FieldParsers.wholeNumber("appointment id")),
                cancellation);
    }
}

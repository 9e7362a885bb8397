package uk.nhs.icr.api.patientapp;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.patient.service.ReminderService;
import uk.nhs.icr.patient.service.ReminderService.Reminder;

@Path("/me/reminders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patient app")
public class MyRemindersResource {

    @Inject
    ReminderService reminders;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(summary = "What I should know now", description = "A medication review due within 30 days or overdue, a repeat with one"
            + " issue or none left, an appointment in the next 7 days, a result released in the last 14 days; each with the address of"
            + " the page about it. Someone acting for the patient sees those of the services granted them.")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "two", value = "[{\"kind\":"
            + "\"MEDICATION_REVIEW_DUE\",\"title\":\"Medication review overdue\",\"detail\":\"Ramipril 5 mg capsules: your review is due"
            + " on 2026-11-07; contact your practice to book it\",\"at\":\"2026-11-07T00:00:00Z\",\"link\":\"/api/me/prescriptions\"},"
            + "{\"kind\":\"RESULT_RELEASED\",\"title\":\"New test result\",\"detail\":\"Potassium, reviewed by Dr Amina Shah\",\"at\":"
            + "\"2026-11-27T09:00:00Z\",\"link\":\"/api/me/results\"}]")))
    public List<Reminder> reminders(@Parameter(description = "The NHS number of someone you act for; yourself when absent")
                                    @QueryParam("for") String actingFor) {
        return reminders.remindersFor(ActingFor.patient(currentCaller.require(), actingFor));
    }
}

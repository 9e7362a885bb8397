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
import uk.nhs.icr.waits.service.ReferralToTreatmentService;
import uk.nhs.icr.waits.service.ReferralToTreatmentService.WaitView;

/** The patient's open waits for hospital treatment, each with an estimate of the rest of the wait. */
@Path("/me/waits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patient app")
public class MyWaitsResource {

    @Inject
    ReferralToTreatmentService waits;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(summary = "My waits for hospital treatment: where, for what, how long so far, and how much longer people in my place"
            + " waited", description = "The estimate is of those on the same list (trust, specialty, priority) who had waited as long"
            + " as you: by when half, and nine in ten, were treated. It says how many people it rests on; below 30 it uses every"
            + " trust's list, and below that again it gives no figure.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(examples = @ExampleObject(name = "one wait", value =
            "[{\"pathwayId\":7,\"trustOdsCode\":\"RXA\",\"trustName\":\"Northgate Hospitals NHS Trust\",\"treatmentFunction\":\"320\","
                    + "\"treatmentFunctionName\":\"Cardiology\",\"priority\":\"routine\",\"clockStart\":\"2026-07-10\",\"weeksWaited\":20,"
                    + "\"estimate\":{\"basis\":\"this trust\",\"restsOn\":214,\"halfWithinFurtherWeeks\":9,\"nineInTenWithinFurtherWeeks\":31,"
                    + "\"inWords\":\"Of 214 people who had waited 20 weeks for Cardiology at Northgate Hospitals NHS Trust, half were"
                    + " treated within a further 9 weeks and 9 in 10 within 31. From pathways open on 27 November 2026 or ended since 27"
                    + " November 2024.\",\"dataAsOf\":\"2026-11-27\"},\"trustShareWithin18Weeks\":0.61}]")))
    public List<WaitView> waits(@Parameter(description = "The NHS number of someone you act for; yourself when absent")
                                @QueryParam("for") String actingFor) {
        return waits.waitsOf(ActingFor.patient(currentCaller.require(), actingFor));
    }
}

package uk.nhs.icr.api.waits;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.waits.service.ReferralToTreatmentService;
import uk.nhs.icr.waits.service.ReferralToTreatmentService.TreatmentFunctionView;

/** The national treatment function codes waits are counted by. */
@Path("/treatment-functions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Waiting times")
public class TreatmentFunctionResource {

    @Inject
    ReferralToTreatmentService waits;

    @GET
    @Operation(summary = "The treatment function codes a pathway is started with (100 General Surgery, 320 Cardiology ...)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(examples = @ExampleObject(name = "some", value =
            "[{\"code\":\"100\",\"name\":\"General Surgery\"},{\"code\":\"320\",\"name\":\"Cardiology\"}]")))
    public List<TreatmentFunctionView> treatmentFunctions() {
        return waits.treatmentFunctions();
    }
}

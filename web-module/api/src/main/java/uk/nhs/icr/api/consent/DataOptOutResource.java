package uk.nhs.icr.api.consent;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.VersionTags;
import uk.nhs.icr.consent.service.DataOptOutService;
import uk.nhs.icr.consent.service.DataOptOutService.OptOutChoice;
import uk.nhs.icr.consent.service.DataOptOutService.OptOutView;
import uk.nhs.icr.patient.NhsNumber;

@Path("/patients/{nhsNumber}/data-opt-out")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consent")
public class DataOptOutResource {

    @Inject
    DataOptOutService optOut;

    @GET
    @Operation(operationId = "currentDataOptOut", summary = "The patient's National Data Opt-out choice (version 0: never set, not opted out)",
            description = "It never affects direct care: it is honoured in research and planning uses.")
    @APIResponse(responseCode = "200", description = "OK, with its ETag", content = @Content(schema = @Schema(implementation = OptOutView.class)))
    public Response current(@PathParam("nhsNumber") NhsNumber nhsNumber) {
        OptOutView current = optOut.current(nhsNumber);
        return VersionTags.tagged(current, current.version());
    }

    @GET
    @Path("/history")
    @Operation(operationId = "dataOptOutHistory", summary = "Every change of the choice, newest first")
    public List<OptOutView> history(@PathParam("nhsNumber") NhsNumber nhsNumber) {
        return optOut.history(nhsNumber);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the patient's choice", description = "Body: optedOut (true/false). The patient's own token sets it"
            + " as self, online. Staff never decide it; they say whose choice it is: setBy self (the contact centre, with channel phone"
            + " or post), proxy (proxyName, for a child under 13) or attorney (proxyName and authority lasting-power-of-attorney or"
            + " court-deputy, for an adult); channel in-person by default.")
    @APIResponse(responseCode = "200", description = "The choice as recorded, with its ETag",
            content = @Content(schema = @Schema(implementation = OptOutView.class)))
    public Response set(@PathParam("nhsNumber") NhsNumber nhsNumber, OptOutChoice choice, @BeanParam VersionTags versions) {
        OptOutView recorded = optOut.set(nhsNumber, choice, versions.precondition());
        return VersionTags.tagged(recorded, recorded.version());
    }
}

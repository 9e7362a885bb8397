package uk.nhs.icr.api.sharedrecord;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.sharedrecord.service.TransferOfCareService;
import uk.nhs.icr.sharedrecord.service.TransferOfCareService.Discharge;
import uk.nhs.icr.sharedrecord.service.TransferOfCareService.Transfer;

@Path("/patients/{nhsNumber}/transfers-of-care")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shared record")
public class TransferOfCareResource {

    @Inject
    TransferOfCareService transfers;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Discharge from a hospital admission to social care",
            description = "Closes the admission and records the discharge summary in the hospital record, and opens an assessment "
                    + "request with the care needs in the social care record: one transaction, both or neither. "
                    + "Body: admissionId, dischargeSummary, careNeeds, careProviderOdsCode, and dischargedAt when the patient left"
                    + " before the discharge is recorded (default: now).")
    @APIResponse(responseCode = "201", description = "Both sides recorded",
            content = @Content(schema = @Schema(implementation = Transfer.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid fields, or an unknown care provider",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No open admission with that id: already discharged or transferred",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response transfer(@PathParam("nhsNumber") NhsNumber nhsNumber, Discharge discharge) {
        Transfer transfer = transfers.discharge(nhsNumber, discharge);
        return Response.created(uriInfo.getBaseUriBuilder().path(SharedRecordResource.class).path("{nhsNumber}").path("record").path("hospital")
                        .path(Long.toString(transfer.dischargeSummaryId())).build(nhsNumber.value()))
                .entity(transfer).build();
    }
}

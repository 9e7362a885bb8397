package uk.nhs.icr.api.socialcare;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.socialcare.service.HospitalPackService;
import uk.nhs.icr.socialcare.service.HospitalPackService.HospitalPack;
import uk.nhs.icr.socialcare.service.HospitalPackService.Sent;
import uk.nhs.icr.socialcare.service.HospitalPackService.Transfer;

/** The hospital pack (the "Red Bag"): what travels with a person admitted to hospital from social care. */
@Path("/patients/{nhsNumber}/hospital-pack")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Hospital pack", description = "Made from the record in one action; sending it opens the admitting trust's access.")
@APIResponse(responseCode = "400", description = "Invalid or missing fields",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No person you may see with this NHS number",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class HospitalPackResource {

    @Inject
    HospitalPackService packs;

    @GET
    @Operation(summary = "The pack as it stands: for care staff to send, and for the admitting hospital to open")
    @APIResponse(responseCode = "200", description = "OK")
    public HospitalPack pack(@PathParam("nhsNumber") NhsNumber nhsNumber) {
        return packs.pack(nhsNumber);
    }

    @GET
    @Path("/pack.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The pack, printable")
    @APIResponse(responseCode = "200", description = "A PDF", content = @Content(mediaType = "application/pdf"))
    public Response pdf(@PathParam("nhsNumber") NhsNumber nhsNumber) {
        return Response.ok(packs.packPdf(nhsNumber), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"hospital-pack.pdf\"").build();
    }

    @POST
    @Path("/transfers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The person is going into hospital: the admitting trust may open the record for the episode",
            description = "admittingTrust (its ODS code); access lasts icr.hospital-pack.access-period (3 days by default)")
    @APIResponse(responseCode = "201", description = "Sent", content = @Content(schema = @Schema(implementation = Sent.class)))
    public Response send(@PathParam("nhsNumber") NhsNumber nhsNumber, Transfer transfer) {
        return Response.status(Response.Status.CREATED).entity(packs.send(nhsNumber, transfer)).build();
    }
}

package uk.nhs.icr.api.inpatient;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.inpatient.service.WardService;
import uk.nhs.icr.inpatient.service.WardService.WardCode;
import uk.nhs.icr.inpatient.service.WardService.WardList;
import uk.nhs.icr.inpatient.service.WardService.WardView;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.web.FieldParsers;

/** A trust's wards and each ward's list: its patients, their plans and reconciliation, and the overdue doses. */
@Path("/wards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wards", description = "Ward lists for a trust's nurses and clinicians.")
@APIResponse(responseCode = "403", description = "Not a nurse or clinician of the trust",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WardResource {

    @Inject
    WardService wards;

    @GET
    @Operation(summary = "The wards of your trust")
    @APIResponse(responseCode = "200", description = "OK")
    public List<WardView> wards() {
        return wards.wards();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "A ward list", description = "Each patient (bed, admitted, expected discharge, medically fit, medicines"
            + " reconciliation, active prescriptions, overdue doses) and every overdue dose on the ward, time-critical first. Each"
            + " patient listed is on their access log.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "A malformed ward code or time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No ward of your trust with this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WardList ward(@PathParam("code") String code,
                         @Parameter(description = "The moment the list is for (ISO-8601 instant); now when absent, never later")
                         @QueryParam("at") String at) {
        Instant when = at == null || at.isBlank() ? null : FieldErrors.parseOne("at", at, FieldParsers.anyInstant("at"));
        return wards.wardList(wardCode(code), when);
    }

    static WardCode wardCode(String code) {
        try {
            return new WardCode(code);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("code", e.getMessage());
        }
    }
}

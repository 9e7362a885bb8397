package uk.nhs.icr.api.access;

import java.net.URI;
import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.access.service.BreakGlassService;
import uk.nhs.icr.access.service.BreakGlassView;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.InvalidInputException;

@Path("/patients/{nhsNumber}/break-glass")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access", description = "Break-glass and who viewed a record")
public class BreakGlassResource {

    /**
     * Why the record must be opened without a legitimate relationship (at least 20 characters), and optionally the
     * patient's date of birth: given, a number whose patient was born on another day opens nothing.
     */
    public record BreakGlassRequest(String reason, LocalDate birthDate) {
    }

    @Inject
    BreakGlassService breakGlass;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Break the glass: open this patient's record in an emergency",
            description = "For clinicians without a legitimate relationship. Time-limited, flagged, reviewed by the privacy officer, "
                    + "and shown to the patient.")
    @APIResponse(responseCode = "201", description = "Granted until expiresAt")
    @APIResponse(responseCode = "400", description = "Reason missing or too short, or the date of birth given does not match")
    @APIResponse(responseCode = "403", description = "Role may not break the glass")
    @APIResponse(responseCode = "404", description = "No patient is registered with this NHS number (every attempt is audited)")
    public Response breakGlass(@PathParam("nhsNumber") NhsNumber nhsNumber, BreakGlassRequest request) {
        if (request == null) {
            throw InvalidInputException.of("reason", "give the clinical reason");
        }
        BreakGlassView grant = breakGlass.breakGlass(nhsNumber, request.reason(), request.birthDate());
        return Response.created(URI.create("break-glass/" + grant.id())).entity(grant).build();
    }
}

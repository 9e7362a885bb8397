package uk.nhs.icr.api.socialcare;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.web.FieldParsers;
import uk.nhs.icr.socialcare.service.HomeCareService;
import uk.nhs.icr.socialcare.service.HomeCareService.VisitView;

/** The signed-in care worker's round: the visits planned for them on a day, in travel order. */
@Path("/rota")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Home care")
public class MyRoundResource {

    @Inject
    HomeCareService homeCare;

    @Inject
    UkClock clock;

    @GET
    @Operation(summary = "My round on a day (care workers)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "403", description = "Not a care worker",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<VisitView> round(@Parameter(description = "YYYY-MM-DD; today when absent") @QueryParam("date") String date) {
        LocalDate day = FieldErrors.parseOne("date", date, FieldParsers.date("date", false));
        return homeCare.myRound(day == null ? clock.today() : day);
    }
}

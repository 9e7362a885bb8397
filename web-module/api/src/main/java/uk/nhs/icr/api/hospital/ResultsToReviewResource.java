package uk.nhs.icr.api.hospital;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.Examples;
import uk.nhs.icr.hospital.service.HospitalRecordService;
import uk.nhs.icr.hospital.service.HospitalRecordService.ResultToReview;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.web.QueryParameters;

/** The practice's queue of results to review before they reach the patient. */
@Path("/practice/results-to-review")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Hospital record")
public class ResultsToReviewResource {

    @Inject
    HospitalRecordService record;

    @GET
    @Operation(operationId = "resultsToReview", summary = "The practice's results still to be reviewed, oldest first (its GPs)",
            description = "Each held back from the patient until reviewed (POST /api/patients/{nhs}/results/{id}/review) or until"
                    + " heldUntil. Results filed under a sensitive category are reviewed from the patient's record and not listed here."
                    + " Each patient listed is on their own audit log as read.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(examples = @ExampleObject(name = "one waiting", value = Examples.RESULTS_TO_REVIEW)))
    public Page<ResultToReview> queue(@QueryParam("page") String page, @QueryParam("size") String size) {
        return record.resultsAwaitingReview(QueryParameters.page(page, size));
    }
}

package uk.nhs.icr.api.prescriptions;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.api.Examples;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.web.QueryParameters;
import uk.nhs.icr.prescriptions.service.RepeatPrescriptionService;
import uk.nhs.icr.prescriptions.service.RepeatPrescriptionService.RequestView;

/** The practice's queue of repeat requests, for its GPs: oldest first, issued one by one or together. */
@Path("/practice/repeat-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Repeat prescriptions")
public class RepeatRequestQueueResource {

    /** Issue these requests together: each names its patient and its id, as the queue lists them. */
    public record BulkIssue(List<QueuedRequest> requests) {
    }

    public record QueuedRequest(String nhsNumber, Long id) {
    }

    /** What became of one request of a bulk issue: issued, or refused and why. */
    public record Outcome(Long id, boolean issued, String detail) {
    }

    /** No bulk issue handles more: a page of the queue. */
    static final int MOST = 100;

    @Inject
    RepeatPrescriptionService prescriptions;

    @GET
    @Operation(operationId = "repeatRequestQueue", summary = "The practice's pending repeat requests, oldest first (its GPs)",
            description = "Each patient listed is on their own audit log as read by the practice.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(examples = @ExampleObject(name = "one pending", value = Examples.REQUEST_QUEUE_PAGE)))
    public Page<RequestView> queue(@QueryParam("page") String page, @QueryParam("size") String size) {
        return prescriptions.queue(QueryParameters.page(page, size));
    }

    @POST
    @Path("/issue")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue several pending requests at once (a GP): each on its own, each answered",
            description = "A request that cannot be issued (decided already, no issues left, not this practice's) is reported and"
                    + " the others still go.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two", value = "{\"requests\":[{\"nhsNumber\":\"9990000018\","
            + "\"id\":41},{\"nhsNumber\":\"9990000026\",\"id\":42}]}")))
    public List<Outcome> issueAll(BulkIssue bulk) {
        if (bulk == null || bulk.requests() == null || bulk.requests().isEmpty()) {
            throw InvalidInputException.of("requests", "list the requests to issue, as the queue gives them");
        }
        if (bulk.requests().size() > MOST) {
            throw InvalidInputException.of("requests", "at most " + MOST + " at a time");
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (QueuedRequest request : bulk.requests()) {
            if (request == null || request.id() == null || request.nhsNumber() == null) {
                throw InvalidInputException.of("requests", "each request needs its nhsNumber and id");
            }
            // each issue is a transaction of its own: one that cannot go does not hold back the rest
            try {
                prescriptions.issue(FieldErrors.parseOne("requests.nhsNumber", request.nhsNumber(), NhsNumber::parse), request.id());
                outcomes.add(new Outcome(request.id(), true, "issued"));
            } catch (ConflictException | ResourceNotFoundException e) {
                outcomes.add(new Outcome(request.id(), false, e.getMessage()));
            }
        }
        return outcomes;
    }
}

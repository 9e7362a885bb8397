package uk.nhs.icr.api.patientapp;

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
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.web.QueryParameters;
import uk.nhs.icr.sharedrecord.service.PatientResult;
import uk.nhs.icr.sharedrecord.service.SharedRecordService;

@Path("/me/results")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patient app")
public class MyResultsResource {

    @Inject
    SharedRecordService sharedRecord;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(operationId = "myResults", summary = "My test results, newest first",
            description = "Each with its normal range, the result against it in words, when it was reported and by whom, a line on what"
                    + " the test is for, and your clinician's comment. A result reaches you once a clinician has reviewed it, or 7 days"
                    + " after it reached your record (ICR_RESULT_RELEASE_DELAY), whichever is first.")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "a reviewed potassium", value = "{\"items\":"
            + "[{\"id\":4711,\"test\":\"Potassium\",\"value\":5.6,\"unit\":\"mmol/L\",\"referenceLow\":3.5,\"referenceHigh\":5.3,"
            + "\"flag\":\"high\",\"inWords\":\"above the normal range\",\"reportedAt\":\"2026-11-18T14:05:00Z\",\"requestedBy\":\"Dr Anna Beech\",\"reportedBy\":"
            + "\"Dr Anna Beech\",\"organisation\":\"Beech Road Surgery\",\"aboutThisTest\":\"Potassium helps your nerves and muscles,"
            + " including your heart, work properly.\",\"reviewed\":true,\"reviewedBy\":\"Dr Anna Beech\",\"clinicianComment\":"
            + "\"Slightly high. Please book a repeat test in 2 weeks.\"}],\"page\":0,\"size\":20,\"totalItems\":1,\"totalPages\":1}")))
    public Page<PatientResult> results(
            @Parameter(description = "The NHS number of someone you act for; yourself when absent") @QueryParam("for") String actingFor,
            @Parameter(description = "From 0; default 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100; default 20") @QueryParam("size") String size) {
        return sharedRecord.resultsAsThePatientReadsThem(ActingFor.patient(currentCaller.require(), actingFor),
                QueryParameters.page(page, size));
    }
}

package uk.nhs.icr.api.patientapp;

import java.util.List;

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
import uk.nhs.icr.research.service.StudyConsentService;
import uk.nhs.icr.research.service.StudyConsentService.ResearchUseView;

/** Which research projects have used my data, or left it out (my opt-out, or no consent of mine). */
@Path("/me/research")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patient app")
public class MyResearchResource {

    @Inject
    StudyConsentService research;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(summary = "The research projects whose extracts used my data, on what basis, and those that left it out and why",
            description = "Researchers only ever see pseudonymised data and checked aggregates; this list comes from ICR's own log.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(examples = @ExampleObject(name = "one used, one not",
            value = "[{\"project\":\"RP-2026-0001\",\"title\":\"Potassium and kidney function in adults\",\"sponsor\":\"Northshire"
                    + " University\",\"laySummary\":\"How often adults have a high potassium...\",\"used\":true,\"why\":\"no opt-out"
                    + " recorded\",\"lastExtract\":\"2026-11-27T10:48:43Z\"},{\"project\":\"RP-2026-0002\",\"title\":\"Falls after"
                    + " discharge\",\"sponsor\":\"Northshire University\",\"laySummary\":\"Who falls in the month after leaving"
                    + " hospital.\",\"used\":false,\"why\":\"no consent to this project recorded\",\"lastExtract\":\"2026-11-20T09:00:00Z\"}]")))
    public List<ResearchUseView> research(@Parameter(description = "The NHS number of someone you act for; yourself when absent")
                                          @QueryParam("for") String actingFor) {
        return research.researchUseOf(ActingFor.patient(currentCaller.require(), actingFor));
    }
}

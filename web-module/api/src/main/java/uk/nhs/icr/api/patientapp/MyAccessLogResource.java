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
import uk.nhs.icr.audit.service.AccessLogEntry;
import uk.nhs.icr.audit.service.AccessLogService;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.web.QueryParameters;

@Path("/me/access-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patient app")
public class MyAccessLogResource {

    @Inject
    AccessLogService accessLog;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Operation(operationId = "myAccessLog", summary = "Who viewed my record, newest first, in words",
            description = "Which organisation, in which role, did what, why (direct care, break-glass, someone acting for you)"
                    + " and when; break-glass entries are flagged.")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "one view", value = "{\"items\":[{"
            + "\"when\":\"2026-11-26T10:15:00Z\",\"organisationOdsCode\":\"Y90001\",\"organisationName\":\"Beech Road Surgery\","
            + "\"role\":\"GP\",\"purpose\":\"Direct care\",\"what\":\"Read your record\",\"outcome\":\"Granted\","
            + "\"breakGlass\":false}],\"page\":0,\"size\":20,\"totalItems\":1,\"totalPages\":1}")))
    public Page<AccessLogEntry> accessLog(
            @Parameter(description = "The NHS number of someone you act for; yourself when absent") @QueryParam("for") String actingFor,
            @Parameter(description = "From 0; default 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100; default 20") @QueryParam("size") String size) {
        return accessLog.accessLog(ActingFor.patient(currentCaller.require(), actingFor), QueryParameters.page(page, size));
    }
}

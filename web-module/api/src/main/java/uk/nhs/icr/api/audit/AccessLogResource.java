package uk.nhs.icr.api.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.audit.service.AccessLogEntry;
import uk.nhs.icr.audit.service.AccessLogService;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.web.QueryParameters;

@Path("/patients/{nhsNumber}/access-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access")
public class AccessLogResource {

    @Inject
    AccessLogService accessLog;

    @GET
    @Operation(operationId = "patientAccessLog", summary = "Who viewed this record: newest first",
            description = "For the patient's own token and for privacy officers. Break-glass entries are flagged.")
    public Page<AccessLogEntry> accessLog(@PathParam("nhsNumber") NhsNumber nhsNumber,
                                          @QueryParam("page") String page, @QueryParam("size") String size) {
        return accessLog.accessLog(nhsNumber, QueryParameters.page(page, size));
    }
}

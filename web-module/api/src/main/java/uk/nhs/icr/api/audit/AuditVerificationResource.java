package uk.nhs.icr.api.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.nhs.icr.audit.service.AuditVerificationService;

@Path("/audit/verification")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The audit log of who read and changed what: its hash chain, checked by privacy officers")
public class AuditVerificationResource {

    @Inject
    AuditVerificationService verification;

    @GET
    @Operation(summary = "Check the audit log's hash chain",
            description = "intact, or the id of the first entry whose content or link does not match. Privacy officers only.")
    public AuditVerificationService.Verification verify() {
        return verification.verify();
    }
}

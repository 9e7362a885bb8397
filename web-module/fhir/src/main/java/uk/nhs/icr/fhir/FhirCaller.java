package uk.nhs.icr.fhir;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.jwt.JsonWebToken;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.StaffSignInService;
import uk.nhs.icr.platform.web.BearerTokens;

/**
 * Makes the verified bearer token's holder the caller of the request before any provider runs, by the same rules as the
 * JSON API ({@link BearerTokens}). The CapabilityStatement is public, as FHIR clients expect; research roles work in the
 * trusted research environment only and are refused here.
 */
@Interceptor
final class FhirCaller {

    private final StaffSignInService directory;
    private final CurrentCaller currentCaller;

    FhirCaller(StaffSignInService directory, CurrentCaller currentCaller) {
        this.directory = directory;
        this.currentCaller = currentCaller;
    }

    /** Before HAPI reads any body: a caller without a valid token is refused before a byte of it is parsed. */
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public void identify(ServletRequestDetails details) {
        if (details.getRestOperationType() == RestOperationTypeEnum.METADATA) {
            return;
        }
        HttpServletRequest request = details.getServletRequest();
        Principal principal = request.getUserPrincipal();
        Caller caller = BearerTokens.caller(principal instanceof JsonWebToken token ? token : null, directory, request.getRemoteAddr());
        if (!caller.isPatient() && caller.role().worksInResearchOnly()) {
            throw new AccessDeniedException(caller.role().label() + "s work in the trusted research environment only", false);
        }
        currentCaller.set(caller);
        RestOperationTypeEnum operation = details.getRestOperationType();
        BearerTokens.requireScopeFor(caller, "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                || operation == RestOperationTypeEnum.SEARCH_TYPE || operation == RestOperationTypeEnum.SEARCH_SYSTEM);
    }
}

package uk.nhs.icr.api.security;

import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.jwt.JsonWebToken;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.StaffSignInService;
import uk.nhs.icr.platform.web.BearerTokens;

/**
 * Makes the verified token's holder the caller of the request, before anything else happens to it (body
 * parsing included), by {@link BearerTokens}' rules (401 for a user ICR does not know, 403 for a role the user lacks).
 * Research roles reach {@code /api/research} only (403 anywhere else). A token's scopes are checked here for every request
 * (a read needs record:read, a write a write scope) and again, per resource, at the access decision point.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class JwtCallerFilter implements ContainerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    JsonWebToken token;

    @Inject
    StaffSignInService directory;

    @Inject
    CurrentCaller currentCaller;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Caller caller = BearerTokens.caller(token, directory, clientAddress());
        currentCaller.set(caller);
        BearerTokens.requireScopeFor(caller, READS.contains(request.getMethod()));
        if (!caller.isPatient() && caller.role().worksInResearchOnly() && !inResearchEnvironment(request.getUriInfo().getPath())) {
            throw new AccessDeniedException(caller.role().label() + "s work in the trusted research environment only (/api/research)",
                    false);
        }
    }

    /** The research environment's part of the API, the only part research roles reach. */
    static boolean inResearchEnvironment(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.equals("research") || relative.startsWith("research/");
    }

    private String clientAddress() {
        return servletRequest == null ? "unknown" : servletRequest.getRemoteAddr();
    }
}

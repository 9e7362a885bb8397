package uk.nhs.icr.api.security;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.NotSignedInException;
import uk.nhs.icr.access.service.StaffProfile;
import uk.nhs.icr.access.service.StaffSignInService;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.InvalidValueException;

/**
 * Establishes the API caller from the bearer token, before anything else happens to an API request
 * (body parsing included). No token or a bad one: 401. A good token whose groups carry no role its user
 * holds in the directory: 403. Every API endpoint concerns patient data, so none is open.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";
    static final String PATIENT_GROUP = "PATIENT";

    @Inject
    BearerTokenVerifier verifier;

    @Inject
    StaffSignInService directory;

    @Inject
    CurrentCaller currentCaller;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new NotSignedInException();
        }
        BearerTokenVerifier.VerifiedToken token = verifier.verify(authorization.substring(BEARER.length()).strip())
                .orElseThrow(NotSignedInException::new);
        currentCaller.set(token.groups().contains(PATIENT_GROUP) ? patient(token) : staff(token));
    }

    private Caller patient(BearerTokenVerifier.VerifiedToken token) {
        try {
            return Caller.patient(NhsNumber.parse(token.nhsNumber().orElse(token.subject())), Caller.Channel.API, clientAddress());
        } catch (InvalidValueException e) {
            throw new NotSignedInException();
        }
    }

    private Caller staff(BearerTokenVerifier.VerifiedToken token) {
        StaffProfile profile = directory.profile(token.subject()).orElseThrow(NotSignedInException::new);
        Optional<StaffRole> role = token.groups().stream()
                .filter(group -> group.equals(profile.role().name()))
                .map(StaffRole::valueOf)
                .findFirst();
        if (role.isEmpty()) {
            throw new AccessDeniedException("The token grants none of this user's ICR roles", false);
        }
        return Caller.staff(profile.username(), profile.displayName(), role.get(), profile.organisation(),
                profile.organisationName(), Caller.Channel.API, clientAddress());
    }

    private String clientAddress() {
        return servletRequest == null ? "unknown" : servletRequest.getRemoteAddr();
    }
}

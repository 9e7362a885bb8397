package uk.nhs.icr.api.security;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.jwt.JsonWebToken;

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
 * Makes the verified token's holder the caller of the request, before anything else happens to it (body
 * parsing included). The container has already checked signature, issuer and expiry; this checks the
 * person against ICR. A patient token ({@code groups} PATIENT) is bound to its {@code nhs_number}. A staff
 * token names a user the directory must know, enabled and not locked (401 otherwise), and one of the roles
 * that user holds (403 otherwise). Research roles reach {@code /api/research} only (403 anywhere else).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class JwtCallerFilter implements ContainerRequestFilter {

    static final String PATIENT_GROUP = "PATIENT";
    static final String NHS_NUMBER_CLAIM = "nhs_number";

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
        if (token == null || token.getRawToken() == null) {
            throw new NotSignedInException();
        }
        Caller caller = token.getGroups().contains(PATIENT_GROUP) ? patient() : staff();
        currentCaller.set(caller);
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

    private Caller patient() {
        try {
            return Caller.patient(NhsNumber.parse(claimedNhsNumber()), Caller.Channel.API, clientAddress());
        } catch (InvalidValueException e) {
            throw new NotSignedInException();
        }
    }

    /** The {@code nhs_number} claim, or the subject when there is none (as the token issuer may put it). */
    private String claimedNhsNumber() {
        Object claimed = token.getClaim(NHS_NUMBER_CLAIM);
        if (claimed == null) {
            return token.getSubject();
        }
        return claimed instanceof JsonString text ? text.getString() : claimed.toString();
    }

    private Caller staff() {
        StaffProfile profile = Optional.ofNullable(token.getName()).flatMap(directory::profile)
                .orElseThrow(NotSignedInException::new);
        Optional<StaffRole> role = token.getGroups().stream()
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

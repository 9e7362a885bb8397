package uk.nhs.icr.api.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.access.service.NotSignedInException;

@Provider
public class NotSignedInMapper implements ExceptionMapper<NotSignedInException> {

    /** The {@code WWW-Authenticate} challenge sent with every 401. */
    public static final String CHALLENGE = "Bearer realm=\"icr\"";

    @Override
    public Response toResponse(NotSignedInException e) {
        return Response.fromResponse(unauthenticated().toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    /** The 401 problem, whether the container refused the token or the directory did not know its user. */
    public static Problem unauthenticated() {
        return Problem.of("unauthenticated", "Authentication required", Response.Status.UNAUTHORIZED,
                "Send a valid bearer token (Authorization: Bearer ...): it is missing, expired, or not from our issuer.");
    }
}

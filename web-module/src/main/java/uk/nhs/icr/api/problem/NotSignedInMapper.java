package uk.nhs.icr.api.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.access.service.NotSignedInException;

@Provider
public class NotSignedInMapper implements ExceptionMapper<NotSignedInException> {

    @Override
    public Response toResponse(NotSignedInException e) {
        return Response.fromResponse(Problem.of("unauthenticated", "Authentication required", Response.Status.UNAUTHORIZED,
                        "Send a valid bearer token (Authorization: Bearer ...): it is missing, expired, or not from our issuer.")
                .toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"icr\"").build();
    }
}

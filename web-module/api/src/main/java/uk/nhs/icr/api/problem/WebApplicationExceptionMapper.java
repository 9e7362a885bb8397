package uk.nhs.icr.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.platform.Codes;

/**
 * Failures the JAX-RS runtime raises itself (unknown path, wrong method or media type, unreadable body)
 * keep their status but get a problem body instead of the server's HTML page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e.getResponse().hasEntity() && e.getResponse().getEntity() instanceof Problem) {
            return e.getResponse();
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return UnexpectedExceptionMapper.unexpected(e);
        }
        if (UnexpectedExceptionMapper.isUnreadableBody(e)) {
            return UnexpectedExceptionMapper.malformedBody();
        }
        Response.Status known = Response.Status.fromStatusCode(status.getStatusCode());
        String slug = known == null ? "client-error" : Codes.of(known);
        return Problem.of(slug, status.getReasonPhrase(), status, detail(status.getStatusCode())).toResponse();
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address. The API is described at /openapi.";
            case 405 -> "This address does not accept that HTTP method.";
            case 406 -> "This address answers application/json only.";
            case 415 -> "Send the request body as application/json.";
            case 400 -> "The request could not be understood.";
            default -> "The request was refused.";
        };
    }
}

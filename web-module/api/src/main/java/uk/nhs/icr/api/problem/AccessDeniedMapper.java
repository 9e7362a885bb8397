package uk.nhs.icr.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.access.service.AccessDeniedException;

@Provider
public class AccessDeniedMapper implements ExceptionMapper<AccessDeniedException> {

    static final String BREAK_GLASS = " In an emergency you may break the glass: POST a reason to this patient's break-glass address.";

    @Override
    public Response toResponse(AccessDeniedException e) {
        String detail = capitalised(e.getMessage()) + "." + (e.breakGlassAvailable() ? BREAK_GLASS : "");
        return forbidden(detail).toResponse();
    }

    public static Problem forbidden(String detail) {
        return Problem.of("forbidden", "Access denied", Response.Status.FORBIDDEN, detail);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

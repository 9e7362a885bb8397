package uk.nhs.icr.api.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.platform.service.FieldError;
import uk.nhs.icr.platform.service.InvalidInputException;

@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {

    @Override
    public Response toResponse(InvalidInputException e) {
        return refused(e.errors());
    }

    /** 400 naming each refused field. */
    public static Response refused(List<FieldError> errors) {
        return Problem.of("invalid-input", "Invalid input", Response.Status.BAD_REQUEST,
                        "Some fields were refused; see errors. Nothing was recorded.")
                .withErrors(errors)
                .toResponse();
    }
}

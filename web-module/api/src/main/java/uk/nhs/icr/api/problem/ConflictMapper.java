package uk.nhs.icr.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.platform.service.ConflictException;

@Provider
public class ConflictMapper implements ExceptionMapper<ConflictException> {

    @Override
    public Response toResponse(ConflictException e) {
        return Problem.of("conflict", "Conflict with the existing record", Response.Status.CONFLICT,
                e.getMessage() + ". Nothing was recorded.").toResponse();
    }
}

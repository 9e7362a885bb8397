package uk.nhs.icr.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.platform.service.PreconditionRequiredException;

/** 428: a change to a decision that exists must name the version it changes (If-Match). */
@Provider
public class PreconditionRequiredMapper implements ExceptionMapper<PreconditionRequiredException> {

    @Override
    public Response toResponse(PreconditionRequiredException e) {
        return Problem.of("precondition-required", "If-Match required", Response.Status.PRECONDITION_REQUIRED,
                e.getMessage() + ". Nothing was recorded.").toResponse();
    }
}

package uk.nhs.icr.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.platform.service.PreconditionFailedException;

/** 412: the decision is no longer the version the caller's If-Match named (or If-None-Match: * met one). */
@Provider
public class PreconditionFailedMapper implements ExceptionMapper<PreconditionFailedException> {

    @Override
    public Response toResponse(PreconditionFailedException e) {
        return Problem.of("precondition-failed", "Changed meanwhile", Response.Status.PRECONDITION_FAILED,
                e.getMessage() + ". Nothing was recorded.").toResponse();
    }
}

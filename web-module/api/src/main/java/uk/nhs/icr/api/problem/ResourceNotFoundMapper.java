package uk.nhs.icr.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.platform.service.ResourceNotFoundException;

@Provider
public class ResourceNotFoundMapper implements ExceptionMapper<ResourceNotFoundException> {

    @Override
    public Response toResponse(ResourceNotFoundException e) {
        return Problem.of("not-found", "Not found", Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }
}

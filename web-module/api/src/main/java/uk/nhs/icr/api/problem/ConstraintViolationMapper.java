package uk.nhs.icr.api.problem;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.platform.service.Violations;

/** A service refused a command's fields (Bean Validation): 400 naming each, as for any other invalid input. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        return InvalidInputMapper.refused(Violations.fieldErrors(e.getConstraintViolations()));
    }
}

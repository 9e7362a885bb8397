package uk.nhs.icr.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;

/**
 * 404. For a patient, the same answer whether nobody has the NHS number or the caller may not see the record;
 * a clinician who may break the glass is told how, whichever it is.
 */
@Provider
public class ResourceNotFoundMapper implements ExceptionMapper<ResourceNotFoundException> {

    @Override
    public Response toResponse(ResourceNotFoundException e) {
        String detail = e.getMessage() + "."
                + (e instanceof PatientNotFoundException patient && patient.breakGlassAvailable() ? AccessDeniedMapper.BREAK_GLASS : "");
        return Problem.of("not-found", "Not found", Response.Status.NOT_FOUND, detail).toResponse();
    }
}

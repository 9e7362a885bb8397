package uk.nhs.icr.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.organdonation.service.IdentityMismatchException;

/** Well-formed, but the NHS number and date of birth are not the same person's: 422. */
@Provider
public class IdentityMismatchMapper implements ExceptionMapper<IdentityMismatchException> {

    /** RFC 9110: well-formed content whose meaning the server cannot act on. */
    static final int UNPROCESSABLE_CONTENT = 422;

    @Override
    public Response toResponse(IdentityMismatchException e) {
        return Problem.of("identity-mismatch", "Identity not verified", UNPROCESSABLE_CONTENT, e.getMessage())
                .toResponse();
    }
}

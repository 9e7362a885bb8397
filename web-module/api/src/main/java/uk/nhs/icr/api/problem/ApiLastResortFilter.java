package uk.nhs.icr.api.problem;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import uk.nhs.icr.platform.web.LastResortFilter;

/**
 * The API's last resort: the same 500 problem, quoting the incident, that the exception mappers send; and 405
 * problem+json for a method nothing serves (TRACE), as JAX-RS answers any other.
 */
public class ApiLastResortFilter extends LastResortFilter {

    @Override
    protected void methodNotAllowed(HttpServletResponse response) throws IOException {
        Problem.of("method-not-allowed", "Method Not Allowed", Response.Status.METHOD_NOT_ALLOWED,
                "This address does not accept that HTTP method.").writeTo(response);
    }

    @Override
    protected void answer(HttpServletRequest request, HttpServletResponse response, String incident) throws IOException {
        UnexpectedExceptionMapper.internalError(incident).writeTo(response);
    }
}

package uk.nhs.icr.api.problem;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.nhs.icr.platform.web.LastResortFilter;

/** The API's last resort: the same 500 problem, quoting the incident, that the exception mappers send. */
public class ApiLastResortFilter extends LastResortFilter {

    @Override
    protected void answer(HttpServletRequest request, HttpServletResponse response, String incident) throws IOException {
        UnexpectedExceptionMapper.internalError(incident).writeTo(response);
    }
}

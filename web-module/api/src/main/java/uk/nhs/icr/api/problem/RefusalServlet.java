package uk.nhs.icr.api.problem;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The error page (web.xml) for the container's own 401 and 403: WildFly's MP-JWT mechanism refuses a
 * missing, forged, expired or foreign token before JAX-RS runs, and would answer with an empty body.
 * This answers with the problem the exception mappers send for the same refusal.
 */
@WebServlet("/refused")
public class RefusalServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status
                && status == HttpServletResponse.SC_FORBIDDEN) {
            AccessDeniedMapper.forbidden("This token does not give access to this address.").writeTo(response);
        } else {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, NotSignedInMapper.CHALLENGE);
            NotSignedInMapper.unauthenticated().writeTo(response);
        }
    }
}

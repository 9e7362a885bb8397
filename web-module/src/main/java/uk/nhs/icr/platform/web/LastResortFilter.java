package uk.nhs.icr.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.faces.application.ViewExpiredException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.nhs.icr.api.problem.Problem;
import uk.nhs.icr.api.problem.UnexpectedExceptionMapper;
import uk.nhs.icr.platform.service.LoggableFailure;

/**
 * Catches what escapes the portal and the API. The container would log the failure with the request
 * address (which may hold an NHS number) and the exception text (which may hold row values); this logs a
 * scrubbed copy under an incident id instead, and answers 500: problem+json under /api, the error page
 * elsewhere. An expired Faces view still goes to the container, which sends the user to the start page.
 * Mapped first in web.xml so that it wraps everything else.
 */
public class LastResortFilter implements Filter {

    private static final Logger LOG = Logger.getLogger(LastResortFilter.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (isExpiredView(e)) {
                throw e;
            }
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unhandled failure, incident " + incident, LoggableFailure.of(e));
            answer((HttpServletRequest) request, (HttpServletResponse) response, incident);
        }
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, String incident) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(JSON.toJson(UnexpectedExceptionMapper.internalError(incident)));
        } else {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        }
    }

    private static boolean isExpiredView(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }
}

package uk.nhs.icr.platform.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.nhs.icr.platform.service.LoggableFailure;

/**
 * Catches what escapes a WAR. The container would log the failure with the request address (which may
 * hold an NHS number) and the exception text (which may hold row values); this logs a scrubbed copy under
 * an incident id instead, and lets the WAR answer 500 in its own way (the portal's error page, the API's
 * problem+json). Mapped first in each web.xml so that it wraps everything else.
 */
public abstract class LastResortFilter implements Filter {

    private static final Logger LOG = Logger.getLogger(LastResortFilter.class.getName());

    /** Methods no ICR page or resource serves, which a servlet would otherwise answer by echoing the request (cookies too). */
    static final Set<String> NEVER_SERVED = Set.of("TRACE", "TRACK");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (NEVER_SERVED.contains(((HttpServletRequest) request).getMethod().toUpperCase(Locale.ROOT))) {
            methodNotAllowed((HttpServletResponse) response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (leftToTheContainer(e)) {
                throw e;
            }
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unhandled failure, incident " + incident, LoggableFailure.of(e));
            if (!response.isCommitted()) {
                response.reset();
                answer((HttpServletRequest) request, (HttpServletResponse) response, incident);
            }
        }
    }

    /** A failure the container handles better itself (its own error-page mapping); none by default. */
    protected boolean leftToTheContainer(Throwable failure) {
        return false;
    }

    /** Answers 405 to a method no ICR page or resource serves; by default in plain text (no error page to dispatch to). */
    protected void methodNotAllowed(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("Method not allowed");
    }

    /** Answers 500 for the failure logged under this incident id; the response is fresh (reset). */
    protected abstract void answer(HttpServletRequest request, HttpServletResponse response, String incident) throws IOException;
}

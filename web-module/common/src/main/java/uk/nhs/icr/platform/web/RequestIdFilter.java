package uk.nhs.icr.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jboss.logging.MDC;

import uk.nhs.icr.platform.service.RequestCorrelation;

/**
 * {@code X-Request-ID} and {@code X-Correlation-ID}, as NHS England's API platform passes them: each request gets an id,
 * the caller's correlation id when it sends a usable one, else its request id, else a new one. The answer echoes both
 * ({@code X-Request-ID} always: the caller's or the new one; {@code X-Correlation-ID} when the caller sent one); every
 * audit row the request writes keeps the id ({@link RequestCorrelation}), and so does every log line it writes (MDC
 * {@code requestId}, in the server's log pattern). An id that is not usable (over 64 characters, or other than letters,
 * digits and {@code . _ : -}) is not kept or echoed: a new one stands in for it.
 */
public class RequestIdFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String REQUEST_ID = "X-Request-ID";
    static final String CORRELATION_ID = "X-Correlation-ID";
    static final String MDC_KEY = "requestId";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String sentRequestId = request.getHeader(REQUEST_ID);
        String sentCorrelationId = request.getHeader(CORRELATION_ID);
        String requestId = RequestCorrelation.chooseFrom(sentRequestId);
        String id = RequestCorrelation.usable(sentCorrelationId) ? sentCorrelationId : requestId;
        response.setHeader(REQUEST_ID, requestId);
        if (RequestCorrelation.usable(sentCorrelationId)) {
            response.setHeader(CORRELATION_ID, sentCorrelationId);
        }
        RequestCorrelation.begin(id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
            RequestCorrelation.end();
        }
    }
}

package uk.nhs.icr.fhir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ca.uhn.fhir.context.FhirContext;

import uk.nhs.icr.platform.service.LoggableFailure;
import uk.nhs.icr.platform.web.LastResortFilter;

/**
 * What the FHIR WAR answers before HAPI runs, always as an OperationOutcome in JSON: a request over plain HTTP (403,
 * never a redirect), the container's own refusals of a missing or bad token (401 with a Bearer challenge, 403), and
 * failures nothing else caught (500 naming an incident).
 */
final class FhirEdge {

    static final String FHIR_JSON = "application/fhir+json;charset=UTF-8";

    private FhirEdge() {
    }

    static void write(HttpServletResponse response, int status, String diagnostics) throws IOException {
        response.setStatus(status);
        response.setContentType(FHIR_JSON);
        byte[] body = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(OperationOutcomes.outcome(status, diagnostics))
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** FHIR over HTTPS only, as the JSON API. */
    public static class HttpsOnly implements Filter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            if (request.isSecure()) {
                chain.doFilter(request, response);
            } else {
                refuse((HttpServletResponse) response);
            }
        }

        static void refuse(HttpServletResponse response) throws IOException {
            write(response, HttpServletResponse.SC_FORBIDDEN, "ICR's FHIR server answers over HTTPS only. Nothing was read or"
                    + " recorded: send the request again with https://, and treat any token sent over plain HTTP as exposed.");
        }
    }

    /** The last resort of the FHIR WAR (see {@link LastResortFilter}). */
    public static class LastResort extends LastResortFilter {

        @Override
        protected void methodNotAllowed(HttpServletResponse response) throws IOException {
            write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "This address does not accept that HTTP method.");
        }

        @Override
        protected void answer(HttpServletRequest request, HttpServletResponse response, String incident) throws IOException {
            write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Something went wrong on our side (incident " + incident
                    + "). Quote the incident to the service desk.");
        }
    }

    /** The error page (web.xml) for what the container answers itself: WildFly's MP-JWT refusals and its failures. */
    @WebServlet(ContainerErrors.PATH)
    public static class ContainerErrors extends HttpServlet {

        static final String PATH = "/container-error";
        private static final long serialVersionUID = 1L;
        private static final Logger LOG = Logger.getLogger(ContainerErrors.class.getName());

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            int code = status instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
            if (!request.isSecure() && code < HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
                HttpsOnly.refuse(response);
            } else if (failure instanceof Throwable || code >= HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
                String incident = UUID.randomUUID().toString();
                LOG.log(Level.SEVERE, "Failure before FHIR was reached, incident " + incident,
                        failure instanceof Throwable thrown ? LoggableFailure.of(thrown) : null);
                write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Something went wrong on our side (incident " + incident
                        + "). Quote the incident to the service desk.");
            } else if (code == HttpServletResponse.SC_UNAUTHORIZED) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"icr\"");
                write(response, code, "Sign in first: this needs a valid bearer token (Authorization: Bearer ...).");
            } else if (code == HttpServletResponse.SC_FORBIDDEN) {
                write(response, code, "This token does not give access to this address.");
            } else {
                write(response, HttpServletResponse.SC_NOT_FOUND, "There is nothing at this address.");
            }
        }
    }
}

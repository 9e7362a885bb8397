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
import uk.nhs.icr.platform.web.BearerTokens;
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

    /**
     * A bundle posted for import may be at most {@code icr.max-import-bytes} ({@code ICR_MAX_IMPORT_BYTES}, 64 MiB): one that
     * says it is larger is refused unread, and one that turns out larger is cut off where it passes the limit (413 either
     * way, nothing imported). Other FHIR requests are small and stay under the server's own limit.
     */
    public static class ImportSizeLimit implements Filter {

        static final long DEFAULT_LIMIT = 64L * 1024 * 1024;

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            if (!"POST".equals(http.getMethod()) || !isBase(http)) {
                chain.doFilter(request, response);
                return;
            }
            long limit = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("icr.max-import-bytes", Long.class).orElse(DEFAULT_LIMIT);
            if (http.getContentLengthLong() > limit) {
                write((HttpServletResponse) response, 413, tooLarge(limit));
                return;
            }
            chain.doFilter(new LimitedBody(http, limit), response);
        }

        private static boolean isBase(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.isEmpty() || path.equals("/");
        }

        static String tooLarge(long limit) {
            return "A bundle may be at most " + limit + " bytes (ICR_MAX_IMPORT_BYTES). Nothing was imported: split it into smaller bundles.";
        }
    }

    /** A bundle that went past the import limit while it was read. */
    static final class ImportTooLargeException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ImportTooLargeException(long limit) {
            super(ImportSizeLimit.tooLarge(limit));
        }
    }

    /** The request with its body cut off past the limit. */
    private static final class LimitedBody extends jakarta.servlet.http.HttpServletRequestWrapper {

        private final long limit;

        LimitedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() throws IOException {
            jakarta.servlet.ServletInputStream body = super.getInputStream();
            return new jakarta.servlet.ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int next = body.read();
                    count(next < 0 ? 0 : 1);
                    return next;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int n) {
                    read += n;
                    if (read > limit) {
                        throw new ImportTooLargeException(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
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
            } else if (BearerTokens.failedOnAnUnknownKey(request, failure, status) && !BearerTokens.providerKeysReachable()) {
                LOG.severe("The identity provider's published keys cannot be read (mp.jwt.verify.publickey.location): no token"
                        + " can be verified");
                response.setHeader("Retry-After", "30");
                write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Tokens cannot be verified just now: the identity"
                        + " provider's keys are out of reach. Send the request again later.");
            } else if (BearerTokens.failedOnAnUnknownKey(request, failure, status)) {
                LOG.warning("A bearer token signed with a key the identity provider does not publish: refused");
                response.setHeader("WWW-Authenticate", "Bearer realm=\"icr\"");
                write(response, HttpServletResponse.SC_UNAUTHORIZED, "Sign in first: this needs a valid bearer token"
                        + " (Authorization: Bearer ...).");
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

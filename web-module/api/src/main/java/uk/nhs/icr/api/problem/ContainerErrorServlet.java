package uk.nhs.icr.api.problem;

import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import uk.nhs.icr.api.security.HttpsOnlyFilter;
import uk.nhs.icr.platform.service.LoggableFailure;
import uk.nhs.icr.platform.web.BearerTokens;

/**
 * The error page (web.xml) for what the container answers before JAX-RS runs: WildFly's MP-JWT mechanism
 * refuses a missing, forged, expired or foreign token with an empty 401, and a failure in that mechanism
 * (no token key configured, say) would be a 500 page with a stack trace. Each gets the problem the
 * exception mappers send for the same case. A token whose key the provider does not publish is a 401 like any other
 * token that cannot be verified, although the mechanism answers it with a 500; when the provider's keys cannot be read at
 * all, it is a 503.
 */
@WebServlet(ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

    static final String PATH = "/container-error";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (!request.isSecure() && status instanceof Integer code && code < HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
            // the container refused first (no token) a request that came over plain HTTP: the answer is HttpsOnlyFilter's
            HttpsOnlyFilter.refuse(response);
        } else if (BearerTokens.failedOnAnUnknownKey(request, failure, status) && BearerTokens.providerKeysReachable()) {
            LOG.warning("A bearer token signed with a key the identity provider does not publish: refused");
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, NotSignedInMapper.CHALLENGE);
            NotSignedInMapper.unauthenticated().writeTo(response);
        } else if (BearerTokens.failedOnAnUnknownKey(request, failure, status)) {
            LOG.severe("The identity provider's published keys cannot be read (mp.jwt.verify.publickey.location): no token can"
                    + " be verified");
            response.setHeader("Retry-After", "30");
            Problem.of("identity-provider-unavailable", "Service unavailable", Response.Status.SERVICE_UNAVAILABLE,
                    "Tokens cannot be verified just now: the identity provider's keys are out of reach. Nothing was read or"
                            + " recorded; send the request again later.").writeTo(response);
        } else if (failure instanceof Throwable || status instanceof Integer code && code >= HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Failure before the API was reached, incident " + incident,
                    failure instanceof Throwable t ? LoggableFailure.of(t) : null);
            UnexpectedExceptionMapper.internalError(incident).writeTo(response);
        } else if (status instanceof Integer code && code == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, NotSignedInMapper.CHALLENGE);
            NotSignedInMapper.unauthenticated().writeTo(response);
        } else if (status instanceof Integer code && code == HttpServletResponse.SC_FORBIDDEN) {
            AccessDeniedMapper.forbidden("This token does not give access to this address.").writeTo(response);
        } else {
            // asked for directly, not as an error page
            Problem.of("not-found", "Not Found", Response.Status.NOT_FOUND, "There is nothing at this address.").writeTo(response);
        }
    }
}

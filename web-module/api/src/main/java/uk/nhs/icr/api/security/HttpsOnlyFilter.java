package uk.nhs.icr.api.security;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import uk.nhs.icr.api.problem.Problem;

/**
 * The API answers over HTTPS only: a request that came in over plain HTTP is refused (403 problem+json) before anything
 * is read or served, and nothing is ever redirected (a redirect would invite clients to keep sending tokens in clear).
 * Where TLS ends at a load balancer in front ({@code ICR_TLS_TERMINATED_UPSTREAM=true}), the server takes the
 * balancer's {@code X-Forwarded-Proto} (proxy-address-forwarding on the HTTP listener), so a request the balancer
 * received over HTTPS counts as secure here too.
 */
public class HttpsOnlyFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request.isSecure()) {
            chain.doFilter(request, response);
        } else {
            refuse((HttpServletResponse) response);
        }
    }

    /** The answer to a request over plain HTTP; also the container's error page's, when it refused first (no token). */
    public static void refuse(HttpServletResponse response) throws IOException {
        Problem.of("https-required", "HTTPS required", Response.Status.FORBIDDEN,
                "ICR's API answers over HTTPS only. Nothing was read or recorded: send the request again to the same"
                        + " address with https://, and treat any token sent over plain HTTP as exposed.")
                .writeTo(response);
    }
}

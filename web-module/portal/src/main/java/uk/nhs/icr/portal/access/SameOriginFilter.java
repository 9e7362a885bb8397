package uk.nhs.icr.portal.access;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cross-site request forgery, second line (issue 18). Every change the portal makes is a Faces postback, which the view
 * state (server-side, random per view and session) already ties to the page the member of staff opened; and the session
 * cookie is SameSite=Lax, so a browser does not send it with another site's POST. This adds the checks OWASP recommends on
 * top, refusing with 403 before anything runs a POST (or any other unsafe method) that the browser says came from another
 * site: by its fetch metadata ({@code Sec-Fetch-Site} cross-site or same-site), or by an {@code Origin} that is another
 * site's. ({@code Origin: null} is what a browser sends for the portal's own forms, whose pages ask for no referrer; a
 * request with neither header is not a browser's, and is left to the view state.)
 */
public class SameOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> OTHER_SITES = Set.of("cross-site", "same-site");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!SAFE.contains(request.getMethod().toUpperCase(Locale.ROOT)) && fromAnotherSite(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean fromAnotherSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && OTHER_SITES.contains(fetchSite.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !origin.equals("null") && !origin.equalsIgnoreCase(ownOrigin(request));
    }

    /** This server's origin as the browser names it (behind a balancer that ends TLS, as the balancer forwarded it). */
    static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}

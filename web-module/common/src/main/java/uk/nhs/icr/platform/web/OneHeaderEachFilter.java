package uk.nhs.icr.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * One Content-Security-Policy and one Cache-Control per answer, in both WARs. The server sets both on every answer before
 * a WAR runs (server-config/cli/icr.cli); the server's servlet security adds its own Cache-Control to every answer behind
 * a security constraint (a portal page, any API answer), and PrimeFaces adds its nonce policy (script-src) to a portal
 * page as a second CSP header. Two of each still bind a browser, but scanners (testssl.sh)
 * rightly call them a misconfiguration and a reader must combine them in their head: here the Cache-Control is kept as the
 * server's "no-store" alone, and PrimeFaces' policy joins the server's in one header.
 */
public class OneHeaderEachFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String CSP = "Content-Security-Policy";
    private static final String CACHE_CONTROL = "Cache-Control";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response.getHeaders(CACHE_CONTROL).size() > 1 && response.getHeaders(CACHE_CONTROL).stream().anyMatch(v -> v.contains("no-store"))) {
            response.setHeader(CACHE_CONTROL, "no-store");
        }
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void addHeader(String name, String value) {
                String present = CSP.equalsIgnoreCase(name) ? getHeader(CSP) : null;
                if (present == null) {
                    super.addHeader(name, value);
                } else {
                    super.setHeader(CSP, joined(present, value));
                }
            }
        });
    }

    /**
     * Two policies as one: every directive of both. Within one policy a browser takes the first of a repeated directive and
     * ignores the rest, so the two must not share one: the server's sets framing, plugins, base URLs and form targets,
     * PrimeFaces' only script-src.
     */
    static String joined(String first, String second) {
        String head = first.trim();
        String tail = second.trim();
        while (tail.endsWith(";")) {
            tail = tail.substring(0, tail.length() - 1).trim();
        }
        return head.endsWith(";") ? head + " " + tail : head + "; " + tail;
    }
}

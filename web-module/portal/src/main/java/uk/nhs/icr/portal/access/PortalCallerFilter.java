package uk.nhs.icr.portal.access;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.StaffProfile;
import uk.nhs.icr.access.service.StaffSignInService;
import uk.nhs.icr.platform.UkClock;

/**
 * After the server's form sign-in, makes the signed-in member of staff the caller of every portal
 * request. The first request of a session loads their profile (and clears failed sign-ins); a disabled
 * account is signed straight out. Research roles are kept to the research environment's pages.
 */
@WebFilter(urlPatterns = "/*")
public class PortalCallerFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    public static final String PROFILE = "icr.staffProfile";
    static final String SIGNED_IN_AT = "icr.signedInAt";

    @Inject
    CurrentCaller currentCaller;

    @Inject
    StaffSignInService signIn;

    @Inject
    PortalSessionPolicy sessions;

    @Inject
    UkClock clock;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null) {
            HttpSession session = request.getSession();
            StaffProfile profile = (StaffProfile) session.getAttribute(PROFILE);
            if (profile == null) {
                Optional<StaffProfile> signedIn = signIn.signedIn(request.getUserPrincipal().getName());
                if (signedIn.isEmpty()) {
                    signOut(request, response, session, "/login.xhtml");
                    return;
                }
                profile = signedIn.get();
                session.setAttribute(PROFILE, profile);
                session.setAttribute(SIGNED_IN_AT, clock.now());
                session.setMaxInactiveInterval(sessions.idleTimeoutSeconds());
            } else if (sessions.outlived((Instant) session.getAttribute(SIGNED_IN_AT), clock.now())) {
                // the absolute lifetime: signed in again after a shift, however busy the session was
                signOut(request, response, session, "/login.xhtml?expired=true");
                return;
            } else if (!signIn.stillEnabled(profile.username())) {
                // disabled while signed in: the session ends at its next request (H-039), read from the cached directory
                signOut(request, response, session, "/login.xhtml");
                return;
            }
            currentCaller.set(Caller.staff(profile.username(), profile.displayName(), profile.role(), profile.organisation(),
                    profile.organisationName(), Caller.Channel.PORTAL, request.getRemoteAddr()));
            if (profile.role().worksInResearchOnly() && outsideResearch(request.getServletPath())) {
                // research roles never see a clinical screen: every other page leads to the research environment's
                response.sendRedirect(request.getContextPath() + RESEARCH_HOME);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static final String RESEARCH_HOME = "/research/projects.xhtml";

    /** A page of the portal outside the research environment (its own pages, the pages' scripts and styles, sign-in and error aside). */
    static boolean outsideResearch(String servletPath) {
        return servletPath.endsWith(".xhtml") && !servletPath.startsWith("/research/") && !servletPath.startsWith("/jakarta.faces.resource/")
                && !servletPath.equals("/error.xhtml") && !servletPath.equals("/login.xhtml");
    }

    private static void signOut(HttpServletRequest request, HttpServletResponse response, HttpSession session, String page)
            throws ServletException, IOException {
        request.logout();
        session.invalidate();
        String target = request.getContextPath() + page;
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // an ajax request cannot follow a redirect to an HTML page: Faces' partial response tells PrimeFaces to go there
            response.setContentType("text/xml;charset=UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + target.replace("&", "&amp;").replace("\"", "&quot;") + "\"/></partial-response>");
        } else {
            response.sendRedirect(target);
        }
    }
}

package uk.nhs.icr.portal.access;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/** Signs out: ends the authentication and the session on the server, then shows the sign-in page. */
@WebServlet("/sign-out")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        // the pages sign out by themselves when the idle timeout has come (icr-session.js): the sign-in page says why
        boolean timedOut = "timedOut".equals(request.getParameter("reason"));
        response.sendRedirect(request.getContextPath() + (timedOut ? "/login.xhtml?timedOut=true" : "/login.xhtml?signedOut=true"));
    }
}

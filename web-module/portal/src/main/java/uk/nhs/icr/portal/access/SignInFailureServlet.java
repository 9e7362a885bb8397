package uk.nhs.icr.portal.access;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.nhs.icr.access.service.StaffSignInService;

/** The form sign-in's error page: counts the failure against the account (for lock-out), then shows the form again. */
@WebServlet("/sign-in-failed")
public class SignInFailureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffSignInService signIn;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        signIn.recordFailure(request.getParameter("j_username"));
        response.sendRedirect(request.getContextPath() + "/login.xhtml?failed=true");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/login.xhtml");
    }
}

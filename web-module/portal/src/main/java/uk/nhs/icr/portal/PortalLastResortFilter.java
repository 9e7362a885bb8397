package uk.nhs.icr.portal;

import java.io.IOException;

import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.nhs.icr.platform.web.LastResortFilter;

/**
 * The portal's last resort: the error page. An expired Faces view still goes to the container, whose
 * error-page mapping sends the user to the start page.
 */
public class PortalLastResortFilter extends LastResortFilter {

    @Override
    protected boolean leftToTheContainer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void answer(HttpServletRequest request, HttpServletResponse response, String incident) throws IOException {
        response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    }
}

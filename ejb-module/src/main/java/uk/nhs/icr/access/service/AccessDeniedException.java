package uk.nhs.icr.access.service;

import jakarta.ejb.ApplicationException;

/** The caller may not do this. Maps to 403; says whether breaking the glass would be allowed. */
@ApplicationException(rollback = true)
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final boolean breakGlassAvailable;

    public AccessDeniedException(String reason, boolean breakGlassAvailable) {
        super(reason);
        this.breakGlassAvailable = breakGlassAvailable;
    }

    public boolean breakGlassAvailable() {
        return breakGlassAvailable;
    }
}

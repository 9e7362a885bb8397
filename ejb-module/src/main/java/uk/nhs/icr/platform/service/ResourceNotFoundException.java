package uk.nhs.icr.platform.service;

import jakarta.ejb.ApplicationException;

/** The thing asked for does not exist (or is not visible to the caller). Maps to 404. */
@ApplicationException(rollback = true)
public abstract class ResourceNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected ResourceNotFoundException(String message) {
        super(message);
    }
}

package uk.nhs.icr.platform.service;

import jakarta.ejb.ApplicationException;

/** The request is well formed but clashes with what is already recorded; nothing was written. Maps to 409. */
@ApplicationException(rollback = true)
public abstract class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected ConflictException(String message) {
        super(message);
    }
}

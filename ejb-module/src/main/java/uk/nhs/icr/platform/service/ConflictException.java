package uk.nhs.icr.platform.service;

import jakarta.ejb.ApplicationException;

/** The request is well formed but clashes with what is already recorded; nothing was written. Maps to 409. */
@ApplicationException(rollback = true)
public abstract class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected ConflictException(String message) {
        super(message);
    }

    /** A reason written to follow other words ("this one is suspended") made into a sentence of its own. */
    protected static String sentence(String why) {
        return why.isEmpty() ? why : Character.toUpperCase(why.charAt(0)) + why.substring(1);
    }
}

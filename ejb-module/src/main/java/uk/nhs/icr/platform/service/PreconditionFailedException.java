package uk.nhs.icr.platform.service;

import jakarta.ejb.ApplicationException;

/** The decision is no longer the version the caller changed (412): someone else changed it meanwhile. */
@ApplicationException(rollback = true)
public class PreconditionFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PreconditionFailedException(String what, int current) {
        super(current == 0 ? "There is no " + what + " yet" : "Someone changed " + what + " meanwhile: it is now version " + current
                + "; read it again and decide on what it says now");
    }
}

package uk.nhs.icr.platform.service;

import jakarta.ejb.ApplicationException;

/** A change to a decision that exists, without saying which version it changes (428). */
@ApplicationException(rollback = true)
public class PreconditionRequiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PreconditionRequiredException(String what, int current) {
        super(capitalised(what) + " exists (version " + current + "): send If-Match with the ETag of the version you are changing");
    }

    private static String capitalised(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}

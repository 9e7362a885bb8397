package uk.nhs.icr.access.service;

import jakarta.ejb.ApplicationException;

/** Patient data was asked for without a signed-in user or a valid token. Maps to 401. */
@ApplicationException(rollback = true)
public class NotSignedInException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotSignedInException() {
        super("Sign in, or send a valid bearer token, to see patient data");
    }
}

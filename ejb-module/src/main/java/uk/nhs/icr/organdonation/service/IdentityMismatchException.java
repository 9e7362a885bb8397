package uk.nhs.icr.organdonation.service;

import jakarta.ejb.ApplicationException;

/** The NHS number and date of birth given do not belong to the same person: nothing is registered. Maps to 422. */
@ApplicationException(rollback = true)
public class IdentityMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdentityMismatchException() {
        super("The date of birth does not match the NHS number: identity not verified, nothing was registered");
    }
}

package uk.nhs.icr.organdonation.service;

import jakarta.ejb.ApplicationException;

import uk.nhs.icr.access.service.AuditedRefusal;

/** The NHS number and date of birth given do not belong to the same person: nothing is registered. Maps to 422. */
@ApplicationException(rollback = true)
public class IdentityMismatchException extends RuntimeException implements AuditedRefusal {

    private static final long serialVersionUID = 1L;

    public IdentityMismatchException() {
        super("The date of birth does not match the NHS number: identity not verified, nothing was registered");
    }

    @Override
    public String auditReason() {
        return "identity check failed: date of birth does not match";
    }
}

package uk.nhs.icr.access.service;

import uk.nhs.icr.platform.service.ConflictException;

/** Break-glass asked for a patient the caller already cares for: they open the record as usual. Maps to 409. */
public class AlreadyInCareException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public AlreadyInCareException() {
        super("You already have a legitimate relationship with this patient: open the record, no break-glass is needed");
    }
}

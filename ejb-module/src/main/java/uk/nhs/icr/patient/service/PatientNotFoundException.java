package uk.nhs.icr.patient.service;

import uk.nhs.icr.platform.service.ResourceNotFoundException;

/**
 * No patient this caller may see has this NHS number: nobody is registered with it, or the caller has no
 * right to their record. One answer for both, so that it tells nobody who is registered. Maps to 404; says
 * whether the caller's role may break the glass.
 */
public class PatientNotFoundException extends ResourceNotFoundException {

    private static final long serialVersionUID = 1L;

    private final boolean breakGlassAvailable;

    public PatientNotFoundException() {
        this(false);
    }

    public PatientNotFoundException(boolean breakGlassAvailable) {
        super("No patient you may see has this NHS number");
        this.breakGlassAvailable = breakGlassAvailable;
    }

    public boolean breakGlassAvailable() {
        return breakGlassAvailable;
    }
}

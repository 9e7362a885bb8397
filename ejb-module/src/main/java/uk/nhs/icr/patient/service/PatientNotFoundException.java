package uk.nhs.icr.patient.service;

import uk.nhs.icr.platform.service.ResourceNotFoundException;

public class PatientNotFoundException extends ResourceNotFoundException {

    private static final long serialVersionUID = 1L;

    public PatientNotFoundException() {
        super("No patient is registered with this NHS number");
    }
}

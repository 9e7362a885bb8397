package uk.nhs.icr.patient.service;

import uk.nhs.icr.platform.service.ConflictException;

public class PatientAlreadyRegisteredException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public PatientAlreadyRegisteredException(String where) {
        super("A patient with this NHS number is already registered in the " + where + " record");
    }
}

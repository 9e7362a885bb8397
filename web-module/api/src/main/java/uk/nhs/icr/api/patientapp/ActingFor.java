package uk.nhs.icr.api.patientapp;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.FieldErrors;

/**
 * Whom an {@code /api/me} call is about: the caller themselves, or the person named by {@code for} (an NHS number), whom
 * the access decision then lets the caller act for only as their recorded proxy.
 */
final class ActingFor {

    /** The query parameter naming the person acted for. */
    static final String PARAMETER = "for";

    private ActingFor() {
    }

    static NhsNumber patient(Caller caller, String actingFor) {
        if (!caller.isPatient()) {
            throw new AccessDeniedException("This part of the API is for patients and the people acting for them; staff use"
                    + " /api/patients", false);
        }
        if (actingFor == null || actingFor.isBlank()) {
            return caller.self();
        }
        return FieldErrors.parseOne(PARAMETER, actingFor, NhsNumber::parse);
    }
}

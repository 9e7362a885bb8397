package uk.nhs.icr.inpatient.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.nhs.icr.access.service.AccessDecidedInside;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.hospital.Encounter;
import uk.nhs.icr.hospital.HospitalRecordRepository;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;

/**
 * The admission a ward action is on, found for the ward's services: one of the patient's admissions (a 404 otherwise), and for
 * a change, one still open at the caller's own trust (the team the patient is admitted to prescribes, gives doses, plans and
 * reconciles; another trust with a relationship of its own does not).
 */
@ApplicationScoped
public class Admissions {

    @Inject
    HospitalRecordRepository hospital;

    @Inject
    CurrentCaller currentCaller;

    /** The patient's admission with this id, named in the request's path. */
    @AccessDecidedInside("called by services whose own access decision covers the patient")
    public Encounter of(NhsNumber patient, long admissionId) {
        return hospital.findEncounter(patient, admissionId).filter(e -> e.kind() == Encounter.Kind.ADMISSION)
                .orElseThrow(AdmissionNotFoundException::new);
    }

    /** The admission named in the path, open, at the caller's trust; {@code act} completes "only its staff ...". */
    @AccessDecidedInside("called by services whose own access decision covers the patient")
    public Encounter openHere(NhsNumber patient, long admissionId, String act) {
        return openHere(of(patient, admissionId), act);
    }

    /** The admission named in a request's body (a field of it: 400 when it is not the patient's), open, at the caller's trust. */
    @AccessDecidedInside("called by services whose own access decision covers the patient")
    public Encounter openHereNamed(NhsNumber patient, long admissionId, String act) {
        Encounter admission = hospital.findEncounter(patient, admissionId).filter(e -> e.kind() == Encounter.Kind.ADMISSION)
                .orElseThrow(() -> InvalidInputException.of("admissionId", "this patient has no admission with that id"));
        return openHere(admission, act);
    }

    private Encounter openHere(Encounter admission, String act) {
        if (!admission.isOpenAdmission()) {
            throw InvalidInputException.of("admissionId", "this admission has ended");
        }
        if (!admission.organisation().equals(currentCaller.require().organisation())) {
            throw new AccessDeniedException("Only staff of the organisation the patient is admitted to " + act, false);
        }
        return admission;
    }

    public static class AdmissionNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public AdmissionNotFoundException() {
            super("This patient has no admission with that id");
        }
    }
}

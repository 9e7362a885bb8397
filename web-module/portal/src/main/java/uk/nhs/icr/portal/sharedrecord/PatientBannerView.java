package uk.nhs.icr.portal.sharedrecord;

import java.io.Serializable;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.sharedrecord.service.PatientBanner;
import uk.nhs.icr.sharedrecord.service.SharedRecordService;

/**
 * The patient banner at the top of every page about a patient, read once per page (a postback keeps it): pages
 * show it only once they have read the patient themselves, so it stands on that access decision.
 */
@Named
@ViewScoped
public class PatientBannerView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SharedRecordService sharedRecord;

    private NhsNumber readFor;
    private PatientBanner banner;

    /** The banner of this patient, or null when the reader may not read them. */
    public PatientBanner of(NhsNumber patient) {
        if (patient == null) {
            return null;
        }
        if (!patient.equals(readFor)) {
            readFor = patient;
            try {
                banner = sharedRecord.banner(patient);
            } catch (AccessDeniedException | ResourceNotFoundException e) {
                banner = null;
            }
        }
        return banner;
    }

    public PatientBanner getCurrent() {
        return banner;
    }
}

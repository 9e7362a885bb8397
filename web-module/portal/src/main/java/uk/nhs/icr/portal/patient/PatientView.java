package uk.nhs.icr.portal.patient;

import java.io.Serializable;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.BreakGlassService;
import uk.nhs.icr.access.service.BreakGlassView;
import uk.nhs.icr.patient.service.PatientDemographics;
import uk.nhs.icr.patient.service.PatientSearchService;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.portal.FieldMessages;

/**
 * One patient's page, addressed by {@code ?nhsNumber=}. Without a legitimate relationship it says so and,
 * for clinicians, offers break-glass; under an active break-glass grant it shows the red banner.
 */
@Named
@ViewScoped
public class PatientView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PatientSearchService search;

    @Inject
    BreakGlassService breakGlass;

    private String nhsNumber;
    private PatientDemographics patient;
    private String deniedReason;
    private boolean breakGlassAvailable;
    private BreakGlassView activeGrant;
    private String reason;
    private boolean emergencyConfirmed;

    public void load() {
        patient = null;
        deniedReason = null;
        activeGrant = null;
        try {
            patient = search.find(nhsNumber);
            activeGrant = breakGlass.activeGrant(nhsNumber).orElse(null);
        } catch (AccessDeniedException e) {
            deniedReason = e.getMessage();
            breakGlassAvailable = e.breakGlassAvailable();
        } catch (InvalidInputException | ResourceNotFoundException e) {
            FieldMessages.error(null, "No patient is registered with this NHS number");
        }
    }

    /** Breaks the glass, then opens the page afresh so the record (summary, timeline) loads under the new grant. */
    public String breakTheGlass() {
        if (!emergencyConfirmed) {
            FieldMessages.error("breakGlass:confirm", "Confirm that this is an emergency and that the access will be reviewed");
            return null;
        }
        try {
            breakGlass.breakGlass(nhsNumber, reason);
            return "/patients/patient?faces-redirect=true&nhsNumber=" + nhsNumber.replace(" ", "");
        } catch (InvalidInputException e) {
            FieldMessages.show("breakGlass", Set.of("reason"), e);
        } catch (AccessDeniedException e) {
            FieldMessages.error(null, e.getMessage());
        }
        return null;
    }

    public PatientDemographics getPatient() {
        return patient;
    }

    public String getDeniedReason() {
        return deniedReason;
    }

    public boolean isBreakGlassAvailable() {
        return breakGlassAvailable;
    }

    public BreakGlassView getActiveGrant() {
        return activeGrant;
    }

    public String getNhsNumber() {
        return nhsNumber;
    }

    public void setNhsNumber(String nhsNumber) {
        this.nhsNumber = nhsNumber;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public boolean isEmergencyConfirmed() {
        return emergencyConfirmed;
    }

    public void setEmergencyConfirmed(boolean emergencyConfirmed) {
        this.emergencyConfirmed = emergencyConfirmed;
    }
}

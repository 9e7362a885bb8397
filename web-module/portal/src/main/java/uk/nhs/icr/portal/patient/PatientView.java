package uk.nhs.icr.portal.patient;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.BreakGlassService;
import uk.nhs.icr.access.service.BreakGlassView;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.service.PatientDemographics;
import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.sharedrecord.service.SharedRecordService;
import uk.nhs.icr.sharedrecord.service.SharedRecordService.OpenedRecord;

/**
 * One patient's page, addressed by {@code ?nhsNumber=}. Without a legitimate relationship it says so and,
 * for clinicians, offers break-glass; under an active break-glass grant it shows the red banner.
 */
@Named
@ViewScoped
public class PatientView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SharedRecordService sharedRecord;

    @Inject
    BreakGlassService breakGlass;

    private NhsNumber nhsNumber;
    private OpenedRecord opened;
    private PatientDemographics patient;
    private String deniedReason;
    private boolean breakGlassAvailable;
    private BreakGlassView activeGrant;
    private String reason;
    private boolean emergencyConfirmed;
    /** As the browser's date field sends it (YYYY-MM-DD): the patient's date of birth, confirming the number is theirs. */
    private String birthDate;

    /** Opens the record: banner, summary and break-glass grant in one access decision (the timeline follows in this request). */
    public void load() {
        opened = null;
        patient = null;
        deniedReason = null;
        activeGrant = null;
        if (nhsNumber == null) {
            return;
        }
        try {
            opened = sharedRecord.open(nhsNumber);
            patient = opened.patient();
            activeGrant = opened.activeGrant();
        } catch (AccessDeniedException e) {
            deniedReason = e.getMessage();
            breakGlassAvailable = e.breakGlassAvailable();
        } catch (PatientNotFoundException e) {
            // the same answer whether nobody has this number or the user has no right to the record
            deniedReason = e.getMessage();
            breakGlassAvailable = e.breakGlassAvailable();
        }
    }

    /** Breaks the glass, then opens the page afresh so the record (summary, timeline) loads under the new grant. */
    public String breakTheGlass() {
        LocalDate born = null;
        try {
            born = birthDate == null || birthDate.isBlank() ? null : LocalDate.parse(birthDate.strip());
        } catch (DateTimeParseException e) {
            born = null;
        }
        // every missing piece at once, before anything is granted
        if (born == null) {
            FieldMessages.error("breakGlass:birthDate", "Enter the patient's date of birth, to confirm this number is theirs");
        }
        if (reason == null || reason.isBlank()) {
            FieldMessages.error("breakGlass:reason", "Give the clinical reason for opening this record");
        }
        if (!emergencyConfirmed) {
            FieldMessages.error("breakGlass:confirm", "Confirm that this is an emergency and that the access will be reviewed");
        }
        if (born == null || reason == null || reason.isBlank() || !emergencyConfirmed) {
            return null;
        }
        try {
            breakGlass.breakGlass(nhsNumber, reason, born);
            return "/patients/patient?faces-redirect=true&nhsNumber=" + nhsNumber.value();
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.show("breakGlass", Set.of("reason", "birthDate"), e);
        } catch (AccessDeniedException | PatientNotFoundException | ConflictException e) {
            FieldMessages.error(null, e.getMessage());
        }
        return null;
    }

    /** The record as opened by {@link #load}, or null if it was not. */
    public OpenedRecord getOpened() {
        return opened;
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

    public NhsNumber getNhsNumber() {
        return nhsNumber;
    }

    public void setNhsNumber(NhsNumber nhsNumber) {
        this.nhsNumber = nhsNumber;
    }

    public String getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(String birthDate) {
        this.birthDate = birthDate;
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

package uk.nhs.icr.portal.patient;

import java.io.Serializable;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.patient.PatientDemographics;
import uk.nhs.icr.patient.PatientSearchService;
import uk.nhs.icr.platform.InvalidInputException;
import uk.nhs.icr.platform.ResourceNotFoundException;
import uk.nhs.icr.portal.FieldMessages;

/** One patient's page, addressed by {@code ?nhsNumber=}. */
@Named
@ViewScoped
public class PatientView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PatientSearchService search;

    private String nhsNumber;
    private PatientDemographics patient;

    public void load() {
        try {
            patient = search.find(nhsNumber);
        } catch (InvalidInputException | ResourceNotFoundException e) {
            patient = null;
            FieldMessages.error(null, "No patient is registered with this NHS number");
        }
    }

    public PatientDemographics getPatient() {
        return patient;
    }

    public String getNhsNumber() {
        return nhsNumber;
    }

    public void setNhsNumber(String nhsNumber) {
        this.nhsNumber = nhsNumber;
    }
}

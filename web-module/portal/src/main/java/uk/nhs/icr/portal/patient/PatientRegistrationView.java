package uk.nhs.icr.portal.patient;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.NamedOrganisation;
import uk.nhs.icr.patient.service.PatientDemographics;
import uk.nhs.icr.patient.service.PatientRegistration;
import uk.nhs.icr.patient.service.PatientRegistrationService;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.web.CommandBinder;
import uk.nhs.icr.portal.FieldMessages;

/** The register-patient form. */
@Named
@ViewScoped
public class PatientRegistrationView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> FIELDS =
            Set.of("nhsNumber", "givenName", "familyName", "birthDate", "sex", "postcode", "gpPracticeOdsCode");

    @Inject
    PatientRegistrationService registration;

    @Inject
    CommandBinder binder;

    private String nhsNumber;
    private String givenName;
    private String familyName;
    /** As the browser's date field sends it (YYYY-MM-DD), read with the rest of the form so every error shows at once. */
    private String birthDate;
    private List<NamedOrganisation> practices;
    private String sex;
    private String postcode;
    private String gpPracticeOdsCode;

    public String register() {
        try {
            Map<String, Object> typed = new HashMap<>();
            typed.put("nhsNumber", nhsNumber);
            typed.put("givenName", givenName);
            typed.put("familyName", familyName);
            typed.put("birthDate", birthDate);
            typed.put("sex", sex);
            typed.put("postcode", postcode);
            typed.put("gpPracticeOdsCode", gpPracticeOdsCode);
            PatientDemographics patient = registration.register(binder.bind(PatientRegistration.class, typed));
            FacesContext context = FacesContext.getCurrentInstance();
            context.getExternalContext().getFlash().setKeepMessages(true);
            context.addMessage(null, new FacesMessage("Patient registered in the hospital and social-care records"));
            return "/patients/patient?faces-redirect=true&nhsNumber=" + patient.nhsNumber();
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.show("registration", FIELDS, e);
        } catch (ConflictException e) {
            FieldMessages.error("registration:nhsNumber", e.getMessage());
        } catch (AccessDeniedException e) {
            FieldMessages.error(null, e.getMessage());
        }
        return null;
    }

    /** The GP practices to choose from, by name (read once per view). */
    public List<NamedOrganisation> getPractices() {
        if (practices == null) {
            practices = registration.practicesTheCallerMayRegisterWith();
            if (practices.size() == 1 && gpPracticeOdsCode == null) {
                gpPracticeOdsCode = practices.get(0).odsCode();
            }
        }
        return practices;
    }

    public String getNhsNumber() {
        return nhsNumber;
    }

    public void setNhsNumber(String nhsNumber) {
        this.nhsNumber = nhsNumber;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public String getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(String birthDate) {
        this.birthDate = birthDate;
    }

    public String getSex() {
        return sex;
    }

    public void setSex(String sex) {
        this.sex = sex;
    }

    public String getPostcode() {
        return postcode;
    }

    public void setPostcode(String postcode) {
        this.postcode = postcode;
    }

    public String getGpPracticeOdsCode() {
        return gpPracticeOdsCode;
    }

    public void setGpPracticeOdsCode(String gpPracticeOdsCode) {
        this.gpPracticeOdsCode = gpPracticeOdsCode;
    }
}

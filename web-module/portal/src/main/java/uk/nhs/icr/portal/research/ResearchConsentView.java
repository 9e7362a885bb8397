package uk.nhs.icr.portal.research;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.portal.access.SignedInUser;
import uk.nhs.icr.research.ProjectReference;
import uk.nhs.icr.research.service.StudyConsentService;
import uk.nhs.icr.research.service.StudyConsentService.NewStudyConsent;
import uk.nhs.icr.research.service.StudyConsentService.StudyConsentView;

/** On the patient's preferences page: their consent to research projects, recorded or withdrawn as they say. */
@Named
@ViewScoped
public class ResearchConsentView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StudyConsentService consents;

    @Inject
    SignedInUser signedInUser;

    private NhsNumber nhsNumber;
    private List<StudyConsentView> list = List.of();
    private String project;

    public void load() {
        if (signedInUser.isPrivacyOfficer()) {
            return; // a privacy review reads the directive's versions, nothing else
        }
        try {
            list = consents.consentsOf(nhsNumber);
        } catch (AccessDeniedException | ResourceNotFoundException e) {
            list = List.of();
        }
    }

    public void consent() {
        try {
            ProjectReference reference;
            try {
                reference = ProjectReference.parse(project);
            } catch (InvalidValueException e) {
                throw InvalidInputException.of("project", e.getMessage());
            }
            list = consents.consent(nhsNumber, new NewStudyConsent(reference));
            FieldMessages.info("Consent to " + reference + " recorded: its next extract includes the patient.");
            project = null;
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.show("studyConsentForm", Set.of("project"), e);
        } catch (AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    public void withdraw(String reference) {
        try {
            list = consents.withdraw(nhsNumber, ProjectReference.parse(reference));
            FieldMessages.info("Consent to " + reference + " withdrawn: its next extract leaves the patient out.");
        } catch (AccessDeniedException | ResourceNotFoundException | InvalidValueException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    public NhsNumber getNhsNumber() { return nhsNumber; }
    public void setNhsNumber(NhsNumber nhsNumber) { this.nhsNumber = nhsNumber; }
    public List<StudyConsentView> getList() { return list; }
    public String getProject() { return project; }
    public void setProject(String project) { this.project = project; }
}

package uk.nhs.icr.research.service;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;

import uk.nhs.icr.platform.SqlValues;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientAccess;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.research.ExtractRuns;
import uk.nhs.icr.research.ProjectReference;
import uk.nhs.icr.research.ResearchProject;
import uk.nhs.icr.research.ResearchProjects;
import uk.nhs.icr.research.ResearchUseRule;
import uk.nhs.icr.research.StudyConsents;

/**
 * A patient's consent to a research project of the register: recorded by the patient themselves or by the clinicians
 * caring for them (as the patient says), withdrawn the same way. A {@code CONSENT} project takes exactly the patients
 * consenting to it; a {@code SECTION_251} project takes a consenting patient despite an opt-out.
 */
@Stateless
public class StudyConsentService {

    /** Consent to one project, by its reference. */
    public record NewStudyConsent(@Required ProjectReference project) {
    }

    /** A consent as shown: the project and its title, since when, withdrawn when, recorded by whom. */
    public record StudyConsentView(String project, String title, Instant consentedAt, Instant withdrawnAt, String recordedBy)
            implements Serializable {
    }

    @Inject
    StudyConsents consents;

    @Inject
    ResearchProjects projects;

    @Inject
    ExtractRuns runs;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PatientAccess patientAccess;

    @Inject
    UkClock clock;

    @PatientDataAccess(resource = Resource.STUDY_CONSENT, action = AuditAction.RECORD)
    public List<StudyConsentView> consent(NhsNumber patient, @Valid NewStudyConsent consent) {
        ResearchProject project = projects.find(consent.project().value())
                .filter(found -> found.getStatus() != ResearchProject.Status.REJECTED)
                .orElseThrow(() -> InvalidInputException.of("project", "no project of the research register by that reference"));
        Caller caller = currentCaller.require();
        consents.consent(patient, project.getReference(), clock.now(), caller.displayName());
        patientAccess.note("consented to research project " + project.getReference());
        return views(patient);
    }

    @PatientDataAccess(resource = Resource.STUDY_CONSENT, action = AuditAction.RECORD)
    public List<StudyConsentView> withdraw(NhsNumber patient, ProjectReference project) {
        if (!consents.withdraw(patient, project.value(), clock.now())) {
            throw new StudyConsentNotFoundException();
        }
        patientAccess.note("withdrew consent to research project " + project.value());
        return views(patient);
    }

    /** Read as part of the patient's consent preferences: the preferences page that shows both is one audited read. */
    @PatientDataAccess(resource = Resource.CONSENT, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<StudyConsentView> consentsOf(NhsNumber patient) {
        return views(patient);
    }

    private List<StudyConsentView> views(NhsNumber patient) {
        List<StudyConsents.StudyConsent> found = consents.of(patient);
        Map<String, String> titles = found.stream().map(StudyConsents.StudyConsent::project).distinct()
                .flatMap(reference -> projects.find(reference).stream())
                .collect(Collectors.toMap(ResearchProject::getReference, ResearchProject::getTitle, (a, b) -> a));
        return found.stream().map(consent -> new StudyConsentView(consent.project(), titles.getOrDefault(consent.project(), consent.project()),
                consent.consentedAt(), consent.withdrawnAt(), consent.recordedBy())).toList();
    }

    /** A project's use of the patient's data, as its extract log says: used (and on what basis) or left out, and when. */
    public record ResearchUseView(String project, String title, String sponsor, String laySummary, boolean used, String why,
                                  Instant lastExtract) implements Serializable {
    }

    /**
     * Which projects' extracts used the patient's data, and which left it out because of their opt-out or because they had
     * not consented: from the extract log, the only link between a patient and a pseudonymised dataset.
     */
    @PatientDataAccess(resource = Resource.RESEARCH_USE, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ResearchUseView> researchUseOf(NhsNumber patient) {
        return runs.projectsOfPatient(patient.value()).stream().map(row -> {
            ResearchProject project = projects.byId(((Number) row[0]).longValue());
            ResearchUseRule.Reason reason = ResearchUseRule.Reason.valueOf((String) row[1]);
            return new ResearchUseView(project.getReference(), project.getTitle(), project.getSponsor(), project.getLaySummary(),
                    reason.included(), reason.words(), SqlValues.instant(row[2]));
        }).toList();
    }


    /** No current consent to that project. */
    public static class StudyConsentNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public StudyConsentNotFoundException() {
            super("No current consent of the patient's to that project");
        }
    }
}

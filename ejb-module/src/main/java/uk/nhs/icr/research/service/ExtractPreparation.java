package uk.nhs.icr.research.service;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.audit.service.AuditLog;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.research.ExtractRuns;
import uk.nhs.icr.research.ProjectReference;
import uk.nhs.icr.research.ResearchDatasets;
import uk.nhs.icr.research.ResearchProject;
import uk.nhs.icr.research.ResearchProjects;
import uk.nhs.icr.research.ResearchSources;
import uk.nhs.icr.research.service.ResearchExtractService.ExtractRefusedException;
import uk.nhs.icr.research.service.ResearchExtractService.RunNotFoundException;
import uk.nhs.icr.research.service.ResearchProjectService.ProjectNotFoundException;

/**
 * The transactional halves of starting and restarting an extract, committed before the batch job is handed its run:
 * the checks (a researcher on the project, the project active, no run of it going), the run's row and its schema in the
 * research database, the audit entry; then the job's execution recorded on the run.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class ExtractPreparation {

    @Inject
    ResearchProjects projects;

    @Inject
    ExtractRuns runs;

    @Inject
    ResearchSources sources;

    @Inject
    ResearchDatasets datasets;

    @Inject
    AuditLog audit;

    @Inject
    UkClock clock;

    public long prepare(ProjectReference reference, Caller caller) {
        ResearchProject project = projects.findForChange(reference.value()).filter(found -> ResearchProjectService.maySee(caller, found))
                .orElseThrow(ProjectNotFoundException::new);
        ResearchExtractService.requireResearcherOn(caller, project, "started");
        if (!project.activeOn(clock.today())) {
            throw new ExtractRefusedException("The project is not approved and in date (" + project.getStatus().name().toLowerCase(java.util.Locale.ROOT)
                    + (project.getApprovedUntil() == null ? "" : ", approved until " + project.getApprovedUntil()) + "): it can extract nothing");
        }
        if (runs.running(project.getId())) {
            throw new ExtractRefusedException("An extract of this project is running already: stop it or wait for it to end");
        }
        long runId = runs.start(project.getId(), project.getKeyVersion(), sources.countPatients(), caller.username(), clock.now());
        datasets.createRunSchema(ResearchDatasets.runSchema(project.getReference(), runId), project.getFields());
        ResearchExtractService.audited(audit, caller, "started extract run " + runId + " of research project " + project.getReference());
        return runId;
    }

    public void running(long runId, long jobExecutionId) {
        runs.running(runId, jobExecutionId);
    }

    /** What may be done to a run once started. */
    public enum RunAction {
        STOP("stopped"), RESTART("restarted");

        private final String done;

        RunAction(String done) {
            this.done = done;
        }
    }

    /** A run of the project, checked as for a start (its researcher; the project active to restart), and audited. */
    public ExtractRuns.Run ownRun(ProjectReference reference, long runId, Caller caller, RunAction action) {
        String doing = action.done;
        ResearchProject project = projects.find(reference.value()).filter(found -> ResearchProjectService.maySee(caller, found))
                .orElseThrow(ProjectNotFoundException::new);
        ResearchExtractService.requireResearcherOn(caller, project, doing);
        ExtractRuns.Run run = runs.find(runId).filter(found -> found.projectId() == project.getId()).orElseThrow(RunNotFoundException::new);
        if (action == RunAction.RESTART && !project.activeOn(clock.today())) {
            throw new ExtractRefusedException("The project is no longer approved and in date: it can extract nothing");
        }
        ResearchExtractService.audited(audit, caller, doing + " extract run " + runId + " of research project " + project.getReference());
        return run;
    }
}

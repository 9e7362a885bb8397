package uk.nhs.icr.research.service;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDecision;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.audit.service.AuditLog;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.research.ExtractRuns;
import uk.nhs.icr.research.ProjectReference;
import uk.nhs.icr.research.ResearchDatasets;
import uk.nhs.icr.research.ResearchProject;
import uk.nhs.icr.research.ResearchProjects;
import uk.nhs.icr.research.ResearchSources;
import uk.nhs.icr.research.service.ResearchProjectService.ProjectNotFoundException;

/**
 * A project's extract runs (safe data): a researcher on an active project starts one, stops it, or restarts a stopped
 * or failed one from its last checkpoint; its progress (patients read of all, the rate) is read while it runs. The job
 * itself is the Jakarta Batch job {@code research-extract}. Each start, stop and restart is audited.
 */
@Stateless
public class ResearchExtractService {

    static final String JOB = "research-extract";

    /** A run as its researchers see it: progress while it goes, counts and outcome at its end. */
    public record RunView(long id, String status, long patientsTotal, long patientsRead, int percent, Double patientsPerSecond,
                          Long included, Long excludedOptOut, Long excludedNoConsent, Long personRows, Long entryRows, Long smallestGroup,
                          String outcome, int keyVersion, String startedBy, Instant startedAt, Instant endedAt) implements Serializable {
    }

    @Inject
    ResearchProjects projects;

    @Inject
    ExtractRuns runs;

    @Inject
    ResearchSources sources;

    @Inject
    ResearchDatasets datasets;

    @Inject
    ExtractPreparation preparation;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditLog audit;

    @Inject
    UkClock clock;

    @Inject
    @ConfigProperty(name = "icr.research.extract-chunk-size", defaultValue = "1000")
    int chunkSize;

    /** Starts a run of the project's extract, answering at once; the run goes on in the background. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RunView start(ProjectReference reference) {
        Caller caller = currentCaller.require();
        long runId = preparation.prepare(reference, caller);
        long execution = operator().start(JOB, parameters(runId));
        preparation.running(runId, execution);
        return view(runs.find(runId).orElseThrow());
    }

    /** Asks a running run to stop at the end of its current chunk. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RunView stop(ProjectReference reference, long runId) {
        ExtractRuns.Run run = preparation.ownRun(reference, runId, currentCaller.require(), ExtractPreparation.RunAction.STOP);
        if (run.status() != ExtractRuns.Status.RUNNING || run.jobExecutionId() == null) {
            throw new RunNotRunningException("only a running extract can be stopped; this one is " + Codes.phrase(run.status()));
        }
        try {
            operator().stop(run.jobExecutionId());
        } catch (JobExecutionNotRunningException e) {
            throw new RunNotRunningException("the extract ended before it could be stopped");
        }
        return view(run);
    }

    /** Restarts a stopped or failed run from its last checkpoint. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RunView restart(ProjectReference reference, long runId) {
        ExtractRuns.Run run = preparation.ownRun(reference, runId, currentCaller.require(), ExtractPreparation.RunAction.RESTART);
        if (run.status() != ExtractRuns.Status.STOPPED && run.status() != ExtractRuns.Status.FAILED) {
            throw new RunNotRunningException("only a stopped or failed extract can be restarted; this one is " + Codes.phrase(run.status()));
        }
        long execution;
        try {
            execution = operator().restart(run.jobExecutionId(), parameters(runId));
        } catch (JobRestartException e) {
            throw new RunNotRunningException("the extract could not be restarted: restarted already, or still running");
        }
        preparation.running(runId, execution);
        return view(runs.find(runId).orElseThrow());
    }

    /** The project's runs, newest first, for its researchers, the committee and output checkers. */
    public List<RunView> runs(ProjectReference reference) {
        Caller caller = currentCaller.require();
        ResearchProject project = projects.find(reference.value()).filter(found -> ResearchProjectService.maySee(caller, found))
                .orElseThrow(ProjectNotFoundException::new);
        return runs.ofProject(project.getId(), 20).stream().map(this::view).toList();
    }

    /** One run of the project. */
    public RunView run(ProjectReference reference, long runId) {
        return runs(reference).stream().filter(run -> run.id() == runId).findFirst().orElseThrow(RunNotFoundException::new);
    }

    private Properties parameters(long runId) {
        Properties parameters = new Properties();
        parameters.setProperty("runId", Long.toString(runId));
        parameters.setProperty("chunkSize", Integer.toString(chunkSize));
        return parameters;
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    RunView view(ExtractRuns.Run run) {
        Instant until = run.endedAt() != null ? run.endedAt() : clock.now();
        long seconds = Math.max(1, Duration.between(run.startedAt(), until).toSeconds());
        int percent = run.patientsTotal() == 0 ? 100 : (int) Math.min(100, run.patientsRead() * 100 / run.patientsTotal());
        return new RunView(run.id(), Codes.of(run.status()), run.patientsTotal(), run.patientsRead(), percent,
                run.patientsRead() == 0 ? null : Math.round(run.patientsRead() * 10.0 / seconds) / 10.0, run.included(), run.excludedOptOut(),
                run.excludedNoConsent(), run.personRows(), run.entryRows(), run.smallestGroup(), run.outcome(), run.keyVersion(),
                run.startedBy(), run.startedAt(), run.endedAt());
    }

    /** The run is not in a state that allows it. */
    public static class RunNotRunningException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public RunNotRunningException(String why) {
            super(sentence(why));
        }
    }

    /** No run by that id of that project. */
    public static class RunNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public RunNotFoundException() {
            super("No extract run by that id of this project");
        }
    }

    /** The project may not extract now: not approved, expired, suspended, or a run already going. */
    public static class ExtractRefusedException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public ExtractRefusedException(String why) {
            super(why);
        }
    }

    static void audited(AuditLog audit, Caller caller, String what) {
        audit.recordWithin(caller, null, Resource.RESEARCH_PROJECT, AuditAction.EVALUATE, AccessDecision.grant(AccessDecision.Purpose.RESEARCH, what));
    }

    static void requireResearcherOn(Caller caller, ResearchProject project, String doing) {
        if (!caller.hasRole(StaffRole.RESEARCHER) || !project.hasResearcher(caller.username())) {
            throw new AccessDeniedException("An extract is " + doing + " by a researcher on the project", false);
        }
    }
}

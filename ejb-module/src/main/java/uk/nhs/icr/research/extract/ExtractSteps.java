package uk.nhs.icr.research.extract;

import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.research.ExtractRuns;
import uk.nhs.icr.research.ResearchDatasets;
import uk.nhs.icr.research.ResearchProject;
import uk.nhs.icr.research.ResearchProjects;

/**
 * The parts of an extract job that are not a chunk, each in a transaction of its own: reading its plan, and its end
 * (the k-anonymity check, then publication, or refusal, over the research and hospital databases in one transaction).
 */
@Stateless
public class ExtractSteps {

    private static final Logger LOG = Logger.getLogger(ExtractSteps.class.getName());

    @Inject
    ExtractRuns runs;

    @Inject
    ResearchProjects projects;

    @Inject
    ResearchDatasets datasets;

    @Inject
    UkClock clock;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ExtractPlan plan(long runId) {
        ExtractRuns.Run run = runs.find(runId).orElseThrow(() -> new IllegalStateException("no extract run " + runId));
        ResearchProject project = projects.byId(run.projectId());
        return new ExtractPlan(runId, project.getReference(), project.getLegalBasis(), project.getFields(), project.getEntryTypes(),
                project.getDataFrom(), project.getDataTo(), project.getMinimumK(), run.keyVersion());
    }

    /**
     * The run's end: the smallest group of people alike in age band, month of birth, sex and postcode district is the
     * dataset's k; below
     * the project's, a row-level dataset is refused and dropped (an anonymised project's, which researchers only ever
     * query for disclosure-controlled aggregates, is published with its k stated). Answers the run's new status.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public ExtractRuns.Status finish(long runId) {
        ExtractPlan plan = plan(runId);
        String schema = plan.runSchema();
        long[] counts = datasets.counts(schema);
        long smallest = datasets.smallestGroup(schema, plan.fields());
        if (plan.basis().allowsRowLevelData() && smallest < plan.minimumK()) {
            datasets.drop(schema);
            runs.ended(runId, ExtractRuns.Status.REFUSED, counts[0], counts[1], smallest, "not published: the smallest group of people"
                    + " alike in age band, month of birth, sex and postcode district (those the dataset has) is " + smallest
                    + ", below the project's k of " + plan.minimumK(),
                    clock.now());
            LOG.info(() -> "Research extract run " + runId + " refused: k " + smallest + " below " + plan.minimumK());
            return ExtractRuns.Status.REFUSED;
        }
        datasets.publish(plan.reference(), schema, runId, plan.keyVersion(), counts[0], counts[1], smallest,
                plan.basis().allowsRowLevelData(), clock.now());
        runs.ended(runId, ExtractRuns.Status.PUBLISHED, counts[0], counts[1], smallest, "published: " + counts[0] + " people, "
                + counts[1] + " entries; smallest group " + smallest, clock.now());
        LOG.info(() -> "Research extract run " + runId + " published: " + counts[0] + " people, " + counts[1] + " entries");
        return ExtractRuns.Status.PUBLISHED;
    }

    /** A run stopped or failed part-way: a restart goes on from its last checkpoint. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void interrupted(long runId, ExtractRuns.Status status) {
        String outcome = status == ExtractRuns.Status.STOPPED ? "stopped: restart it to go on from its last checkpoint"
                : "failed part-way: restart it to go on from its last checkpoint";
        runs.interrupted(runId, status, outcome, clock.now());
    }
}

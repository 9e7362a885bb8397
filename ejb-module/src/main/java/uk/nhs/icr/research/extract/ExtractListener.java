package uk.nhs.icr.research.extract;

import java.util.logging.Logger;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.research.ExtractRuns;

/** Marks a run stopped or failed when its job ends part-way, so that it can be restarted from its last checkpoint. */
@Named("extractListener")
@Dependent
public class ExtractListener extends AbstractJobListener {

    private static final Logger LOG = Logger.getLogger(ExtractListener.class.getName());

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Inject
    JobContext job;

    @Inject
    ExtractSteps steps;

    @Override
    public void afterJob() {
        BatchStatus status = job.getBatchStatus();
        if (status == BatchStatus.STOPPING || status == BatchStatus.STOPPED) {
            steps.interrupted(Long.parseLong(runId), ExtractRuns.Status.STOPPED);
        } else if (status == BatchStatus.FAILED) {
            LOG.warning(() -> "Research extract run " + runId + " failed; it can be restarted from its last checkpoint");
            steps.interrupted(Long.parseLong(runId), ExtractRuns.Status.FAILED);
        }
    }
}

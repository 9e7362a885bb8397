package uk.nhs.icr.research.extract;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The job's last step: the k-anonymity check, then publication or refusal ({@link ExtractSteps#finish}). */
@Named("extractPublisher")
@Dependent
public class ExtractPublisher extends AbstractBatchlet {

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Inject
    ExtractSteps steps;

    @Override
    public String process() {
        return steps.finish(Long.parseLong(runId)).name();
    }
}

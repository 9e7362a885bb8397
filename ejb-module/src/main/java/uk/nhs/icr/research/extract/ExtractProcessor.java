package uk.nhs.icr.research.extract;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.research.service.ResearchUseService;

/** Decides each patient by the project's legal basis, through the one research-use rule; the excluded go on to be logged. */
@Named("extractProcessor")
@Dependent
public class ExtractProcessor implements ItemProcessor {

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Inject
    ExtractSteps steps;

    @Inject
    ResearchUseService researchUse;

    private ExtractPlan plan;

    @Override
    public Object processItem(Object item) {
        if (plan == null) {
            plan = steps.plan(Long.parseLong(runId));
        }
        PatientRow patient = (PatientRow) item;
        return new Decided(patient, researchUse.decide(plan.basis(), patient.optedOut(), patient.consented()));
    }
}

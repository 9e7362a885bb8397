package uk.nhs.icr.research.extract;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.research.ResearchSources;

/**
 * Reads the patients in NHS-number order, a page at a time (one statement per page, the opt-out and the consent to the
 * project read with them); its checkpoint is the last NHS number read, so a restart goes on after it.
 */
@Named("extractReader")
@Dependent
public class ExtractReader extends AbstractItemReader {

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Inject
    @BatchProperty(name = "pageSize")
    String pageSize;

    @Inject
    ExtractSteps steps;

    @Inject
    ResearchSources sources;

    private ExtractPlan plan;
    private Position position;
    private final Deque<ResearchSources.SourcePatient> page = new ArrayDeque<>();
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        plan = steps.plan(Long.parseLong(runId));
        position = checkpoint == null ? new Position("", 0) : (Position) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            var next = sources.patientsAfter(position.lastNhsNumber(), plan.reference(), Integer.parseInt(pageSize));
            page.addAll(next);
            exhausted = next.isEmpty();
        }
        ResearchSources.SourcePatient patient = page.poll();
        if (patient == null) {
            return null;
        }
        position = new Position(patient.nhsNumber(), position.read() + 1);
        return new PatientRow(patient.nhsNumber(), patient.birthDate(), patient.sex(), patient.postcode(), patient.optedOut(),
                patient.consented());
    }

    @Override
    public Serializable checkpointInfo() {
        // only what has been handed on: a page read ahead is read again after a restart
        return position;
    }
}

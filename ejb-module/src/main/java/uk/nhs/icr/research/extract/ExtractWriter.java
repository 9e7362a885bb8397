package uk.nhs.icr.research.extract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.research.DatasetField;
import uk.nhs.icr.research.ExtractRuns;
import uk.nhs.icr.research.Generalise;
import uk.nhs.icr.research.Pseudonymiser;
import uk.nhs.icr.research.ResearchDatasets;
import uk.nhs.icr.research.ResearchSources;
import uk.nhs.icr.research.service.ResearchSecrets;

/**
 * Writes a chunk, all in the chunk's one JTA transaction: every patient read into the extract log with the rule that
 * decided; the included as pseudonymised, generalised people; their entries of the project's types and range (read in
 * two statements, one per record); the run's progress. Written again after a restart, a chunk adds nothing twice.
 */
@Named("extractWriter")
@Dependent
public class ExtractWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Inject
    ExtractSteps steps;

    @Inject
    ExtractRuns runs;

    @Inject
    ResearchSources sources;

    @Inject
    ResearchDatasets datasets;

    @Inject
    ResearchSecrets secrets;

    private ExtractPlan plan;
    private Pseudonymiser pseudonymiser;
    private long written;

    @Override
    public void open(Serializable checkpoint) {
        plan = steps.plan(Long.parseLong(runId));
        pseudonymiser = secrets.pseudonymiserFor(plan.reference(), plan.keyVersion());
        written = checkpoint == null ? 0 : (Long) checkpoint;
    }

    @Override
    public void writeItems(List<Object> items) {
        List<ExtractRuns.Logged> logged = new ArrayList<>(items.size());
        List<ResearchDatasets.Row> people = new ArrayList<>();
        Map<String, String> pseudonyms = new HashMap<>();
        for (Object item : items) {
            Decided decided = (Decided) item;
            PatientRow patient = decided.patient();
            logged.add(new ExtractRuns.Logged(patient.nhsNumber(), decided.reason()));
            if (decided.reason().included()) {
                String pseudonym = pseudonymiser.pseudonym(patient.nhsNumber());
                pseudonyms.put(patient.nhsNumber(), pseudonym);
                people.add(new ResearchDatasets.Row(pseudonym, pseudonym, person(patient)));
            }
        }
        runs.log(plan.runId(), logged);
        datasets.insert(plan.runSchema(), DatasetField.Level.PERSON, plan.fields(), people);
        if (!plan.entryTypes().isEmpty() && !pseudonyms.isEmpty()) {
            List<ResearchDatasets.Row> entries = sources.entriesOf(List.copyOf(pseudonyms.keySet()), plan.entryTypes(), plan.dataFrom(),
                    plan.dataTo()).stream().map(entry -> new ResearchDatasets.Row(pseudonymiser.pseudonym(entry.source() + ":" + entry.id()),
                    pseudonyms.get(entry.nhsNumber()), entry(entry))).toList();
            datasets.insert(plan.runSchema(), DatasetField.Level.ENTRY, plan.fields(), entries);
        }
        written += items.size();
        runs.read(plan.runId(), written);
    }

    @Override
    public Serializable checkpointInfo() {
        return written;
    }

    private Map<DatasetField, Object> person(PatientRow patient) {
        Map<DatasetField, Object> values = new EnumMap<>(DatasetField.class);
        if (plan.wants(DatasetField.AGE_BAND)) {
            values.put(DatasetField.AGE_BAND, Generalise.ageBand(patient.birthDate(), plan.dataTo()));
        }
        if (plan.wants(DatasetField.BIRTH_YEAR_MONTH)) {
            values.put(DatasetField.BIRTH_YEAR_MONTH, Generalise.month(patient.birthDate()));
        }
        if (plan.wants(DatasetField.SEX)) {
            values.put(DatasetField.SEX, patient.sex().toLowerCase(java.util.Locale.ROOT));
        }
        if (plan.wants(DatasetField.POSTCODE_DISTRICT)) {
            values.put(DatasetField.POSTCODE_DISTRICT, Generalise.postcodeDistrict(patient.postcode()));
        }
        return values;
    }

    private Map<DatasetField, Object> entry(ResearchSources.SourceEntry entry) {
        Map<DatasetField, Object> values = new EnumMap<>(DatasetField.class);
        if (plan.wants(DatasetField.ENTRY_TYPE)) {
            values.put(DatasetField.ENTRY_TYPE, entry.entryType().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        if (plan.wants(DatasetField.ENTRY_MONTH)) {
            values.put(DatasetField.ENTRY_MONTH, Generalise.month(entry.occurredOn()));
        }
        if (plan.wants(DatasetField.CODE)) {
            values.put(DatasetField.CODE, entry.code());
        }
        if (plan.wants(DatasetField.RESULT_VALUE)) {
            values.put(DatasetField.RESULT_VALUE, entry.resultValue());
        }
        if (plan.wants(DatasetField.ABNORMAL_FLAG)) {
            values.put(DatasetField.ABNORMAL_FLAG, entry.abnormalFlag() == null ? null : entry.abnormalFlag().toLowerCase(java.util.Locale.ROOT));
        }
        return values;
    }
}

package uk.nhs.icr.research.extract;

import java.time.LocalDate;
import java.util.Set;

import uk.nhs.icr.research.DatasetField;
import uk.nhs.icr.research.LegalBasis;
import uk.nhs.icr.research.ResearchDatasets;
import uk.nhs.icr.sharedrecord.EntryType;

/** What one run extracts: its project's basis and dataset, its key version, and the schema it writes. */
record ExtractPlan(long runId, String reference, LegalBasis basis, Set<DatasetField> fields, Set<EntryType> entryTypes, LocalDate dataFrom,
                   LocalDate dataTo, int minimumK, int keyVersion) {

    String runSchema() {
        return ResearchDatasets.runSchema(reference, runId);
    }

    boolean wants(DatasetField field) {
        return fields.contains(field);
    }
}

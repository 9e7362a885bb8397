package uk.nhs.icr.sharedrecord.service;

import java.io.Serializable;
import java.util.List;

/**
 * The summary tab: what must be seen first (alerts), and the current picture from both records. Results are
 * the latest of each test, abnormal ones flagged. {@code withheld}: some entries are withheld from this reader at
 * the patient's request (never which).
 */
public record RecordSummary(List<String> alerts, List<RecordEntry> activeProblems, List<RecordEntry> currentMedications,
                            List<RecordEntry> allergies, List<RecordEntry> latestResults, List<RecordEntry> openAdmissions,
                            RecordEntry activeCarePlan, List<RecordEntry> openSafeguardingConcerns, boolean withheld)
        implements Serializable {

    @Override
    public String toString() {
        return "RecordSummary[***]";
    }
}

package uk.nhs.icr.portal.sharedrecord;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.portal.access.SignedInUser;
import uk.nhs.icr.portal.patient.PatientView;
import uk.nhs.icr.sharedrecord.service.RecordSummary;
import uk.nhs.icr.sharedrecord.service.SharedRecordService;

/**
 * The shared record on a patient's page, once {@link PatientView} has opened it: the alerts banner and
 * summary, and the timeline of both records with its filters.
 */
@Named
@ViewScoped
public class SharedRecordView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;

    /** The entry types a user can filter on, labelled, hospital ones first. */
    public record TypeOption(String value, String label) implements Serializable {
    }

    static final List<TypeOption> TYPES = List.of(
            new TypeOption("ENCOUNTER", "Encounters"), new TypeOption("PROBLEM", "Problems"), new TypeOption("MEDICATION", "Medications"),
            new TypeOption("ALLERGY", "Allergies"), new TypeOption("BLOOD_TEST", "Blood tests"),
            new TypeOption("TREATMENT_PLAN", "Treatment plans"), new TypeOption("REFERRAL", "Referrals"),
            new TypeOption("DISCHARGE_SUMMARY", "Discharge summaries"), new TypeOption("ALERT", "Alerts"),
            new TypeOption("NEEDS_ASSESSMENT", "Needs assessments"), new TypeOption("CARE_PLAN", "Care plans"),
            new TypeOption("CARE_VISIT", "Care visits"), new TypeOption("MEDICATION_ADMINISTRATION", "Medication administration"),
            new TypeOption("SAFEGUARDING_CONCERN", "Safeguarding concerns"), new TypeOption("CONTACT", "Contacts"),
            new TypeOption("ALLOCATION", "Allocations"), new TypeOption("REFERRAL_REQUEST", "Social care requests"));

    @Inject
    SharedRecordService sharedRecord;

    @Inject
    PatientView patientView;

    @Inject
    SignedInUser signedInUser;

    private RecordSummary summary;
    private TimelineDataModel timeline;
    private String source;
    private List<String> types = new ArrayList<>();
    private LocalDate from;
    private LocalDate to;
    private String selectedTest;
    private String resultsChart;

    /** Runs after {@link PatientView#load}: nothing to show unless the record was opened. */
    public void load() {
        if (patientView.getPatient() == null) {
            return;
        }
        try {
            summary = sharedRecord.summary(patientView.getNhsNumber());
            timeline = new TimelineDataModel(sharedRecord, patientView.getNhsNumber(), filters(), PAGE_SIZE);
        } catch (AccessDeniedException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    /** Applies the filters above the timeline. */
    public void filter() {
        try {
            timeline = new TimelineDataModel(sharedRecord, patientView.getNhsNumber(), filters(), PAGE_SIZE);
        } catch (InvalidInputException e) {
            FieldMessages.show("record:timelineForm", Set.of("source", "type", "from", "to"), e);
        }
    }

    private TimelineDataModel.Filters filters() {
        // the page asks for whole days, both ends included; the service takes "to" as exclusive
        return new TimelineDataModel.Filters(source, String.join(",", types), from == null ? null : from.toString(),
                to == null ? null : to.plusDays(1).toString());
    }

    /** Charts the chosen test over time (read, and audited, only when a test is chosen). */
    public void showResults() {
        resultsChart = null;
        if (selectedTest == null || selectedTest.isBlank()) {
            return;
        }
        try {
            resultsChart = ResultsChart.lineChart(selectedTest, sharedRecord.results(patientView.getNhsNumber(), selectedTest));
        } catch (InvalidInputException | AccessDeniedException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    /** What this user may add to the record from here. */
    public List<EntryKind> getRecordableKinds() {
        return signedInUser.getProfile() == null ? List.of() : EntryKind.addableFromTheRecordBy(signedInUser.getProfile().role());
    }

    public boolean isMayTransfer() {
        return signedInUser.getProfile() != null && EntryKind.TRANSFER_OF_CARE.recordableBy(signedInUser.getProfile().role());
    }

    public RecordSummary getSummary() {
        return summary;
    }

    public TimelineDataModel getTimeline() {
        return timeline;
    }

    public String getSelectedTest() {
        return selectedTest;
    }

    public void setSelectedTest(String selectedTest) {
        this.selectedTest = selectedTest;
    }

    /** The chosen test's Chart.js configuration (JSON), or null before a test is chosen. */
    public String getResultsChart() {
        return resultsChart;
    }

    public List<TypeOption> getTypeOptions() {
        return TYPES;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public List<String> getTypes() {
        return types;
    }

    public void setTypes(List<String> types) {
        this.types = types == null ? new ArrayList<>() : new ArrayList<>(types);
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}

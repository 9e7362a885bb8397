package uk.nhs.icr.portal.sharedrecord;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import org.primefaces.component.datatable.DataTable;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.portal.UkTimeConverter;
import uk.nhs.icr.portal.access.SignedInUser;
import uk.nhs.icr.portal.patient.PatientView;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.RecordSource;
import uk.nhs.icr.sharedrecord.service.RecordEntry;
import uk.nhs.icr.sharedrecord.service.RecordSummary;
import uk.nhs.icr.sharedrecord.service.SharedRecordService.ResultPoint;
import uk.nhs.icr.sharedrecord.service.SharedRecordService;

/**
 * The shared record on a patient's page, once {@link PatientView} has opened it: the alerts banner and
 * summary, and the timeline of both records with its filters.
 */
@Named
@ViewScoped
public class SharedRecordView implements Serializable {

    /** The timeline table's client id: a new filter puts it back on its first page. */
    static final String TIMELINE_TABLE = "record:timelineForm:timeline";


    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;

    /** The entry types a user can filter on, labelled, hospital ones first. */
    public record TypeOption(String value, String label) implements Serializable {
    }

    static final List<TypeOption> TYPES = Arrays.stream(EntryType.values())
            .map(type -> new TypeOption(type.name(), type.plural())).toList();

    @Inject
    SharedRecordService sharedRecord;

    @Inject
    PatientView patientView;

    @Inject
    SignedInUser signedInUser;

    @Inject
    UkClock clock;

    private TimelineDataModel timeline;
    private String source;
    private List<String> types = new ArrayList<>();
    private LocalDate from;
    private LocalDate to;
    private String selectedTest;
    private String resultsChart;
    private List<ResultPoint> resultPoints = List.of();

    /** The summary {@link PatientView#load} opened the record with; null if it was not opened. */
    public RecordSummary getSummary() {
        return patientView.getOpened() == null ? null : patientView.getOpened().summary();
    }

    /** The timeline, first page fetched when first shown (in the request that opened the record: no second decision). */
    public TimelineDataModel getTimeline() {
        if (timeline == null && patientView.getOpened() != null) {
            try {
                timeline = new TimelineDataModel(sharedRecord, patientView.getNhsNumber(), filters(), PAGE_SIZE);
            } catch (AccessDeniedException | PatientNotFoundException e) {
                FieldMessages.error(null, e.getMessage());
            }
        }
        return timeline;
    }

    /**
     * Applies the filters above the timeline, from its newest entry: a filtered list shown from the page the
     * unfiltered one was on would put the newest entries out of sight with nothing saying so.
     */
    public void filter() {
        try {
            timeline = new TimelineDataModel(sharedRecord, patientView.getNhsNumber(), filters(), PAGE_SIZE);
            if (FacesContext.getCurrentInstance().getViewRoot().findComponent(TIMELINE_TABLE) instanceof DataTable table) {
                table.setFirst(0);
            }
        } catch (InvalidInputException e) {
            FieldMessages.show("record:timelineForm", Set.of("source", "type", "from", "to"), e);
        }
    }

    /** "42 entries, newest first": how many the filters found, above the first page of them. */
    public String getTimelineCount() {
        if (timeline == null) {
            return "";
        }
        int count = timeline.getRowCount();
        return count + (count == 1 ? " entry" : " entries") + ", newest first";
    }

    private TimelineDataModel.Filters filters() {
        // the page asks for whole UK days, both ends included; the query takes "to" as exclusive
        return new TimelineDataModel.Filters(RecordSource.fromCode(source == null ? "" : source).orElse(null),
                types.stream().map(EntryType::valueOf).collect(Collectors.toCollection(java.util.HashSet::new)),
                from == null ? null : from.atStartOfDay(UkClock.ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(UkClock.ZONE).toInstant());
    }

    /** Charts the chosen test over time (read, and audited, only when a test is chosen). */
    public void showResults() {
        resultsChart = null;
        resultPoints = List.of();
        if (selectedTest == null || selectedTest.isBlank()) {
            return;
        }
        try {
            resultPoints = sharedRecord.results(patientView.getNhsNumber(), selectedTest);
            resultsChart = ResultsChart.lineChart(selectedTest, resultPoints);
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.refusedFields(e).forEach(error -> FieldMessages.error(null, error.message()));
        } catch (AccessDeniedException | PatientNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    /** The charted results as a table, newest first: the same data for those who cannot see the chart. */
    public List<ResultPoint> getResultPoints() {
        return resultPoints.stream().sorted(Comparator.comparing(ResultPoint::reportedAt).reversed()).toList();
    }

    /** A stored number as written: 140, 0.7, 3.5 (not 140.0000); empty for none. */
    public String plain(BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }

    /** A code as a word a reader expects: BLOOD_TEST → "Blood test"; empty for none. */
    public String words(Enum<?> code) {
        if (code == null) {
            return "";
        }
        String phrase = Codes.phrase(code);
        return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }

    /** What this user may add to the record from here. */
    public List<EntryKind> getRecordableKinds() {
        return signedInUser.getProfile() == null ? List.of() : EntryKind.addableFromTheRecordBy(signedInUser.getProfile().role());
    }

    /** Whether this user marks entries "not for patient view": the professionals caring for the patient. */
    public boolean isMayChangePatientView() {
        return signedInUser.getProfile() != null && Resource.PATIENT_VIEW.writableBy(signedInUser.getProfile().role());
    }

    /** What the patient's own view (and their proxies') does with this entry, in words. */
    public String patientViewOf(RecordEntry entry) {
        Instant now = clock.now();
        if (entry.category() == DataCategory.SAFEGUARDING) {
            return "Never shown: safeguarding information stays out of the patient's own view";
        }
        if (entry.hiddenFromPatient()) {
            return "Not shown: marked not for patient view";
        }
        if (entry.releasedToPatientAt() != null && entry.releasedToPatientAt().isAfter(now)) {
            return "Held back until " + UkTimeConverter.format(entry.releasedToPatientAt()) + " (UK time), or until a clinician"
                    + " reviews it";
        }
        return "Shown to the patient";
    }

    /**
     * Marks the entry "not for patient view" (third-party information, or information likely to cause serious harm) or
     * shows it again, then reads the timeline page again so the row says what the patient now sees.
     */
    public void changePatientView(RecordEntry entry, boolean visible) {
        try {
            sharedRecord.showToPatient(patientView.getNhsNumber(), RecordSource.parse(entry.source()), entry.id(),
                    new SharedRecordService.PatientView(visible));
            FieldMessages.info(visible ? "“" + entry.title() + "” is shown in the patient's own view again"
                    : "“" + entry.title() + "” is now left out of the patient's own view and their proxies'");
            timeline = new TimelineDataModel(sharedRecord, patientView.getNhsNumber(), filters(), PAGE_SIZE);
        } catch (AccessDeniedException | PatientNotFoundException | SharedRecordService.EntryNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    public boolean isMayTransfer() {
        return signedInUser.getProfile() != null && EntryKind.TRANSFER_OF_CARE.recordableBy(signedInUser.getProfile().role());
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

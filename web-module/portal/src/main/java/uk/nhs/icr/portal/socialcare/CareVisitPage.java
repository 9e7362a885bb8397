package uk.nhs.icr.portal.socialcare;

import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.web.CommandBinder;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.patient.service.PatientDemographics;
import uk.nhs.icr.patient.service.PatientSearchService;
import uk.nhs.icr.socialcare.service.CarePlanService;
import uk.nhs.icr.socialcare.service.DailyRecordService;
import uk.nhs.icr.socialcare.service.DailyRecordService.NewDailyRecord;
import uk.nhs.icr.socialcare.service.FluidChartService;
import uk.nhs.icr.socialcare.service.IncidentService;
import uk.nhs.icr.socialcare.service.FluidChartService.FluidChartView;
import uk.nhs.icr.socialcare.service.FluidChartService.NewIntake;
import uk.nhs.icr.socialcare.service.HomeCareService;
import uk.nhs.icr.socialcare.service.HomeCareService.CheckOut;
import uk.nhs.icr.socialcare.service.HomeCareService.TaskOutcome;
import uk.nhs.icr.socialcare.service.HomeCareService.VisitView;
import uk.nhs.icr.socialcare.service.MarService;
import uk.nhs.icr.socialcare.service.MarService.MarChartView;
import uk.nhs.icr.socialcare.service.MarService.NewDose;

/**
 * One visit as the care worker works through it on their phone ({@code ?nhsNumber=&visit=}): check in; each task done, or not
 * done with a note; today's doses given, refused or not available (a witness for a controlled drug); drinks; notes and check
 * out. Each action is one service call; a refusal shows beside what it concerns.
 */
@Named
@ViewScoped
public class CareVisitPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    HomeCareService homeCare;

    @Inject
    MarService mar;

    @Inject
    FluidChartService fluids;

    @Inject
    CarePlanService plans;

    @Inject
    IncidentService incidents;

    @Inject
    uk.nhs.icr.socialcare.service.DowntimePackService downtime;

    @Inject
    DailyRecordService records;

    @Inject
    PatientSearchService patients;

    @Inject
    CommandBinder binder;

    @Inject
    UkClock clock;

    private NhsNumber nhsNumber;
    private Long visitId;
    private VisitView visit;
    private String personName;
    private CarePlanService.CarePlanView carePlan;
    private boolean opened;
    private final Map<String, String> daily = new HashMap<>();
    private final Map<String, String> incident = new HashMap<>();
    private MarChartView chart;
    private FluidChartView fluidChart;
    private final Map<Integer, String> taskNotes = new HashMap<>();
    private final Map<String, String> doseNotes = new HashMap<>();
    private final Map<String, String> witnesses = new HashMap<>();
    private final Map<String, String> drink = new HashMap<>();
    private String visitNotes;

    public void load() {
        visit = null;
        opened = false;
        if (nhsNumber == null) {
            FieldMessages.error(null, "Open a visit or a resident from your round");
            return;
        }
        try {
            // a home-care visit (?visit=), or a care home's resident, who has no visits
            if (visitId != null) {
                visit = homeCare.visit(nhsNumber, visitId);
                personName = visit.personName();
            } else {
                PatientDemographics person = patients.find(nhsNumber);
                personName = person.givenName() + " " + person.familyName();
            }
            chart = mar.chartOf(nhsNumber, clock.today());
            fluidChart = fluids.chartOf(nhsNumber, clock.today());
            carePlan = currentPlan();
            opened = true;
        } catch (AccessDeniedException | ResourceNotFoundException e) {
            visit = null;
            FieldMessages.error(null, e.getMessage());
        }
    }

    private CarePlanService.CarePlanView currentPlan() {
        try {
            return plans.current(nhsNumber);
        } catch (CarePlanService.NoCarePlanException e) {
            return null;
        }
    }

    /** A daily note, or a change of position ({@code kind} note or repositioning), from the page's small form. */
    public void addDailyRecord(String kind) {
        Map<String, Object> fields = new LinkedHashMap<>(daily);
        fields.put("kind", kind);
        act(() -> {
            records.record(nhsNumber, binder.bind(NewDailyRecord.class, fields));
            FieldMessages.info(kind.equals("note") ? "Note recorded" : "Repositioning recorded");
            daily.clear();
        }, "daily");
    }

    public void checkIn() {
        act(() -> {
            homeCare.checkIn(nhsNumber, visitId);
            FieldMessages.info("Checked in");
        });
    }

    public void taskDone(int position) {
        recordTask(position, true);
    }

    public void taskNotDone(int position) {
        recordTask(position, false);
    }

    private void recordTask(int position, boolean done) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("done", done);
        fields.put("note", taskNotes.get(position));
        act(() -> homeCare.recordTask(nhsNumber, visitId, position, binder.bind(TaskOutcome.class, fields)), null);
    }

    /** A dose due at {@code dueAt} (null for as required) of this medicine, with this outcome. */
    public void recordDose(long medicine, Instant dueAt, String outcome) {
        String key = doseKey(medicine, dueAt);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("careMedicine", medicine);
        fields.put("dueAt", dueAt == null ? null : dueAt.toString());
        fields.put("outcome", outcome);
        fields.put("witness", witnesses.get(key));
        fields.put("note", doseNotes.get(key));
        act(() -> {
            mar.record(nhsNumber, binder.bind(NewDose.class, fields));
            doseNotes.remove(key);
            witnesses.remove(key);
            FieldMessages.info("Dose recorded: " + outcome.replace('-', ' '));
        }, null);
    }

    /**
     * An incident from the form: what happened, the harm, what was seen and done, the places marked on the body map
     * ({@code side:x:y;...}), whether the CQC must be told and whether it is a safeguarding concern; it happened now.
     */
    public void reportIncident() {
        Map<String, Object> fields = new LinkedHashMap<>(incident);
        fields.remove("marks");
        List<Map<String, String>> marks = new java.util.ArrayList<>();
        String drawn = incident.get("marks");
        for (String mark : drawn == null || drawn.isBlank() ? new String[0] : drawn.split(";")) {
            String[] parts = mark.split(":");
            if (parts.length == 3) {
                marks.add(Map.of("side", parts[0], "x", parts[1], "y", parts[2]));
            }
        }
        fields.put("bodyMap", marks);
        fields.put("occurredAt", clock.now().toString());
        act(() -> {
            IncidentService.IncidentView reported = incidents.report(nhsNumber, binder.bind(IncidentService.NewIncident.class, fields));
            FieldMessages.info("Incident recorded" + (reported.safeguardingConcernId() == null ? ""
                    : ", and a safeguarding concern raised in the shared record"));
            incident.clear();
        }, "incident");
    }

    /** The downtime pack, to print before an outage: the care plan and the next 24 hours of the MAR chart. */
    public void downloadDowntimePack() throws java.io.IOException {
        byte[] pdf = downtime.pdf(nhsNumber);
        jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
        jakarta.faces.context.ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/pdf");
        external.setResponseContentLength(pdf.length);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"downtime-pack.pdf\"");
        try (java.io.OutputStream out = external.getResponseOutputStream()) {
            out.write(pdf);
        }
        faces.responseComplete();
    }

    public void addDrink() {
        act(() -> {
            fluids.recordIntake(nhsNumber, binder.bind(NewIntake.class, drink));
            FieldMessages.info(drink.get("amountMl") + " ml of " + drink.get("drink") + " recorded");
            drink.clear();
        }, "drink");
    }

    public void checkOut() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("notes", visitNotes);
        act(() -> {
            homeCare.checkOut(nhsNumber, visitId, binder.bind(CheckOut.class, fields));
            FieldMessages.info("Visit completed and written to the record");
            visitNotes = null;
        }, "checkOut");
    }

    private void act(Runnable action) {
        act(action, null);
    }

    /**
     * Runs an action and shows what refused it: beside the field in a form of the page ({@code formId}); at the top for the forms
     * repeated per task and per dose (null), whose inputs have no fixed id to put a message beside.
     */
    private void act(Runnable action, String formId) {
        try {
            action.run();
        } catch (InvalidInputException | ConstraintViolationException e) {
            if (formId == null) {
                FieldMessages.refusedFields(e).forEach(error -> FieldMessages.error(null, error.message()));
            } else {
                FieldMessages.show(formId, FIELDS, e);
            }
        } catch (ConflictException | AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
        load();
    }

    static final Set<String> FIELDS = Set.of("note", "witness", "amountMl", "drink", "takenAt", "notes", "position", "kind", "severity",
            "description", "actionsTaken", "safeguardingCategory");

    /** The key a dose's note and witness are kept under while the page is open. */
    public String doseKey(long medicine, Instant dueAt) {
        return medicine + "@" + (dueAt == null ? "prn" : dueAt.toString());
    }

    public boolean isInProgress() {
        return visit != null && "in-progress".equals(visit.status());
    }

    /** Doses, drinks and notes are recorded during a visit, or at any time for a care home's resident. */
    public boolean isWorking() {
        return opened && (visit == null || isInProgress());
    }

    public boolean isPlanned() {
        return visit != null && "planned".equals(visit.status());
    }

    public NhsNumber getNhsNumber() { return nhsNumber; }
    public void setNhsNumber(NhsNumber nhsNumber) { this.nhsNumber = nhsNumber; }
    public Long getVisit() { return visitId; }
    public void setVisit(Long visit) { this.visitId = visit; }
    public VisitView getVisitView() { return visit; }
    public boolean isOpened() { return opened; }
    public String getPersonName() { return personName; }
    public CarePlanService.CarePlanView getCarePlan() { return carePlan; }
    public Map<String, String> getDaily() { return daily; }
    public Map<String, String> getIncident() { return incident; }
    public List<String> getIncidentKinds() { return codes(uk.nhs.icr.socialcare.Incident.Kind.values()); }
    public List<String> getSeverities() { return codes(uk.nhs.icr.socialcare.Incident.Severity.values()); }

    private static List<String> codes(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(uk.nhs.icr.platform.Codes::of).toList();
    }
    public List<String> getPositions() { return List.of("left-side", "right-side", "back", "sitting", "standing"); }
    public MarChartView getChart() { return chart; }
    public FluidChartView getFluidChart() { return fluidChart; }
    public Map<Integer, String> getTaskNotes() { return taskNotes; }
    public Map<String, String> getDoseNotes() { return doseNotes; }
    public Map<String, String> getWitnesses() { return witnesses; }
    public Map<String, String> getDrink() { return drink; }
    public String getVisitNotes() { return visitNotes; }
    public void setVisitNotes(String visitNotes) { this.visitNotes = visitNotes; }
    public List<Integer> getDrinkSizes() { return List.of(50, 100, 150, 200, 250, 300); }
}

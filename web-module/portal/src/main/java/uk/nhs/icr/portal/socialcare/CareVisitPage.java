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
import uk.nhs.icr.socialcare.service.FluidChartService;
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
    CommandBinder binder;

    @Inject
    UkClock clock;

    private NhsNumber nhsNumber;
    private Long visitId;
    private VisitView visit;
    private MarChartView chart;
    private FluidChartView fluidChart;
    private final Map<Integer, String> taskNotes = new HashMap<>();
    private final Map<String, String> doseNotes = new HashMap<>();
    private final Map<String, String> witnesses = new HashMap<>();
    private final Map<String, String> drink = new HashMap<>();
    private String visitNotes;

    public void load() {
        visit = null;
        if (nhsNumber == null || visitId == null) {
            FieldMessages.error(null, "Open a visit from your round");
            return;
        }
        try {
            visit = homeCare.visit(nhsNumber, visitId);
            chart = mar.chartOf(nhsNumber, clock.today());
            fluidChart = fluids.chartOf(nhsNumber, clock.today());
        } catch (AccessDeniedException | ResourceNotFoundException e) {
            visit = null;
            FieldMessages.error(null, e.getMessage());
        }
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
        act(() -> homeCare.recordTask(nhsNumber, visitId, position, binder.bind(TaskOutcome.class, fields)), "task" + position);
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
        }, "dose");
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

    private void act(Runnable action, String formId) {
        try {
            action.run();
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.show(formId, FIELDS, e);
        } catch (ConflictException | AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
        load();
    }

    static final Set<String> FIELDS = Set.of("note", "witness", "amountMl", "drink", "takenAt", "notes");

    /** The key a dose's note and witness are kept under while the page is open. */
    public String doseKey(long medicine, Instant dueAt) {
        return medicine + "@" + (dueAt == null ? "prn" : dueAt.toString());
    }

    public boolean isInProgress() {
        return visit != null && "in-progress".equals(visit.status());
    }

    public boolean isPlanned() {
        return visit != null && "planned".equals(visit.status());
    }

    public NhsNumber getNhsNumber() { return nhsNumber; }
    public void setNhsNumber(NhsNumber nhsNumber) { this.nhsNumber = nhsNumber; }
    public Long getVisit() { return visitId; }
    public void setVisit(Long visit) { this.visitId = visit; }
    public VisitView getVisitView() { return visit; }
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

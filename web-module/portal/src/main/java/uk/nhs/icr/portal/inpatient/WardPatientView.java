package uk.nhs.icr.portal.inpatient;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.inpatient.service.AdmissionPlanService;
import uk.nhs.icr.inpatient.service.AdmissionPlanService.AdmissionPlan;
import uk.nhs.icr.inpatient.service.AdmissionPlanService.NewAdmissionPlan;
import uk.nhs.icr.inpatient.service.AdmissionPlanService.NewTask;
import uk.nhs.icr.inpatient.service.PrescribingService;
import uk.nhs.icr.inpatient.service.PrescribingService.CheckOutcome;
import uk.nhs.icr.inpatient.service.PrescribingService.NewPrescription;
import uk.nhs.icr.inpatient.service.PrescribingService.PrescriptionList;
import uk.nhs.icr.inpatient.service.PrescribingService.StopPrescription;
import uk.nhs.icr.inpatient.service.ReconciliationService;
import uk.nhs.icr.inpatient.service.ReconciliationService.ReconcileMedicine;
import uk.nhs.icr.inpatient.service.ReconciliationService.Reconciliation;
import uk.nhs.icr.inpatient.service.WardChartService;
import uk.nhs.icr.inpatient.service.WardChartService.ChartLine;
import uk.nhs.icr.inpatient.service.WardChartService.DueDose;
import uk.nhs.icr.inpatient.service.WardChartService.MedicinesChart;
import uk.nhs.icr.inpatient.service.WardChartService.NewDose;
import uk.nhs.icr.inpatient.service.WardService;
import uk.nhs.icr.inpatient.service.WardService.DischargePlan;
import uk.nhs.icr.inpatient.service.WardService.Placement;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.web.CommandBinder;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.terminology.service.TerminologyService;
import uk.nhs.icr.terminology.service.TerminologyService.MedicineTerm;

/**
 * A patient on the ward ({@code ?nhsNumber=&admission=}): today's medicines chart as a grid of medicines by due time, the
 * prescribing form with its checks shown as the prescriber goes, the prescriptions, the admission's plan and tasks, and the
 * medicines reconciliation. Each action calls one service; refusals appear beside the field or at the top.
 */
@Named
@ViewScoped
public class WardPatientView implements Serializable {

    private static final long serialVersionUID = 1L;

    static final Set<String> PRESCRIPTION_FIELDS = Set.of("medicine", "kind", "dose", "route", "timesOfDay", "minimumIntervalMinutes",
            "mostPer24Hours", "startsAt", "endsAt", "reviewOn", "indication", "category", "overrideReason");
    static final Set<String> PLAN_FIELDS = Set.of("problem", "goals", "interventions", "reviewOn");
    static final Set<String> TASK_FIELDS = Set.of("title", "kind", "ownerRole", "dueAt");
    static final Set<String> STAY_FIELDS = Set.of("ward", "bed", "expectedDischarge", "dischargeCriteria", "medicallyFit");

    @Inject
    WardChartService charts;

    @Inject
    PrescribingService prescribing;

    @Inject
    AdmissionPlanService plans;

    @Inject
    ReconciliationService reconciliations;

    @Inject
    WardService wards;

    @Inject
    TerminologyService terminology;

    @Inject
    CommandBinder binder;

    @Inject
    UkClock clock;

    private NhsNumber nhsNumber;
    private Long admission;
    private java.time.LocalDate date;
    private MedicinesChart chart;
    private PrescriptionList prescriptions;
    private AdmissionPlan plan;
    private Reconciliation reconciliation;
    private CheckOutcome checked;
    private MedicineTerm pickedMedicine;

    private final Map<String, String> rx = new HashMap<>();
    private final Map<String, String> planForm = new HashMap<>();
    private final Map<String, String> task = new HashMap<>();
    private final Map<String, String> stay = new HashMap<>();
    private final Map<String, String> doseReasons = new HashMap<>();
    private final Map<String, String> doseNotes = new HashMap<>();
    private final Map<String, String> witnesses = new HashMap<>();
    private final Map<String, String> witnessPasswords = new HashMap<>();
    private final Map<Long, String> stopReasons = new HashMap<>();
    private final Map<String, String> decisions = new HashMap<>();
    private final Map<String, String> decisionReasons = new HashMap<>();
    private final Map<String, String> decisionPrescriptions = new HashMap<>();

    public void load() {
        if (nhsNumber == null || admission == null) {
            FieldMessages.error(null, "Open this page from the ward list: the patient or the admission is missing");
            return;
        }
        try {
            chart = charts.chartOf(nhsNumber, admission, getDate());
            prescriptions = prescribing.prescriptionsOf(nhsNumber, admission);
            plan = plans.planOf(nhsNumber, admission);
            // the discharge form shows what is recorded, so changing one field keeps the others
            stay.putIfAbsent("expectedDischarge", plan.expectedDischarge() == null ? null : plan.expectedDischarge().toString());
            stay.putIfAbsent("dischargeCriteria", plan.dischargeCriteria());
            stay.putIfAbsent("medicallyFit", Boolean.toString(plan.medicallyFit()));
            reconciliation = reconciliations.reconciliationOf(nhsNumber, admission);
        } catch (AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
            chart = null;
        }
    }

    /** Runs one service call and shows what refused it, beside the field of {@code formId} or (null) at the top; then reloads. */
    private boolean act(Runnable action, String formId, Set<String> fields) {
        try {
            action.run();
            load();
            return true;
        } catch (InvalidInputException | ConstraintViolationException e) {
            if (formId == null) {
                FieldMessages.refusedFields(e).forEach(error -> FieldMessages.error(null, error.message()));
            } else {
                FieldMessages.show(formId, fields, e);
            }
        } catch (ConflictException | AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
        load();
        return false;
    }

    // ---- the medicines chart

    /** The times of day doses fall due today, across the chart: the grid's columns. */
    public List<LocalTime> getDoseTimes() {
        if (chart == null) {
            return List.of();
        }
        TreeSet<LocalTime> times = new TreeSet<>();
        chart.lines().forEach(line -> line.due().forEach(d -> times.add(LocalTime.ofInstant(d.dueAt(), UkClock.ZONE))));
        return List.copyOf(times);
    }

    /** The dose of a line due at a time of day today, or null when none is. */
    public DueDose due(ChartLine line, LocalTime time) {
        return line.due().stream().filter(d -> LocalTime.ofInstant(d.dueAt(), UkClock.ZONE).equals(time)).findFirst().orElse(null);
    }

    public String doseKey(long prescription, Instant dueAt) {
        return prescription + "@" + (dueAt == null ? "prn" : dueAt.toString());
    }

    /** Records a dose: given, not given (with the reason chosen) or delayed (with the note); as required when dueAt is null. */
    public void recordDose(long prescription, Instant dueAt, String outcome) {
        String key = doseKey(prescription, dueAt);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("prescriptionId", prescription);
        fields.put("dueAt", dueAt == null ? null : dueAt.toString());
        fields.put("outcome", outcome);
        fields.put("reason", "not-given".equals(outcome) ? blankToNull(doseReasons.get(key)) : null);
        fields.put("note", blankToNull(doseNotes.get(key)));
        fields.put("witness", "given".equals(outcome) ? blankToNull(witnesses.get(key)) : null);
        fields.put("witnessPassword", "given".equals(outcome) ? blankToNull(witnessPasswords.get(key)) : null);
        witnessPasswords.remove(key);
        if (act(() -> charts.record(nhsNumber, binder.bind(NewDose.class, fields)), null, Set.of())) {
            doseReasons.remove(key);
            doseNotes.remove(key);
            witnesses.remove(key);
            FieldMessages.info("Dose recorded: " + outcome.replace('-', ' '));
        }
    }

    // ---- prescribing

    public List<String> completeMedicine(String typed) {
        return terminology.medicines(typed).stream().map(MedicineTerm::name).toList();
    }

    /** A formulary medicine was picked: its route fills in and the dose is asked for in its unit. */
    public void medicineChosen() {
        terminology.medicine(rx.getOrDefault("medicine", "")).ifPresent(medicine -> {
            rx.put("route", medicine.route());
            pickedMedicine = medicine;
        });
        checked = null;
    }

    public String getDoseUnit() {
        return pickedMedicine != null && pickedMedicine.name().equals(rx.get("medicine")) ? pickedMedicine.doseUnit() : null;
    }

    /** The checks for the prescription as typed so far (nothing written). */
    public void check() {
        checked = null;
        act(() -> checked = prescribing.check(nhsNumber, binder.bind(NewPrescription.class, prescriptionFields())), "prescribe",
                PRESCRIPTION_FIELDS);
    }

    public void prescribe() {
        if (act(() -> prescribing.prescribe(nhsNumber, binder.bind(NewPrescription.class, prescriptionFields())), "prescribe",
                PRESCRIPTION_FIELDS)) {
            FieldMessages.info(rx.get("medicine") + " prescribed");
            rx.clear();
            checked = null;
            pickedMedicine = null;
        }
    }

    private Map<String, Object> prescriptionFields() {
        Map<String, Object> fields = new LinkedHashMap<>(rx);
        fields.put("admissionId", admission);
        String times = rx.get("timesOfDay");
        fields.put("timesOfDay", times == null || times.isBlank() ? null : Arrays.asList(times.trim().split("[\\s,]+")));
        fields.values().removeIf(value -> value instanceof String text && text.isBlank());
        return fields;
    }

    public void stop(long prescription) {
        if (act(() -> prescribing.stop(nhsNumber, prescription, new StopPrescription(stopReasons.get(prescription))), null, Set.of())) {
            FieldMessages.info("Prescription stopped");
        }
    }

    // ---- the stay and the plan

    public void place() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ward", stay.get("ward"));
        fields.put("bed", stay.get("bed"));
        if (act(() -> wards.place(nhsNumber, admission, binder.bind(Placement.class, fields)), "stay", STAY_FIELDS)) {
            FieldMessages.info("Moved");
        }
    }

    public void planDischarge() {
        Map<String, Object> fields = new LinkedHashMap<>(stay);
        fields.remove("ward");
        fields.remove("bed");
        fields.values().removeIf(value -> value instanceof String text && text.isBlank());
        if (act(() -> wards.planDischarge(nhsNumber, admission, binder.bind(DischargePlan.class, fields)), "discharge", STAY_FIELDS)) {
            FieldMessages.info("Discharge plan recorded");
        }
    }

    public void writePlan() {
        if (act(() -> plans.writePlan(nhsNumber, admission, binder.bind(NewAdmissionPlan.class, planForm)), "plan", PLAN_FIELDS)) {
            FieldMessages.info("Plan recorded");
            planForm.clear();
        }
    }

    public void addTask() {
        if (act(() -> plans.addTask(nhsNumber, admission, binder.bind(NewTask.class, task)), "task", TASK_FIELDS)) {
            FieldMessages.info("Task added");
            task.clear();
        }
    }

    public void completeTask(long taskId) {
        if (act(() -> plans.completeTask(nhsNumber, admission, taskId), null, Set.of())) {
            FieldMessages.info("Task done");
        }
    }

    // ---- reconciliation

    public String itemKey(String source, long sourceId) {
        return source + ":" + sourceId;
    }

    public void decide(String source, long sourceId) {
        String key = itemKey(source, sourceId);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("source", source);
        fields.put("sourceId", sourceId);
        fields.put("decision", blankToNull(decisions.get(key)));
        fields.put("reason", blankToNull(decisionReasons.get(key)));
        fields.put("prescriptionId", blankToNull(decisionPrescriptions.get(key)));
        if (act(() -> reconciliations.decide(nhsNumber, admission, binder.bind(ReconcileMedicine.class, fields)), null, Set.of())) {
            FieldMessages.info("Decided");
        }
    }

    public void completeReconciliation() {
        if (act(() -> reconciliations.complete(nhsNumber, admission), null, Set.of())) {
            FieldMessages.info("Medicines reconciliation complete");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public NhsNumber getNhsNumber() { return nhsNumber; }
    public void setNhsNumber(NhsNumber nhsNumber) { this.nhsNumber = nhsNumber; }
    public Long getAdmission() { return admission; }
    /** The day of the chart shown: today unless another is asked for ({@code ?date=}). */
    public java.time.LocalDate getDate() { return date == null ? clock.today() : date; }
    public void setDate(java.time.LocalDate date) { this.date = date; }
    public boolean isToday() { return getDate().equals(clock.today()); }
    public void setAdmission(Long admission) { this.admission = admission; }
    public MedicinesChart getChart() { return chart; }
    public PrescriptionList getPrescriptions() { return prescriptions; }
    public AdmissionPlan getPlan() { return plan; }
    public Reconciliation getReconciliation() { return reconciliation; }
    public CheckOutcome getChecked() { return checked; }
    public Map<String, String> getRx() { return rx; }
    public Map<String, String> getPlanForm() { return planForm; }
    public Map<String, String> getTask() { return task; }
    public Map<String, String> getStay() { return stay; }
    public Map<String, String> getDoseReasons() { return doseReasons; }
    public Map<String, String> getDoseNotes() { return doseNotes; }
    public Map<String, String> getWitnesses() { return witnesses; }
    public Map<String, String> getWitnessPasswords() { return witnessPasswords; }
    public Map<Long, String> getStopReasons() { return stopReasons; }
    public Map<String, String> getDecisions() { return decisions; }
    public Map<String, String> getDecisionReasons() { return decisionReasons; }
    public Map<String, String> getDecisionPrescriptions() { return decisionPrescriptions; }
}

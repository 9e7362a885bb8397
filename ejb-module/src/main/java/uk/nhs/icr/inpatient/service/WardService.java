package uk.nhs.icr.inpatient.service;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDecidedInside;
import uk.nhs.icr.access.service.AccessDecision;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.PracticeLists;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.hospital.Encounter;
import uk.nhs.icr.hospital.HospitalRecordRepository;
import uk.nhs.icr.hospital.TreatmentPlan;
import uk.nhs.icr.inpatient.DoseAdministration;
import uk.nhs.icr.inpatient.InpatientStay;
import uk.nhs.icr.inpatient.Prescription;
import uk.nhs.icr.inpatient.Ward;
import uk.nhs.icr.inpatient.WardRecords;
import uk.nhs.icr.inpatient.WardTask;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.sharedrecord.DataCategory;

/**
 * The ward: where an admitted patient is (ward and bed), their expected date of discharge and whether they are medically
 * fit, and the ward list a nurse in charge works from: each patient with their plan's state, medicines reconciliation,
 * overdue doses and tasks, and every overdue dose (time-critical ones first) and task on the ward. The list is its trust's own staff's, and each
 * patient on it is audited as read.
 */
@Stateless
public class WardService {

    public record WardView(String code, String name, String organisation) implements Serializable {

        static WardView of(Ward ward) {
            return new WardView(ward.code(), ward.name(), ward.organisation().value());
        }
    }

    /** Puts an admitted patient on a ward (or moves them): the ward's code at the trust, and the bed. */
    public record Placement(@Required @Pattern(regexp = "[A-Za-z0-9-]{1,20}", message = "is a ward code such as OAK") @Label("ward") String ward,
                            @Text(max = 20) String bed) {
    }

    /** When the patient is expected to go home, on what criteria, and whether they are medically fit now. */
    public record DischargePlan(@Label("expected date of discharge") LocalDate expectedDischarge,
                                @Text(max = 1000) @Label("discharge criteria") String dischargeCriteria,
                                Boolean medicallyFit) {
    }

    public record StayView(long admissionId, String ward, String wardName, String bed, Instant placedAt, LocalDate expectedDischarge,
                           String dischargeCriteria, boolean medicallyFit, Instant reconciledAt) implements Serializable {

        static StayView of(InpatientStay stay) {
            return new StayView(stay.admissionId(), stay.ward().code(), stay.ward().name(), stay.bed(), stay.placedAt(),
                    stay.expectedDischarge(), stay.dischargeCriteria(), stay.medicallyFit(), stay.reconciledAt());
        }
    }

    /** A dose due and not given, past the ward's rule for it. */
    public record OverdueDose(String nhsNumber, String patientName, String bed, long admissionId, long prescriptionId, String medicine,
                              Instant dueAt, long minutesLate, boolean timeCritical) implements Serializable {
    }

    /** A task of a patient's plan not done by its due time. */
    public record OverdueTask(String nhsNumber, String patientName, String bed, long admissionId, long taskId, String title,
                              String ownerRole, Instant dueAt, long minutesLate) implements Serializable {
    }

    /**
     * A patient on the ward list. {@code plan} is the problem the plan in force is for (null: no plan), {@code planStatus} one of
     * "no plan", "in place" or "review due"; {@code reconciliation} "to do" or "done".
     */
    public record WardPatient(String nhsNumber, String name, String bed, long admissionId, Instant admittedAt, String reason,
                              String plan, String planStatus, LocalDate expectedDischarge, String dischargeCriteria,
                              boolean medicallyFit, String reconciliation, int activePrescriptions, int overdueDoses, int openTasks,
                              int overdueTasks) implements Serializable {
    }

    public record WardList(WardView ward, Instant at, List<WardPatient> patients, List<OverdueDose> overdueDoses,
                           List<OverdueTask> overdueTasks) implements Serializable {
    }

    @Inject
    WardRecords records;

    @Inject
    HospitalRecordRepository hospital;

    @Inject
    Admissions admissions;

    @Inject
    PracticeLists lists;

    @Inject
    WardRules rules;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    UkClock clock;

    /** The wards of the caller's trust. */
    @AccessDecidedInside("reference data of the caller's own organisation, no patient")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<WardView> wards() {
        return records.wardsOf(currentCaller.require().organisation()).stream().map(WardView::of).toList();
    }

    /** Puts the patient of an open admission at the caller's trust on one of its wards, or moves them to another ward or bed. */
    @PatientDataAccess(resource = Resource.WARD_STAY, action = AuditAction.WRITE)
    public StayView place(NhsNumber patient, long admissionId, @Valid Placement placement) {
        Encounter admission = admissions.openHere(patient, admissionId, "place them on its wards");
        Ward ward = records.ward(admission.organisation(), placement.ward().strip())
                .orElseThrow(() -> InvalidInputException.of("ward", "not a ward of " + admission.organisation().value()));
        String bed = placement.bed() == null || placement.bed().isBlank() ? null : placement.bed().strip();
        Instant now = clock.now();
        InpatientStay stay = records.stay(admission.id()).orElse(null);
        if (stay == null) {
            stay = new InpatientStay(admission.id(), patient, ward, bed, now);
            records.add(stay);
        } else {
            stay.moveTo(ward, bed, now);
        }
        return StayView.of(stay);
    }

    /** Records the expected date of discharge, the criteria for it and whether the patient is medically fit. */
    @PatientDataAccess(resource = Resource.WARD_STAY, action = AuditAction.WRITE)
    public StayView planDischarge(NhsNumber patient, long admissionId, @Valid DischargePlan plan) {
        Encounter admission = admissions.openHere(patient, admissionId, "place them on its wards");
        InpatientStay stay = records.stay(admission.id())
                .orElseThrow(() -> InvalidInputException.of("admissionId", "put the patient on a ward first"));
        if (plan.expectedDischarge() != null && plan.expectedDischarge().isBefore(LocalDate.ofInstant(admission.occurredAt(), UkClock.ZONE))) {
            throw InvalidInputException.of("expectedDischarge", "must be on or after the day of admission");
        }
        String criteria = plan.dischargeCriteria() == null || plan.dischargeCriteria().isBlank() ? null : plan.dischargeCriteria().strip();
        stay.planDischarge(plan.expectedDischarge(), criteria, Boolean.TRUE.equals(plan.medicallyFit()));
        return StayView.of(stay);
    }

    /**
     * The ward list at {@code at} (now when absent; never ahead of now): every patient on the ward with their expected discharge,
     * medically fit, reconciliation and overdue doses, and the ward's overdue doses, time-critical first and then the latest.
     * A medicine in a category other than general is named on the list as "a medicine" (its chart says what it is, to those
     * the patient's consent allows). A fixed number of queries, whatever the number of patients.
     */
    @AccessDecidedInside("the ward's own list for its trust's nurses and clinicians, each patient listed audited as read")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public WardList wardList(WardCode code, Instant at) {
        Caller caller = currentCaller.require();
        if (caller.isPatient() || !(caller.hasRole(StaffRole.NURSE) || caller.hasRole(StaffRole.HOSPITAL_CLINICIAN))) {
            throw new AccessDeniedException("A ward list is for the trust's nurses and clinicians", false);
        }
        Ward ward = records.ward(caller.organisation(), code.value()).orElseThrow(WardNotFoundException::new);
        Instant now = clock.now();
        Instant when = at == null || at.isAfter(now) ? now : at;
        List<InpatientStay> stays = records.openStaysOn(ward);
        List<Long> admissionIds = stays.stream().map(InpatientStay::admissionId).toList();
        Map<Long, Encounter> admissions = hospital.encounters(admissionIds).stream()
                .collect(Collectors.toMap(Encounter::id, Function.identity()));
        Map<NhsNumber, String> names = lists.namesShown(caller, stays.stream().map(InpatientStay::patient).toList(), Resource.WARD_LIST,
                AccessDecision.Purpose.DIRECT_CARE, PracticeLists.PracticeList.WARD_LIST);
        List<Prescription> prescriptions = records.prescriptionsOf(admissionIds);
        Instant from = when.minus(rules.lookBack());
        Map<Long, List<DoseAdministration>> doses = records.dosesOf(prescriptions.stream().map(Prescription::id).toList(), from, when)
                .stream().collect(Collectors.groupingBy(DoseAdministration::prescriptionId));
        Map<Long, InpatientStay> stayByAdmission = stays.stream().collect(Collectors.toMap(InpatientStay::admissionId, Function.identity()));

        List<OverdueDose> overdue = new ArrayList<>();
        for (Prescription p : prescriptions) {
            InpatientStay stay = stayByAdmission.get(p.admissionId());
            Map<Instant, DoseAdministration> recorded = doses.getOrDefault(p.id(), List.of()).stream()
                    .collect(Collectors.toMap(DoseAdministration::dueAt, Function.identity(), (a, b) -> a));
            for (Instant due : p.dosesDue(from, when, UkClock.ZONE)) {
                DoseAdministration line = recorded.get(due);
                // as the chart stood at that moment: a dose recorded since was still open then
                boolean open = line == null || line.outcome() == DoseAdministration.Outcome.DELAYED || line.recordedAt().isAfter(when);
                if (open && rules.overdue(p.medicine().timeCritical(), due, when)) {
                    overdue.add(new OverdueDose(stay.patient().value(), names.get(stay.patient()), stay.bed(), p.admissionId(), p.id(),
                            p.category() == DataCategory.GENERAL ? p.medicine().name() : "A medicine (see the chart)", due,
                            Duration.between(due, when).toMinutes(), p.medicine().timeCritical()));
                }
            }
        }
        overdue.sort(Comparator.comparing(OverdueDose::timeCritical).reversed().thenComparing(OverdueDose::dueAt));
        Map<String, Long> overdueByPatient = overdue.stream().collect(Collectors.groupingBy(OverdueDose::nhsNumber, Collectors.counting()));
        Map<Long, Long> activeByAdmission = prescriptions.stream().filter(p -> p.isActiveAt(when))
                .collect(Collectors.groupingBy(Prescription::admissionId, Collectors.counting()));

        Map<Long, TreatmentPlan> plans = records.plansOf(admissionIds).stream()
                .collect(Collectors.toMap(TreatmentPlan::admissionId, Function.identity(), (a, b) -> a));
        // a task done after the moment the list is for was still open then
        List<WardTask> openTasks = records.tasksOf(admissionIds).stream()
                .filter(t -> t.doneAt() == null || t.doneAt().isAfter(when)).toList();
        List<OverdueTask> overdueTasks = openTasks.stream().filter(t -> t.dueAt().isBefore(when)).map(t -> {
            InpatientStay stay = stayByAdmission.get(t.admissionId());
            return new OverdueTask(stay.patient().value(), names.get(stay.patient()), stay.bed(), t.admissionId(), t.id(), t.title(),
                    Codes.of(t.ownerRole()), t.dueAt(), Duration.between(t.dueAt(), when).toMinutes());
        }).toList();
        Map<Long, Long> openByAdmission = openTasks.stream().collect(Collectors.groupingBy(WardTask::admissionId, Collectors.counting()));
        Map<String, Long> overdueTasksByPatient = overdueTasks.stream()
                .collect(Collectors.groupingBy(OverdueTask::nhsNumber, Collectors.counting()));
        LocalDate today = LocalDate.ofInstant(when, UkClock.ZONE);

        List<WardPatient> patients = stays.stream().map(stay -> {
            Encounter admission = admissions.get(stay.admissionId());
            TreatmentPlan plan = plans.get(stay.admissionId());
            String planStatus = plan == null ? "no plan" : plan.reviewDate() != null && !plan.reviewDate().isAfter(today) ? "review due"
                    : "in place";
            return new WardPatient(stay.patient().value(), names.get(stay.patient()), stay.bed(), stay.admissionId(),
                    admission.occurredAt(), admission.details(), plan == null ? null : plan.title(), planStatus,
                    stay.expectedDischarge(), stay.dischargeCriteria(), stay.medicallyFit(),
                    stay.reconciledAt() == null ? "to do" : "done", activeByAdmission.getOrDefault(stay.admissionId(), 0L).intValue(),
                    overdueByPatient.getOrDefault(stay.patient().value(), 0L).intValue(),
                    openByAdmission.getOrDefault(stay.admissionId(), 0L).intValue(),
                    overdueTasksByPatient.getOrDefault(stay.patient().value(), 0L).intValue());
        }).toList();
        return new WardList(WardView.of(ward), when, patients, overdue, overdueTasks);
    }

    /** A ward code at the caller's trust ("OAK"). */
    public record WardCode(String value) implements Serializable {

        public WardCode {
            if (value == null || !value.strip().matches("[A-Za-z0-9-]{1,20}")) {
                throw new IllegalArgumentException("a ward code is 1 to 20 letters, digits or hyphens");
            }
            value = value.strip();
        }
    }

    public static class WardNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public WardNotFoundException() {
            super("Your organisation has no ward with that code");
        }
    }
}

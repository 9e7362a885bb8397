package uk.nhs.icr.inpatient.service;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.hospital.Encounter;
import uk.nhs.icr.hospital.HospitalRecordRepository;
import uk.nhs.icr.hospital.TreatmentPlan;
import uk.nhs.icr.inpatient.InpatientStay;
import uk.nhs.icr.inpatient.WardRecords;
import uk.nhs.icr.inpatient.WardTask;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.DatabaseFailures;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.validation.Items;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.service.RecordWriter;

/**
 * An admission's electronic treatment plan: the problem, goals and interventions (a TREATMENT_PLAN entry on the record, tied to
 * the admission; a new version supersedes the last), its interventions as ward tasks due at a time and owned by a role, and the
 * expected date of discharge with its criteria (on the stay). Completing a task is one call.
 */
@Stateless
public class AdmissionPlanService {

    public record NewTask(@Required @Text(max = 300) String title,
                          @Required WardTask.Kind kind,
                          @Required @Label("owner role") StaffRole ownerRole,
                          @Required @Label("due at") Instant dueAt) {
    }

    public record NewAdmissionPlan(@Required @Text(max = 300) String problem,
                                   @Required @Text(max = 2000) String goals,
                                   @Text(max = 2000) String interventions,
                                   @Label("review date") LocalDate reviewOn,
                                   @Items(max = 30) List<@Valid NewTask> tasks) {
    }

    public record TaskView(long id, String title, String kind, String ownerRole, Instant dueAt, boolean overdue, Instant doneAt,
                           String doneBy) implements Serializable {

        static TaskView of(WardTask task, Instant now) {
            return new TaskView(task.id(), task.title(), Codes.of(task.kind()), Codes.of(task.ownerRole()), task.dueAt(),
                    task.isOverdueAt(now), task.doneAt(), task.doneByName());
        }
    }

    public record AdmissionPlan(long admissionId, String problem, String goals, String interventions, String responsibleClinician,
                                LocalDate reviewOn, Instant writtenAt, LocalDate expectedDischarge, String dischargeCriteria,
                                boolean medicallyFit, List<TaskView> tasks) implements Serializable {
    }

    @Inject
    WardRecords ward;

    @Inject
    HospitalRecordRepository hospital;

    @Inject
    Admissions admissions;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    RecordWriter writer;

    @Inject
    UkClock clock;

    /** The plan in force, the discharge plan and every task (open ones flagged when overdue). */
    @PatientDataAccess(resource = Resource.TREATMENT_PLAN, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AdmissionPlan planOf(NhsNumber patient, long admissionId) {
        return view(admissions.of(patient, admissionId), clock.now());
    }

    /** A new version of the admission's plan (the last is superseded), with the tasks it sets. */
    @PatientDataAccess(resource = Resource.TREATMENT_PLAN, action = AuditAction.WRITE)
    public AdmissionPlan writePlan(NhsNumber patient, long admissionId, @Valid NewAdmissionPlan plan) {
        Encounter admission = admissions.openHere(patient, admissionId, "keep the plan of the admission");
        EntryAuthor author = writer.author();
        Instant now = clock.now();
        if (plan.reviewOn() != null && plan.reviewOn().isBefore(clock.today())) {
            throw InvalidInputException.of("reviewOn", "must be today or later");
        }
        ward.plansOf(List.of(admission.id())).forEach(TreatmentPlan::supersede);
        try {
            // the last version is superseded before the new one is written: one plan in force per admission (a unique index)
            hospital.flush();
            hospital.add(TreatmentPlan.ofAdmission(admission, plan.problem().strip(), plan.goals().strip(),
                    blankToNull(plan.interventions()), author.name(), plan.reviewOn(), author, now));
            hospital.flush();
        } catch (PersistenceException e) {
            if (DatabaseFailures.isUniqueViolation(e)) {
                throw new PlanChangedException("Someone else wrote a new version of this plan a moment ago: read it, then write yours");
            }
            throw e;
        }
        if (plan.tasks() != null) {
            for (NewTask task : plan.tasks()) {
                ward.add(task(admission, task, author, now));
            }
        }
        hospital.flush();
        return view(admission, now);
    }

    /** Adds a task to the admission's plan. */
    @PatientDataAccess(resource = Resource.WARD_TASK, action = AuditAction.CREATE)
    public TaskView addTask(NhsNumber patient, long admissionId, @Valid NewTask task) {
        Encounter admission = admissions.openHere(patient, admissionId, "keep the plan of the admission");
        Instant now = clock.now();
        WardTask added = task(admission, task, writer.author(), now);
        ward.add(added);
        ward.flush();
        return TaskView.of(added, now);
    }

    /** Marks a task done, by whoever did it, now: one click on the ward. */
    @PatientDataAccess(resource = Resource.WARD_TASK, action = AuditAction.WRITE)
    public TaskView completeTask(NhsNumber patient, long admissionId, long taskId) {
        WardTask task = ward.task(patient, taskId).filter(t -> t.admissionId() == admissionId).orElseThrow(TaskNotFoundException::new);
        admissions.openHere(patient, task.admissionId(), "keep the plan of the admission");
        if (task.doneAt() != null) {
            throw new TaskDoneException("This task was done already, by " + task.doneByName());
        }
        Instant now = clock.now();
        task.complete(writer.author(), now);
        try {
            // two nurses pressing Done at once: the task's version lets one through and tells the other
            ward.flush();
        } catch (OptimisticLockException e) {
            throw new TaskDoneException("This task was done a moment ago by someone else");
        }
        return TaskView.of(task, now);
    }

    private WardTask task(Encounter admission, NewTask task, EntryAuthor author, Instant now) {
        if (task.ownerRole() != StaffRole.NURSE && task.ownerRole() != StaffRole.HOSPITAL_CLINICIAN) {
            throw InvalidInputException.of("ownerRole", "a ward task is a nurse's or a hospital clinician's");
        }
        if (task.dueAt().isBefore(admission.occurredAt())) {
            throw InvalidInputException.of("dueAt", "must be after the admission began");
        }
        return new WardTask(admission.id(), admission.patient(), task.title().strip(), task.kind(), task.ownerRole(), task.dueAt(),
                author.username(), now);
    }

    private AdmissionPlan view(Encounter admission, Instant now) {
        Optional<TreatmentPlan> plan = ward.plansOf(List.of(admission.id())).stream().findFirst();
        Optional<InpatientStay> stay = ward.stay(admission.id());
        List<TaskView> tasks = ward.tasksOf(List.of(admission.id())).stream().map(t -> TaskView.of(t, now)).toList();
        return new AdmissionPlan(admission.id(), plan.map(TreatmentPlan::title).orElse(null), plan.map(TreatmentPlan::goals).orElse(null),
                plan.map(TreatmentPlan::activities).orElse(null), plan.map(TreatmentPlan::responsibleClinician).orElse(null),
                plan.map(TreatmentPlan::reviewDate).orElse(null), plan.map(TreatmentPlan::recordedAt).orElse(null),
                stay.map(InpatientStay::expectedDischarge).orElse(null), stay.map(InpatientStay::dischargeCriteria).orElse(null),
                stay.map(InpatientStay::medicallyFit).orElse(false), tasks);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public static class TaskNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public TaskNotFoundException() {
            super("This patient has no ward task with that id");
        }
    }

    public static class PlanChangedException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public PlanChangedException(String message) {
            super(message);
        }
    }

    public static class TaskDoneException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public TaskDoneException(String message) {
            super(message);
        }
    }
}

package uk.nhs.icr.socialcare;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;

/**
 * A home-care visit on a care worker's rota: who is visited, by whom, when, in which order of the round, and the tasks
 * of the person's care plan it is for. The carer checks in, ticks the tasks and checks out; check-out writes the care
 * visit into the person's record.
 */
@Entity
@Table(name = "planned_visit")
public class PlannedVisit {

    public enum Status { PLANNED, IN_PROGRESS, COMPLETED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_nhs_number", nullable = false, updatable = false)
    private NhsNumber person;

    @Column(name = "provider_ods", nullable = false, updatable = false)
    private OdsCode provider;

    @Column(name = "care_worker_username", nullable = false)
    private String careWorker;

    @Column(name = "care_worker_name", nullable = false)
    private String careWorkerName;

    @Column(name = "planned_start", nullable = false)
    private Instant plannedStart;

    @Column(name = "planned_end", nullable = false)
    private Instant plannedEnd;

    @Column(name = "travel_order", nullable = false)
    private int travelOrder;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private Status status;

    @Column(name = "checked_in_at")
    private Instant checkedInAt;

    @Column(name = "checked_out_at")
    private Instant checkedOutAt;

    @Column(name = "visit_entry_id")
    private Long visitEntryId;

    @Column(name = "planned_by", nullable = false, updatable = false)
    private String plannedBy;

    @Column(name = "planned_at", nullable = false, updatable = false)
    private Instant plannedAt;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    @ElementCollection(fetch = FetchType.LAZY)
    @BatchSize(size = 100)
    @CollectionTable(name = "planned_visit_task", joinColumns = @JoinColumn(name = "visit_id"))
    @OrderColumn(name = "position")
    private List<VisitTask> tasks = new ArrayList<>();

    protected PlannedVisit() {
        // for JPA
    }

    public PlannedVisit(NhsNumber person, OdsCode provider, String careWorker, String careWorkerName, Instant plannedStart,
                        Instant plannedEnd, int travelOrder, List<String> tasks, String plannedBy, Instant plannedAt) {
        this.person = person;
        this.provider = provider;
        this.careWorker = careWorker;
        this.careWorkerName = careWorkerName;
        this.plannedStart = plannedStart;
        this.plannedEnd = plannedEnd;
        this.travelOrder = travelOrder;
        this.status = Status.PLANNED;
        this.plannedBy = plannedBy;
        this.plannedAt = plannedAt;
        tasks.forEach(task -> this.tasks.add(new VisitTask(task)));
    }

    /**
     * The carer arrives. Only a planned visit is checked into, only by the carer it is planned for, and only around its time:
     * from {@code early} before its planned start to {@code late} after its planned end (not next week's, nor one missed days ago).
     */
    public void checkIn(String by, Instant at, java.time.Duration early, java.time.Duration late) {
        requireCarer(by);
        if (status != Status.PLANNED) {
            throw new VisitStateException("this visit is " + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + ": only a planned visit is checked into");
        }
        if (at.isBefore(plannedStart.minus(early)) || at.isAfter(plannedEnd.plus(late))) {
            throw new VisitStateException("this visit is not due now: it is checked into from " + early.toMinutes()
                    + " minutes before its planned start to " + late.toMinutes() + " minutes after its planned end");
        }
        status = Status.IN_PROGRESS;
        checkedInAt = at;
    }

    /** A task of the visit done, or not done with the reason. */
    public void recordTask(String by, int position, boolean done, String note) {
        requireCarer(by);
        requireInProgress("tasks are ticked during the visit: check in first");
        if (position < 1 || position > tasks.size()) {
            throw new VisitStateException("this visit has no task " + position + "; its tasks are 1 to " + tasks.size());
        }
        tasks.get(position - 1).record(done, note);
    }

    /** Whether this carer may check out of the visit now (before its record entry is written); refused in words if not. */
    public void confirmCheckOutBy(String by) {
        requireCarer(by);
        requireInProgress("only a visit checked into is checked out of");
    }

    /** The carer leaves; the visit, its tasks and the carer's notes go into the person's record as {@code entry}. */
    public void checkOut(String by, Instant at, long entry) {
        confirmCheckOutBy(by);
        status = Status.COMPLETED;
        checkedOutAt = at.isBefore(checkedInAt) ? checkedInAt : at;
        visitEntryId = entry;
    }

    public void cancel() {
        if (status != Status.PLANNED) {
            throw new VisitStateException("only a visit not yet started is cancelled");
        }
        status = Status.CANCELLED;
    }

    private void requireCarer(String username) {
        if (!careWorker.equals(username)) {
            throw new VisitStateException("this visit is on another care worker's rota");
        }
    }

    private void requireInProgress(String why) {
        if (status != Status.IN_PROGRESS) {
            throw new VisitStateException(why);
        }
    }

    /** What was done, in words, for the record: "Personal care: done; Lunch: not done (not hungry)". */
    public String tasksInWords() {
        StringBuilder words = new StringBuilder();
        for (VisitTask task : tasks) {
            if (!words.isEmpty()) {
                words.append("; ");
            }
            words.append(task.inWords());
        }
        return words.isEmpty() ? "No tasks planned" : words.toString();
    }

    public Long id() { return id; }
    public NhsNumber person() { return person; }
    public OdsCode provider() { return provider; }
    public String careWorker() { return careWorker; }
    public String careWorkerName() { return careWorkerName; }
    public Instant plannedStart() { return plannedStart; }
    public Instant plannedEnd() { return plannedEnd; }
    public int travelOrder() { return travelOrder; }
    public Status status() { return status; }
    public Instant checkedInAt() { return checkedInAt; }
    public Instant checkedOutAt() { return checkedOutAt; }
    public Long visitEntryId() { return visitEntryId; }
    public List<VisitTask> tasks() { return List.copyOf(tasks); }

    /** A visit cannot go this way now: said in words (a 409). */
    public static class VisitStateException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        public VisitStateException(String why) {
            super(why);
        }
    }
}

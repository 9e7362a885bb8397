package uk.nhs.icr.socialcare;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;

/** A home-care visit: planned against actual times, the tasks done, notes, and who visited. */
@Entity
@DiscriminatorValue(EntryType.Stored.CARE_VISIT)
public class CareVisit extends SocialCareEntry {

    @Column(name = "planned_start")
    private Instant plannedStart;

    @Column(name = "planned_end")
    private Instant plannedEnd;

    @Column(name = "actual_start")
    private Instant actualStart;

    @Column(name = "actual_end")
    private Instant actualEnd;

    @Column(name = "tasks_done")
    private String tasksDone;

    @Column(name = "care_worker")
    private String careWorker;

    protected CareVisit() {
        // for JPA
    }

    public CareVisit(NhsNumber person, Instant plannedStart, Instant plannedEnd, Instant actualStart, Instant actualEnd,
                     String tasksDone, String notes, EntryAuthor author, Instant recordedAt) {
        super(EntryType.CARE_VISIT, person, actualStart, author, recordedAt, "Care visit", EntryStatus.COMPLETED, notes);
        this.plannedStart = plannedStart;
        this.plannedEnd = plannedEnd;
        this.actualStart = actualStart;
        this.actualEnd = actualEnd;
        this.tasksDone = tasksDone;
        this.careWorker = author.name();
    }

    public Instant plannedStart() { return plannedStart; }
    public Instant plannedEnd() { return plannedEnd; }
    public Instant actualStart() { return actualStart; }
    public Instant actualEnd() { return actualEnd; }
    public String tasksDone() { return tasksDone; }
    public String careWorker() { return careWorker; }


    @Override
    public String summary() {
        if (actualStart == null || actualEnd == null) {
            // recorded by another system without the times it happened: say what is known, never fail the record's read
            return joined("Tasks: " + tasksDone, details());
        }
        long late = plannedStart == null ? 0 : Duration.between(plannedStart, actualStart).toMinutes();
        long minutes = Duration.between(actualStart, actualEnd).toMinutes();
        return joined("Tasks: " + tasksDone, minutes + " min" + (late > 0 ? ", " + late + " min late" : ""), details());
    }
}

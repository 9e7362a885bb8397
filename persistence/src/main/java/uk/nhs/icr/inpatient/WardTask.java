package uk.nhs.icr.inpatient;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.sharedrecord.EntryAuthor;

/** An intervention of an admission's plan, as a task: what, due when, whose (a nurse's or a doctor's), and who did it when. */
@Entity
@Table(name = "ward_task")
public class WardTask {

    public enum Kind { OBSERVATIONS, TEST, REVIEW, MEDICINES, THERAPY, DISCHARGE, OTHER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "admission_id", nullable = false, updatable = false)
    private Long admissionId;

    @Column(name = "patient_nhs_number", nullable = false, updatable = false)
    private NhsNumber patient;

    @Column(name = "title", nullable = false, updatable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_role", nullable = false, updatable = false)
    private StaffRole ownerRole;

    @Column(name = "due_at", nullable = false, updatable = false)
    private Instant dueAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "done_by")
    private String doneBy;

    @Column(name = "done_by_name")
    private String doneByName;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected WardTask() {
        // for JPA
    }

    public WardTask(long admissionId, NhsNumber patient, String title, Kind kind, StaffRole ownerRole, Instant dueAt, String createdBy,
                    Instant createdAt) {
        this.admissionId = admissionId;
        this.patient = patient;
        this.title = title;
        this.kind = kind;
        this.ownerRole = ownerRole;
        this.dueAt = dueAt;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public void complete(EntryAuthor by, Instant at) {
        this.doneBy = by.username();
        this.doneByName = by.name();
        this.doneAt = at;
    }

    public boolean isOverdueAt(Instant at) {
        return doneAt == null && dueAt.isBefore(at);
    }

    public Long id() { return id; }
    public Long admissionId() { return admissionId; }
    public NhsNumber patient() { return patient; }
    public String title() { return title; }
    public Kind kind() { return kind; }
    public StaffRole ownerRole() { return ownerRole; }
    public Instant dueAt() { return dueAt; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant doneAt() { return doneAt; }
    public String doneBy() { return doneBy; }
    public String doneByName() { return doneByName; }
}

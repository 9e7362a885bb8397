package uk.nhs.icr.hospital;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;

/** An electronic treatment plan: goals, activities, the responsible clinician and when it is reviewed. */
@Entity
@DiscriminatorValue(EntryType.Stored.TREATMENT_PLAN)
public class TreatmentPlan extends HospitalEntry {

    @Column(name = "goals")
    private String goals;

    @Column(name = "activities")
    private String activities;

    @Column(name = "responsible_clinician")
    private String responsibleClinician;

    @Column(name = "review_date")
    private LocalDate reviewDate;

    /** The admission this is the plan of; none for a plan outside a stay (a GP's). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "encounter_id", updatable = false)
    private Encounter admission;

    /** The admission's id, read without loading the admission (a ward list of plans reads only this). */
    @Column(name = "encounter_id", insertable = false, updatable = false)
    private Long admissionId;

    protected TreatmentPlan() {
        // for JPA
    }

    public TreatmentPlan(NhsNumber patient, String title, String goals, String activities, String responsibleClinician,
                         LocalDate reviewDate, Instant started, EntryAuthor author, Instant recordedAt) {
        super(EntryType.TREATMENT_PLAN, patient, started, author, recordedAt, title, EntryStatus.ACTIVE, null);
        this.goals = goals;
        this.activities = activities;
        this.responsibleClinician = responsibleClinician;
        this.reviewDate = reviewDate;
    }

    /** The plan of an admission: a new version supersedes the last one of the same admission. */
    public static TreatmentPlan ofAdmission(Encounter admission, String problem, String goals, String interventions,
                                            String responsibleClinician, LocalDate reviewDate, EntryAuthor author, Instant recordedAt) {
        TreatmentPlan plan = new TreatmentPlan(admission.patient(), problem, goals, interventions, responsibleClinician, reviewDate,
                recordedAt, author, recordedAt);
        plan.admission = admission;
        return plan;
    }

    /** A newer version of the plan is in force. */
    public void supersede() {
        changeStatus(EntryStatus.COMPLETED);
    }

    public Long admissionId() { return admissionId; }
    public String goals() { return goals; }
    public String activities() { return activities; }
    public String responsibleClinician() { return responsibleClinician; }
    public LocalDate reviewDate() { return reviewDate; }


    @Override
    public String summary() {
        return joined("Goals: " + goals, "Activities: " + activities, "Responsible: " + responsibleClinician,
                "Review " + reviewDate);
    }
}

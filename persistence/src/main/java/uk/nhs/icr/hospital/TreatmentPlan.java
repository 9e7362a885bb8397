package uk.nhs.icr.hospital;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

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

package uk.nhs.icr.socialcare;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;

/** A care and support plan: the needs it meets, the outcomes sought, the services and when it is reviewed. */
@Entity
@DiscriminatorValue(EntryType.Stored.CARE_PLAN)
public class CarePlan extends SocialCareEntry {

        @Column(name = "outcomes")
    private String outcomes;

    @Column(name = "services")
    private String services;

    @Column(name = "review_date")
    private LocalDate reviewDate;

    protected CarePlan() {
        // for JPA
    }

    public CarePlan(NhsNumber person, String needs, String outcomes, String services, LocalDate reviewDate, Instant started,
                    EntryAuthor author, Instant recordedAt) {
        super(EntryType.CARE_PLAN, person, started, author, recordedAt, "Care and support plan", EntryStatus.ACTIVE, needs);
        this.outcomes = outcomes;
        this.services = services;
        this.reviewDate = reviewDate;
    }

    public String outcomes() { return outcomes; }
    public String services() { return services; }
    public LocalDate reviewDate() { return reviewDate; }


    @Override
    public String summary() {
        return joined("Needs: " + details(), "Outcomes: " + outcomes, "Services: " + services, "Review " + reviewDate);
    }
}

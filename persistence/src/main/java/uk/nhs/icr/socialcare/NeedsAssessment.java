package uk.nhs.icr.socialcare;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.sharedrecord.EntryAuthor;

/** A Care Act needs assessment and its eligibility outcome. */
@Entity
@DiscriminatorValue("NEEDS_ASSESSMENT")
public class NeedsAssessment extends SocialCareEntry {

    public enum Eligibility { ELIGIBLE, NOT_ELIGIBLE, PENDING }

    @Enumerated(EnumType.STRING)
    @Column(name = "eligibility")
    private Eligibility eligibility;

    protected NeedsAssessment() {
        // for JPA
    }

    public NeedsAssessment(NhsNumber person, String needs, Eligibility eligibility, Instant assessed, EntryAuthor author, Instant recordedAt) {
        super(person, assessed, author, recordedAt, "Care Act needs assessment", "COMPLETED", needs);
        this.eligibility = eligibility;
    }

    public Eligibility eligibility() {
        return eligibility;
    }

    @Override
    public String type() {
        return "NEEDS_ASSESSMENT";
    }

    @Override
    public String summary() {
        return joined("Needs: " + details(), "Eligibility: " + eligibility.name().toLowerCase().replace('_', ' '));
    }
}

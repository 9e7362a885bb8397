package uk.nhs.icr.socialcare;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;

/** A Care Act needs assessment and its eligibility outcome. */
@Entity
@DiscriminatorValue(EntryType.Stored.NEEDS_ASSESSMENT)
public class NeedsAssessment extends SocialCareEntry {

    public enum Eligibility { ELIGIBLE, NOT_ELIGIBLE, PENDING }

    @Enumerated(EnumType.STRING)
    @Column(name = "eligibility")
    private Eligibility eligibility;

    protected NeedsAssessment() {
        // for JPA
    }

    public NeedsAssessment(NhsNumber person, String needs, Eligibility eligibility, Instant assessed, EntryAuthor author, Instant recordedAt) {
        super(EntryType.NEEDS_ASSESSMENT, person, assessed, author, recordedAt, "Care Act needs assessment", EntryStatus.COMPLETED, needs);
        this.eligibility = eligibility;
    }

    public Eligibility eligibility() {
        return eligibility;
    }


    @Override
    public String summary() {
        return joined("Needs: " + details(), eligibility == null ? null : "Eligibility: " + Codes.phrase(eligibility));
    }
}

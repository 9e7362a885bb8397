package uk.nhs.icr.socialcare;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;

/** A safeguarding concern: who raised it, its category (e.g. neglect, financial abuse) and whether it is open. */
@Entity
@DiscriminatorValue(EntryType.Stored.SAFEGUARDING_CONCERN)
public class SafeguardingConcern extends SocialCareEntry {

        @Column(name = "safeguarding_category")
    private String concernCategory;

    @Column(name = "raised_by")
    private String raisedBy;

    protected SafeguardingConcern() {
        // for JPA
    }

    public SafeguardingConcern(NhsNumber person, String concernCategory, String description, Instant raised, EntryAuthor author,
                               Instant recordedAt) {
        super(EntryType.SAFEGUARDING_CONCERN, person, raised, author, recordedAt, "Safeguarding concern: " + concernCategory,
                EntryStatus.OPEN, description);
        this.concernCategory = concernCategory;
        this.raisedBy = author.name();
        fileUnder(DataCategory.SAFEGUARDING);
    }

    public String concernCategory() { return concernCategory; }
    public String raisedBy() { return raisedBy; }


    @Override
    public String summary() {
        return joined(details(), "raised by " + raisedBy, status());
    }
}

package uk.nhs.icr.socialcare;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;

/** Who looks after the person in social care: the allocated social worker and the care provider. */
@Entity
@DiscriminatorValue(EntryType.Stored.ALLOCATION)
public class Allocation extends SocialCareEntry {

    @Column(name = "social_worker")
    private String socialWorker;

    @Column(name = "care_provider_ods")
    private OdsCode careProvider;

    protected Allocation() {
        // for JPA
    }

    public Allocation(NhsNumber person, String socialWorker, OdsCode careProvider, Instant at, EntryAuthor author, Instant recordedAt) {
        super(EntryType.ALLOCATION, person, at, author, recordedAt, "Allocation", EntryStatus.ACTIVE, null);
        this.socialWorker = socialWorker;
        this.careProvider = careProvider;
    }


    @Override
    public String summary() {
        return joined("Social worker: " + socialWorker, careProvider == null ? null : "Care provider: " + careProvider.value());
    }
}

package uk.nhs.icr.hospital;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;

/** A referral to a service or specialty. */
@Entity
@DiscriminatorValue(EntryType.Stored.REFERRAL)
public class Referral extends HospitalEntry {

    @Column(name = "referred_to")
    private String referredTo;

    /** Where the referral-to-treatment pathway it started stands, in a line; absent for a referral without one. */
    @Column(name = "pathway_progress")
    private String pathwayProgress;

    protected Referral() {
        // for JPA
    }

    public Referral(NhsNumber patient, String referredTo, String reason, Instant sent, EntryAuthor author, Instant recordedAt) {
        super(EntryType.REFERRAL, patient, sent, author, recordedAt, "Referral to " + referredTo, EntryStatus.SENT, reason);
        this.referredTo = referredTo;
    }


    /** The pathway it started moved on: the timeline says where it stands; a stopped clock completes the referral. */
    public void pathwayNow(String progress, boolean clockStopped) {
        this.pathwayProgress = progress;
        if (clockStopped) {
            changeStatus(EntryStatus.COMPLETED);
        }
    }

    @Override
    public String summary() {
        return joined(details(), pathwayProgress, status());
    }
}

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

    protected Referral() {
        // for JPA
    }

    public Referral(NhsNumber patient, String referredTo, String reason, Instant sent, EntryAuthor author, Instant recordedAt) {
        super(EntryType.REFERRAL, patient, sent, author, recordedAt, "Referral to " + referredTo, EntryStatus.SENT, reason);
        this.referredTo = referredTo;
    }


    @Override
    public String summary() {
        return joined(details(), status());
    }
}

package uk.nhs.icr.hospital;

import java.time.Instant;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;

/** The summary written when an admission ends. */
@Entity
@DiscriminatorValue(EntryType.Stored.DISCHARGE_SUMMARY)
public class DischargeSummary extends HospitalEntry {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "encounter_id")
    private Encounter admission;

    protected DischargeSummary() {
        // for JPA
    }

    public DischargeSummary(NhsNumber patient, Encounter admission, String summary, Instant at, EntryAuthor author, Instant recordedAt) {
        super(EntryType.DISCHARGE_SUMMARY, patient, at, author, recordedAt, "Discharge summary", EntryStatus.FINAL, summary);
        this.admission = admission;
    }


    @Override
    public String summary() {
        return details();
    }
}

package uk.nhs.icr.hospital;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;

/** A problem or diagnosis, coded in SNOMED CT. */
@Entity
@DiscriminatorValue(EntryType.Stored.PROBLEM)
public class Problem extends HospitalEntry {

        @Column(name = "snomed_code")
    private String snomedCode;

    protected Problem() {
        // for JPA
    }

    public Problem(NhsNumber patient, String snomedCode, String display, Instant onset, EntryStatus status, EntryAuthor author,
                   Instant recordedAt, String notes) {
        super(EntryType.PROBLEM, patient, onset, author, recordedAt, display, status, notes);
        this.snomedCode = snomedCode;
    }

    public String snomedCode() {
        return snomedCode;
    }


    @Override
    public String summary() {
        return joined("SNOMED CT " + snomedCode, status(), details());
    }
}

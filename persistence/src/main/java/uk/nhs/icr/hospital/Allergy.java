package uk.nhs.icr.hospital;

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

/** An allergy or adverse reaction: the substance, what it does, how badly. Always in the alerts banner. */
@Entity
@DiscriminatorValue(EntryType.Stored.ALLERGY)
public class Allergy extends HospitalEntry {

    public enum Severity { MILD, MODERATE, SEVERE }

    @Column(name = "reaction")
    private String reaction;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity")
    private Severity severity;

    protected Allergy() {
        // for JPA
    }

    public Allergy(NhsNumber patient, String substance, String reaction, Severity severity, Instant noted, EntryAuthor author,
                   Instant recordedAt) {
        super(EntryType.ALLERGY, patient, noted, author, recordedAt, substance, EntryStatus.ACTIVE, null);
        this.reaction = reaction;
        this.severity = severity;
    }

    public String reaction() { return reaction; }
    public Severity severity() { return severity; }


    @Override
    public String summary() {
        return joined(reaction, severity == null ? null : Codes.phrase(severity));
    }
}

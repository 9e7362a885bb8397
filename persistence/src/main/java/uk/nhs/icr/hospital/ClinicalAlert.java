package uk.nhs.icr.hospital;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;

/** An alert every viewer must see first, such as a DNACPR decision or a ReSPECT plan. */
@Entity
@DiscriminatorValue(EntryType.Stored.ALERT)
public class ClinicalAlert extends HospitalEntry {

    public enum Kind { DNACPR, RESPECT, OTHER }

    @Enumerated(EnumType.STRING)
    @Column(name = "alert_kind")
    private Kind kind;

    protected ClinicalAlert() {
        // for JPA
    }

    public ClinicalAlert(NhsNumber patient, Kind kind, String text, Instant at, EntryAuthor author, Instant recordedAt) {
        super(EntryType.ALERT, patient, at, author, recordedAt, kind == Kind.DNACPR ? "DNACPR" : kind == Kind.RESPECT ? "ReSPECT plan" : "Alert",
                EntryStatus.ACTIVE, text);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }


    @Override
    public String summary() {
        return details();
    }
}

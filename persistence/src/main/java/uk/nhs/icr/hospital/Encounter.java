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

/** An outpatient appointment, admission, discharge or A&E attendance. Admissions stay open until discharge. */
@Entity
@DiscriminatorValue(EntryType.Stored.ENCOUNTER)
public class Encounter extends HospitalEntry {

    public enum Kind { OUTPATIENT, ADMISSION, DISCHARGE, EMERGENCY }

            @Enumerated(EnumType.STRING)
    @Column(name = "encounter_kind")
    private Kind kind;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected Encounter() {
        // for JPA
    }

    public Encounter(NhsNumber patient, Kind kind, Instant startedAt, EntryAuthor author, Instant recordedAt, String reason) {
        super(EntryType.ENCOUNTER, patient, startedAt, author, recordedAt, label(kind), kind == Kind.ADMISSION ? EntryStatus.OPEN : EntryStatus.CLOSED, reason);
        this.kind = kind;
    }

    private static String label(Kind kind) {
        return switch (kind) {
            case OUTPATIENT -> "Outpatient appointment";
            case ADMISSION -> "Admission";
            case DISCHARGE -> "Discharge";
            case EMERGENCY -> "A&E attendance";
        };
    }

    public boolean isOpenAdmission() {
        return kind == Kind.ADMISSION && status() == EntryStatus.OPEN;
    }

    /** Ends the admission; discharging twice is refused by the caller before this is reached. */
    public void close(Instant at) {
        if (!isOpenAdmission()) {
            throw new IllegalStateException("only an open admission can be closed");
        }
        changeStatus(EntryStatus.CLOSED);
        endedAt = at;
    }

    public Kind kind() {
        return kind;
    }

    public Instant endedAt() {
        return endedAt;
    }


    @Override
    public String summary() {
        return joined(details(), status());
    }
}

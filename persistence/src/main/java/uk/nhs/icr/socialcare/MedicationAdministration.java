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

/** One line of the medication administration record (eMAR): what was due, and whether it was given. */
@Entity
@DiscriminatorValue(EntryType.Stored.MEDICATION_ADMINISTRATION)
public class MedicationAdministration extends SocialCareEntry {

    public enum Outcome {
        GIVEN(EntryStatus.GIVEN), REFUSED(EntryStatus.REFUSED), MISSED(EntryStatus.MISSED), NOT_REQUIRED(EntryStatus.NOT_REQUIRED);

        private final EntryStatus status;

        Outcome(EntryStatus status) {
            this.status = status;
        }
    }

    @Column(name = "medication")
    private String medication;

    @Column(name = "dose")
    private String dose;

    @Enumerated(EnumType.STRING)
    @Column(name = "administration")
    private Outcome outcome;

    protected MedicationAdministration() {
        // for JPA
    }

    public MedicationAdministration(NhsNumber person, String medication, String dose, Outcome outcome, Instant at,
                                    EntryAuthor author, Instant recordedAt) {
        super(EntryType.MEDICATION_ADMINISTRATION, person, at, author, recordedAt,
                "Medication " + Codes.phrase(outcome), outcome.status, null);
        this.medication = medication;
        this.dose = dose;
        this.outcome = outcome;
    }

    @Override
    public String summary() {
        return joined(medication, dose);
    }
}

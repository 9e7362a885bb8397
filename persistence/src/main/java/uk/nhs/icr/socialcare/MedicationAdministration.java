package uk.nhs.icr.socialcare;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.sharedrecord.EntryAuthor;

/** One line of the medication administration record (eMAR): what was due, and whether it was given. */
@Entity
@DiscriminatorValue("MEDICATION_ADMINISTRATION")
public class MedicationAdministration extends SocialCareEntry {

    public enum Outcome { GIVEN, REFUSED, MISSED, NOT_REQUIRED }

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
        super(person, at, author, recordedAt, "Medication " + outcome.name().toLowerCase().replace('_', ' '), outcome.name(), null);
        this.medication = medication;
        this.dose = dose;
        this.outcome = outcome;
    }

    @Override
    public String type() {
        return "MEDICATION_ADMINISTRATION";
    }

    @Override
    public String summary() {
        return joined(medication, dose);
    }
}

package uk.nhs.icr.patient;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What identifies a person in both records: NHS number, names and date of birth. The hospital
 * {@link Patient} and the social-care {@code Person} both embed one, in columns of the same names.
 */
@Embeddable
public record PatientIdentity(
        @Column(name = "nhs_number", nullable = false, updatable = false, length = 10) NhsNumber nhsNumber,
        @Column(name = "given_name", nullable = false) String givenName,
        @Column(name = "family_name", nullable = false) String familyName,
        @Column(name = "birth_date", nullable = false) LocalDate birthDate) {

    public PatientIdentity {
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(birthDate, "birthDate");
    }

    /** In England an adult from 18: deemed consent to organ donation, appointing representatives, acting by attorney. */
    public static final int ADULT_AGE = 18;

    /** Whole years of age on {@code day} (the day of a birthday counts). */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** Identities hold names: keep them out of logs. */
    @Override
    public String toString() {
        return "PatientIdentity[***]";
    }
}

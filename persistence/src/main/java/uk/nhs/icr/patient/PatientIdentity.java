package uk.nhs.icr.patient;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What identifies a person in both records: NHS number, names and date of birth. The hospital
 * {@link Patient} and the social-care {@code Person} are both created from one identity.
 */
public record PatientIdentity(NhsNumber nhsNumber, String givenName, String familyName, LocalDate birthDate) {

    public PatientIdentity {
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(birthDate, "birthDate");
    }

    /** Identities hold names: keep them out of logs. */
    @Override
    public String toString() {
        return "PatientIdentity[***]";
    }
}

package uk.nhs.icr.patient.service;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.PatientIdentity;
import uk.nhs.icr.patient.Sex;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.Postcode;
import uk.nhs.icr.platform.validation.GpPracticeCode;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.NotInFuture;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;

/**
 * A new patient for both records: who they are, their sex, postcode and GP practice. Names may hold letters
 * of any alphabet, spaces, apostrophes, hyphens and full stops; runs of spaces are kept as one.
 */
public record PatientRegistration(
        @Required @Label("NHS number") NhsNumber nhsNumber,
        @Required @Text(max = PatientRegistration.MAX_NAME_LENGTH) @Pattern(regexp = PatientRegistration.NAME, message = NAME_RULE)
        String givenName,
        @Required @Text(max = PatientRegistration.MAX_NAME_LENGTH) @Pattern(regexp = PatientRegistration.NAME, message = NAME_RULE)
        String familyName,
        @Required @NotInFuture @Label("date of birth") LocalDate birthDate,
        @Required Sex sex,
        @Required Postcode postcode,
        @Required @GpPracticeCode @Label("GP practice ODS code")
        OdsCode gpPracticeOdsCode) {

    static final int MAX_NAME_LENGTH = 100;
    static final String NAME = "[\\p{L}\\p{M}][\\p{L}\\p{M}\\s'.\\-]*";
    static final String NAME_RULE = "may contain letters, spaces, apostrophes, hyphens and full stops only";

    /** Who the patient is, names as they will be stored. */
    public PatientIdentity identity() {
        return new PatientIdentity(nhsNumber, spaced(givenName), spaced(familyName), birthDate);
    }

    private static String spaced(String name) {
        return name.strip().replaceAll("\\s+", " ");
    }

    /** Registrations hold names and identifiers: keep them out of logs. */
    @Override
    public String toString() {
        return "PatientRegistration[***]";
    }
}

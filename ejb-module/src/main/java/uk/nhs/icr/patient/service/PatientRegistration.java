package uk.nhs.icr.patient.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.PatientIdentity;
import uk.nhs.icr.patient.Sex;
import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.Postcode;
import uk.nhs.icr.platform.service.FieldErrors;

/**
 * A registration form as the user or partner system filled it in: every field as typed, so that one
 * place ({@link #validate(LocalDate)}) decides what is acceptable and names each bad field.
 */
public record PatientRegistration(String nhsNumber, String givenName, String familyName, String birthDate,
                                  String sex, String postcode, String gpPracticeOdsCode) {

    static final int MAX_NAME_LENGTH = 100;
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    /** The form's content, checked and typed. */
    public record Valid(PatientIdentity identity, Sex sex, Postcode postcode, OdsCode gpPractice) {
    }

    /** Checks the form as of {@code today} (a birth date cannot be after it). */
    public Valid validate(LocalDate today) {
        FieldErrors errors = new FieldErrors();
        NhsNumber number = errors.parse("nhsNumber", nhsNumber, NhsNumber::parse);
        String given = errors.parse("givenName", givenName, name("given name"));
        String family = errors.parse("familyName", familyName, name("family name"));
        LocalDate born = errors.parse("birthDate", birthDate, text -> birthDate(text, today));
        Sex parsedSex = errors.parse("sex", sex, Sex::fromCode);
        Postcode parsedPostcode = errors.parse("postcode", postcode, Postcode::parse);
        OdsCode practice = errors.parse("gpPracticeOdsCode", gpPracticeOdsCode, OdsCode::parseGpPractice);
        errors.throwIfAny();
        return new Valid(new PatientIdentity(number, given, family, born), parsedSex, parsedPostcode, practice);
    }

    private static Function<String, String> name(String label) {
        return text -> {
            if (text == null || text.isBlank()) {
                throw new InvalidValueException(label + " is required");
            }
            String name = text.strip().replaceAll("\\s+", " ");
            if (name.length() > MAX_NAME_LENGTH) {
                throw new InvalidValueException(label + " must be at most " + MAX_NAME_LENGTH + " characters");
            }
            if (!name.matches("[\\p{L}\\p{M}][\\p{L}\\p{M} '.\\-]*")) {
                throw new InvalidValueException(label + " may contain letters, spaces, apostrophes, hyphens and full stops only");
            }
            return name;
        };
    }

    private static LocalDate birthDate(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("date of birth is required");
        }
        LocalDate date = isoDate(text);
        if (date.isAfter(today)) {
            throw new InvalidValueException("date of birth cannot be in the future");
        }
        if (date.isBefore(EARLIEST_BIRTH_DATE)) {
            throw new InvalidValueException("date of birth cannot be before " + EARLIEST_BIRTH_DATE);
        }
        return date;
    }

    /** A date of birth as written in forms and query strings: {@code YYYY-MM-DD}. */
    static LocalDate isoDate(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("date of birth must be a date written YYYY-MM-DD");
        }
    }

    /** Forms hold names and identifiers: keep them out of logs. */
    @Override
    public String toString() {
        return "PatientRegistration[***]";
    }
}

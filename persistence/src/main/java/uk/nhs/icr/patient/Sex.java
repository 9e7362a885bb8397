package uk.nhs.icr.patient;

import java.util.Arrays;
import java.util.Locale;

import uk.nhs.icr.platform.InvalidValueException;

/** Administrative sex, with the codes of FHIR R4 {@code AdministrativeGender}. */
public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN;

    /** The FHIR code: {@code female}, {@code male}, {@code other}, {@code unknown}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Sex fromCode(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidValueException("sex is required");
        }
        return Arrays.stream(values())
                .filter(sex -> sex.code().equalsIgnoreCase(code.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("sex must be one of female, male, other, unknown"));
    }
}

package uk.nhs.icr.platform;

import java.io.Serializable;
import java.util.Locale;

/**
 * An Organisation Data Service code: the identifier of an NHS or care organisation (trust {@code RXX},
 * GP practice {@code A12345}, local authority, care provider). Upper case, 3 to 10 letters and digits.
 */
public record OdsCode(String value) implements Serializable {

    public OdsCode {
        if (value == null || !value.matches("[A-Z0-9]{3,10}")) {
            throw new InvalidValueException("ODS code must be 3 to 10 letters and digits");
        }
    }

    public static OdsCode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("ODS code is required");
        }
        return new OdsCode(text.strip().toUpperCase(Locale.ROOT));
    }

    /** GP practice codes are one letter followed by five digits, e.g. {@code B86001}. */
    public static OdsCode parseGpPractice(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("GP practice ODS code is required");
        }
        OdsCode code = parse(text);
        if (!code.value.matches("[A-Z][0-9]{5}")) {
            throw new InvalidValueException("GP practice ODS code must be a letter followed by five digits, e.g. B86001");
        }
        return code;
    }

    @Override
    public String toString() {
        return value;
    }
}

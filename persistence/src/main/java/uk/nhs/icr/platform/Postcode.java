package uk.nhs.icr.platform;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A UK postcode, normalised to upper case with one space before the inward code ({@code LS1 4AP}).
 * Checks the shape only; whether the postcode exists is the address service's business.
 */
public record Postcode(String value) implements Serializable {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}");

    public Postcode {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("postcode must be a UK postcode such as LS1 4AP");
        }
    }

    public static Postcode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("postcode is required");
        }
        String compact = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 5 || compact.length() > 7) {
            throw new InvalidValueException("postcode must be a UK postcode such as LS1 4AP");
        }
        int split = compact.length() - 3;
        return new Postcode(compact.substring(0, split) + " " + compact.substring(split));
    }

    /** Postcodes are personal data too: keep them out of logs. */
    @Override
    public String toString() {
        return "Postcode[***]";
    }
}

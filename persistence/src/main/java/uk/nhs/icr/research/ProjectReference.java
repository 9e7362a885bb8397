package uk.nhs.icr.research;

import java.io.Serializable;
import java.util.Locale;

import uk.nhs.icr.platform.InvalidValueException;

/** A research project's reference on the register: {@code RP-2026-0001} (the year it was submitted, then a number). */
public record ProjectReference(String value) implements Serializable {

    public ProjectReference {
        if (value == null || !value.matches("RP-\\d{4}-\\d{4}")) {
            throw new InvalidValueException("a project reference is written RP-2026-0001");
        }
    }

    public static ProjectReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("a project reference is required");
        }
        return new ProjectReference(text.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}

package uk.nhs.icr.platform.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import uk.nhs.icr.platform.InvalidValueException;

/**
 * Collects the problems with a form so that a user hears about every bad field at once, not one per
 * attempt. Value objects do the checking; this only remembers which field each refusal belongs to.
 */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    /** Parses one field; on refusal records the reason and returns null (the caller throws later). */
    public <T> T parse(String field, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (InvalidValueException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    /** Parses a field that stands alone (a query parameter, say): the value, or a refusal naming the field. */
    public static <T> T parseOne(String field, String text, Function<String, T> parser) {
        FieldErrors errors = new FieldErrors();
        T value = errors.parse(field, text, parser);
        errors.throwIfAny();
        return value;
    }

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}

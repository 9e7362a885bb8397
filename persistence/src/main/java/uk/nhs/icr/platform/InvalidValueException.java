package uk.nhs.icr.platform;

/**
 * A value object refused its input. The message says why in words a user can act on, and never
 * repeats the rejected value (it may be a patient identifier).
 */
public class InvalidValueException extends IllegalArgumentException {

    public InvalidValueException(String reason) {
        super(reason);
    }
}

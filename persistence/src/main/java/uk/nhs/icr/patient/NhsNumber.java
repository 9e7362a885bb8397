package uk.nhs.icr.patient;

import java.io.Serializable;
import java.util.Optional;

import uk.nhs.icr.platform.InvalidValueException;

/**
 * An NHS number: ten digits whose last is a Modulus 11 check digit. The only way an NHS number enters
 * the domain; {@link #parse} accepts the digits with or without the usual spaces ({@code 943 476 5919}).
 */
public final class NhsNumber implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int[] WEIGHTS = {10, 9, 8, 7, 6, 5, 4, 3, 2};

    private final String digits;

    private NhsNumber(String digits) {
        this.digits = digits;
    }

    public static NhsNumber parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("NHS number is required");
        }
        String compact = text.strip().replace(" ", "");
        if (!compact.matches("[0-9]{10}")) {
            throw new InvalidValueException("NHS number must be 10 digits, optionally written as 3-3-4 with spaces");
        }
        if (!hasValidSpacing(text.strip())) {
            throw new InvalidValueException("NHS number must be 10 digits, optionally written as 3-3-4 with spaces");
        }
        Optional<Character> check = checkDigitFor(compact.substring(0, 9));
        if (check.isEmpty() || check.get() != compact.charAt(9)) {
            throw new InvalidValueException("NHS number check digit is wrong (Modulus 11): please re-check the number");
        }
        return new NhsNumber(compact);
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /**
     * Completes nine digits with their check digit; empty when no check digit exists (remainder 10),
     * since such numbers are never issued.
     */
    public static Optional<NhsNumber> fromFirstNineDigits(String nineDigits) {
        if (nineDigits == null || !nineDigits.matches("[0-9]{9}")) {
            throw new InvalidValueException("exactly nine digits are needed to compute an NHS number check digit");
        }
        return checkDigitFor(nineDigits).map(check -> new NhsNumber(nineDigits + check));
    }

    private static boolean hasValidSpacing(String stripped) {
        return stripped.matches("[0-9]{10}") || stripped.matches("[0-9]{3} [0-9]{3} [0-9]{4}");
    }

    private static Optional<Character> checkDigitFor(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check == 10 ? Optional.empty() : Optional.of((char) ('0' + check));
    }

    /** The ten digits, as stored and as used in URLs. */
    public String value() {
        return digits;
    }

    /** As people read it: {@code 943 476 5919}. */
    public String formatted() {
        return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NhsNumber that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** Deliberately not the number: toString ends up in logs, and logs must not carry identifiers. */
    @Override
    public String toString() {
        return "NhsNumber[***]";
    }
}

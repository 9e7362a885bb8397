package uk.nhs.icr.platform;

import java.util.Locale;

/**
 * How ICR writes its enums for people and clients: {@code OPT_IN} is the code {@code opt-in} in the API and
 * the phrase "opt in" in a sentence. One place, so every enum reads the same everywhere.
 */
public final class Codes {

    private Codes() {
    }

    /** {@code NOT_ORDINARILY_RESIDENT} → {@code not-ordinarily-resident}: the form clients send and receive. */
    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code NOT_REQUIRED} → "not required": for sentences and labels. */
    public static String phrase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

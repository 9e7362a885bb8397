package uk.nhs.icr.sharedrecord;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import uk.nhs.icr.platform.InvalidValueException;

/** The two records ICR joins: the hospital record and the social care record, each in its own database. */
public enum RecordSource {
    HOSPITAL("hospital"), SOCIAL_CARE("social-care");

    private final String code;

    RecordSource(String code) {
        this.code = code;
    }

    /** How the API and the portal's addresses name it: {@code hospital}, {@code social-care}. */
    public String code() {
        return code;
    }

    public static Optional<RecordSource> fromCode(String code) {
        return Arrays.stream(values()).filter(source -> source.code.equals(code)).findFirst();
    }

    /** As a client typed it (any case, surrounding blanks ignored). */
    public static RecordSource parse(String text) {
        return fromCode(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new InvalidValueException("source must be hospital or social-care"));
    }
}

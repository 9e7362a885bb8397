package uk.nhs.icr.sharedrecord;

import java.util.Arrays;
import java.util.Optional;

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
}

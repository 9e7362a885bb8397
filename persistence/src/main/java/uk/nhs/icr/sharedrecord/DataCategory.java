package uk.nhs.icr.sharedrecord;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The data categories an entry of either record is filed under, and that consent provisions refer to.
 * Most entries are GENERAL (hospital) or SOCIAL_CARE; the others are the sensitive kinds patients most
 * often ask to be withheld.
 */
public enum DataCategory {
    GENERAL, MENTAL_HEALTH, SEXUAL_HEALTH, REPRODUCTIVE_HEALTH, SUBSTANCE_MISUSE, SAFEGUARDING, SOCIAL_CARE;

    /** Withheld from staff who are not clinicians (administrators, social workers, care workers) unless the patient permits. */
    public static final Set<DataCategory> SENSITIVE = Collections.unmodifiableSet(
            EnumSet.of(MENTAL_HEALTH, SEXUAL_HEALTH, REPRODUCTIVE_HEALTH, SUBSTANCE_MISUSE));

    /** "mental health", "safeguarding concerns": the category as words in a sentence. */
    public String words() {
        return switch (this) {
            case GENERAL -> "general health";
            case MENTAL_HEALTH -> "mental health";
            case SEXUAL_HEALTH -> "sexual health";
            case REPRODUCTIVE_HEALTH -> "reproductive health";
            case SUBSTANCE_MISUSE -> "substance misuse";
            case SAFEGUARDING -> "safeguarding concerns";
            case SOCIAL_CARE -> "social care";
        };
    }
}

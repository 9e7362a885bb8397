package uk.nhs.icr.sharedrecord;

/**
 * The data categories an entry of either record is filed under, and that consent provisions refer to.
 * Most entries are GENERAL (hospital) or SOCIAL_CARE; the others are the sensitive kinds patients most
 * often ask to be withheld.
 */
public enum DataCategory {
    GENERAL, MENTAL_HEALTH, SEXUAL_HEALTH, REPRODUCTIVE_HEALTH, SUBSTANCE_MISUSE, SAFEGUARDING, SOCIAL_CARE
}

package uk.nhs.icr.research;

/**
 * What a project's dataset may hold of each patient and entry, every field already generalised: no name, NHS number,
 * address, date of birth or free text is among them. The fields a project registers are the only ones extracted and
 * the only ones its queries may group or filter by.
 */
public enum DatasetField {
    /** Age in ten-year bands (0-9 ... 80-89, 90+) at the end of the project's date range. */
    AGE_BAND(Level.PERSON, false),
    /** The year and month of birth, never the day. */
    BIRTH_YEAR_MONTH(Level.PERSON, false),
    SEX(Level.PERSON, false),
    /** The outward code of the postcode only (LS1, not LS1 4AP). */
    POSTCODE_DISTRICT(Level.PERSON, false),
    /** The kind of entry (problem, blood test, care visit ...). */
    ENTRY_TYPE(Level.ENTRY, false),
    /** The month the entry happened in, the day removed. */
    ENTRY_MONTH(Level.ENTRY, false),
    /** The entry's SNOMED CT code, where it has one (problems, coded tests). */
    CODE(Level.ENTRY, false),
    /** A blood test's result, for means and medians. */
    RESULT_VALUE(Level.ENTRY, true),
    /** A blood test's flag against its reference range (low, normal, high). */
    ABNORMAL_FLAG(Level.ENTRY, false);

    /** Whether a field describes the patient or one of their entries. */
    public enum Level { PERSON, ENTRY }

    private final Level level;
    private final boolean numeric;

    DatasetField(Level level, boolean numeric) {
        this.level = level;
        this.numeric = numeric;
    }

    public Level level() {
        return level;
    }

    /** A measure (means, medians) rather than something to group or count by. */
    public boolean numeric() {
        return numeric;
    }

    /** The column it is in the project's schema. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

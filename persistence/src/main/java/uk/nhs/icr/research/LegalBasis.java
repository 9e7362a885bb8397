package uk.nhs.icr.research;

/**
 * Why a project may use patients' data, which decides who is in it: only those who consented to it ({@link #CONSENT});
 * everyone but those with a National Data Opt-out ({@link #SECTION_251}, approved under section 251 of the NHS Act
 * 2006); everyone, for aggregates computed inside ICR that leave only after disclosure control ({@link #ANONYMISED}).
 */
public enum LegalBasis {
    CONSENT, SECTION_251, ANONYMISED;

    /** Whether researchers may have row-level (pseudonymised) data at all: an anonymised project gets aggregates only. */
    public boolean allowsRowLevelData() {
        return this != ANONYMISED;
    }
}

package uk.nhs.icr.sharedrecord;

/**
 * The kinds of entry in either record, each with the record it belongs to and a plural label for lists and
 * filters. Stored in {@code entry_type} under its name.
 */
public enum EntryType {
    ENCOUNTER(RecordSource.HOSPITAL, "Encounters"),
    PROBLEM(RecordSource.HOSPITAL, "Problems"),
    MEDICATION(RecordSource.HOSPITAL, "Medications"),
    ALLERGY(RecordSource.HOSPITAL, "Allergies"),
    BLOOD_TEST(RecordSource.HOSPITAL, "Blood tests"),
    TREATMENT_PLAN(RecordSource.HOSPITAL, "Treatment plans"),
    REFERRAL(RecordSource.HOSPITAL, "Referrals"),
    DISCHARGE_SUMMARY(RecordSource.HOSPITAL, "Discharge summaries"),
    ALERT(RecordSource.HOSPITAL, "Alerts"),
    NEEDS_ASSESSMENT(RecordSource.SOCIAL_CARE, "Needs assessments"),
    CARE_PLAN(RecordSource.SOCIAL_CARE, "Care plans"),
    CARE_VISIT(RecordSource.SOCIAL_CARE, "Care visits"),
    MEDICATION_ADMINISTRATION(RecordSource.SOCIAL_CARE, "Medication administration"),
    SAFEGUARDING_CONCERN(RecordSource.SOCIAL_CARE, "Safeguarding concerns"),
    CONTACT(RecordSource.SOCIAL_CARE, "Contacts"),
    ALLOCATION(RecordSource.SOCIAL_CARE, "Allocations"),
    REFERRAL_REQUEST(RecordSource.SOCIAL_CARE, "Social care requests"),
    INCIDENT(RecordSource.SOCIAL_CARE, "Incidents");

    /**
     * The stored names as compile-time constants, because {@code @DiscriminatorValue} takes nothing else.
     * EntryTypeTest holds each to its constant's name.
     */
    public static final class Stored {
        public static final String ENCOUNTER = "ENCOUNTER";
        public static final String PROBLEM = "PROBLEM";
        public static final String MEDICATION = "MEDICATION";
        public static final String ALLERGY = "ALLERGY";
        public static final String BLOOD_TEST = "BLOOD_TEST";
        public static final String TREATMENT_PLAN = "TREATMENT_PLAN";
        public static final String REFERRAL = "REFERRAL";
        public static final String DISCHARGE_SUMMARY = "DISCHARGE_SUMMARY";
        public static final String ALERT = "ALERT";
        public static final String NEEDS_ASSESSMENT = "NEEDS_ASSESSMENT";
        public static final String CARE_PLAN = "CARE_PLAN";
        public static final String CARE_VISIT = "CARE_VISIT";
        public static final String MEDICATION_ADMINISTRATION = "MEDICATION_ADMINISTRATION";
        public static final String SAFEGUARDING_CONCERN = "SAFEGUARDING_CONCERN";
        public static final String CONTACT = "CONTACT";
        public static final String ALLOCATION = "ALLOCATION";
        public static final String REFERRAL_REQUEST = "REFERRAL_REQUEST";
        public static final String INCIDENT = "INCIDENT";

        private Stored() {
        }
    }

    private final RecordSource source;
    private final String plural;

    EntryType(RecordSource source, String plural) {
        this.source = source;
        this.plural = plural;
    }

    public RecordSource source() {
        return source;
    }

    /** "Blood tests": how a list or a filter names entries of this kind. */
    public String plural() {
        return plural;
    }
}

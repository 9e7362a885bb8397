package uk.nhs.icr.access;

/** The roles staff hold in ICR. A person may hold several; each access is made in one of them. */
public enum StaffRole {
    GP, HOSPITAL_CLINICIAN, NURSE, SOCIAL_WORKER, CARE_WORKER, ADMIN, PRIVACY_OFFICER,
    /** Specialist nurse for organ donation: looks up donation decisions, in a donation context only. */
    ORGAN_DONATION_NURSE,
    /** The national contact centre: records a patient's own opt-out choice made by phone or post; opens no record. */
    CONTACT_CENTRE,
    /** An accredited researcher: works on their approved projects in the trusted research environment, never on a record. */
    RESEARCHER,
    /** Checks a project's outputs against disclosure control before they are released; never on a record. */
    OUTPUT_CHECKER,
    /** A member of the data access committee: approves, rejects or suspends research projects; never on a record. */
    DATA_ACCESS_COMMITTEE,
    /** A care provider's coordinator or registered manager: plans the rota, keeps the MAR chart, answers alerts. */
    CARE_COORDINATOR,
    /** Hosting staff who load records from other systems (FHIR bundles); never reads a record. */
    IMPORTER;

    /** The roles of the trusted research environment: they reach its screens and API only, never a patient's record. */
    public boolean worksInResearchOnly() {
        return this == RESEARCHER || this == OUTPUT_CHECKER || this == DATA_ACCESS_COMMITTEE;
    }

    /** Clinicians may break the glass: open a record without a relationship, in an emergency, with a reason. */
    public boolean mayBreakGlass() {
        return isClinical();
    }

    /** Clinicians see sensitive categories unless the patient denies them; other staff only if the patient permits. */
    public boolean isClinical() {
        return this == GP || this == HOSPITAL_CLINICIAN || this == NURSE;
    }

    /** Professionals with a safeguarding duty, from whom a patient's directive cannot withhold safeguarding concerns. */
    public boolean safeguards() {
        return this == GP || this == SOCIAL_WORKER;
    }

    public String label() {
        return switch (this) {
            case GP -> "GP";
            case HOSPITAL_CLINICIAN -> "Hospital clinician";
            case NURSE -> "Nurse";
            case SOCIAL_WORKER -> "Social worker";
            case CARE_WORKER -> "Care worker";
            case ADMIN -> "Administrator";
            case PRIVACY_OFFICER -> "Privacy officer";
            case ORGAN_DONATION_NURSE -> "Specialist nurse for organ donation";
            case CONTACT_CENTRE -> "Contact centre adviser";
            case RESEARCHER -> "Researcher";
            case OUTPUT_CHECKER -> "Output checker";
            case DATA_ACCESS_COMMITTEE -> "Data access committee";
            case CARE_COORDINATOR -> "Care coordinator";
            case IMPORTER -> "Record importer";
        };
    }
}

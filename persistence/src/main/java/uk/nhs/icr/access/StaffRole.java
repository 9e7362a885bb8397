package uk.nhs.icr.access;

/** The roles staff hold in ICR. A person may hold several; each access is made in one of them. */
public enum StaffRole {
    GP, HOSPITAL_CLINICIAN, NURSE, SOCIAL_WORKER, CARE_WORKER, ADMIN, PRIVACY_OFFICER,
    /** Specialist nurse for organ donation: looks up donation decisions, in a donation context only. */
    ORGAN_DONATION_NURSE;

    /** Clinicians may break the glass: open a record without a relationship, in an emergency, with a reason. */
    public boolean mayBreakGlass() {
        return this == GP || this == HOSPITAL_CLINICIAN || this == NURSE;
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
        };
    }
}

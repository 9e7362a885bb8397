package uk.nhs.icr.access;

public enum OrganisationType {
    HOSPITAL_TRUST, GP_PRACTICE, LOCAL_AUTHORITY, CARE_PROVIDER,
    /** A national service for patients (the NHS contact centre): cares for nobody, records their own choices. */
    NATIONAL_SERVICE
}

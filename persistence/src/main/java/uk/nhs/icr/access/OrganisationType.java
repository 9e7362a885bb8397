package uk.nhs.icr.access;

public enum OrganisationType {
    HOSPITAL_TRUST, GP_PRACTICE, LOCAL_AUTHORITY, CARE_PROVIDER
}

package uk.nhs.icr.platform;

/**
 * Whose decision a version records: the patient's own, a proxy's acting for them (a parent for a child), an
 * attorney's (a health-and-welfare lasting power of attorney, or a court deputy, for an adult), or staff's on
 * their behalf.
 */
public enum RecordedBy { PATIENT, PROXY, ATTORNEY, STAFF }

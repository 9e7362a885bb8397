package uk.nhs.icr.platform;

/**
 * Who recorded a patient's decision: the patient themselves, a proxy acting for them (a parent for a child,
 * say), or a member of staff on their behalf.
 */
public enum RecordedBy { PATIENT, PROXY, STAFF }

package uk.nhs.icr.sharedrecord;

/**
 * Where an entry stands, whatever its kind: a problem is active or resolved, a medication active or
 * completed, an encounter open or closed, a result final, a concern open, a dose given, missed or refused.
 */
public enum EntryStatus {
    ACTIVE, RESOLVED, COMPLETED, STOPPED, FINAL, OPEN, CLOSED, SENT, GIVEN, MISSED, REFUSED, NOT_REQUIRED, NOT_AVAILABLE,
    SELF_ADMINISTERED
}

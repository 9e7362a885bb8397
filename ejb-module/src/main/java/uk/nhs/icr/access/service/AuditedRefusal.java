package uk.nhs.icr.access.service;

/**
 * A refusal a {@link PatientDataAccess} write makes after access was granted, for a reason of its own (a
 * failed identity check, say): the access decision point audits it as a denial with this reason.
 */
public interface AuditedRefusal {

    /** Why the write was refused, for the audit log (no patient data). */
    String auditReason();
}

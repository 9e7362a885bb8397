package uk.nhs.icr.audit.service;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import uk.nhs.icr.access.service.AccessDecidedInside;
import uk.nhs.icr.access.service.AccessDecision;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.audit.AuditEntry;
import uk.nhs.icr.audit.AuditLogRepository;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.RequestCorrelation;

/**
 * Writes audit entries: {@link #record} in a transaction of its own, so that an access is on record even when
 * the business transaction it belongs to is rolled back (a denied or failed access included);
 * {@link #recordWithin} in the caller's, for a change that must commit with its entry or not at all.
 */
@Stateless
public class AuditLog {

    @Inject
    AuditLogRepository log;

    @Inject
    UkClock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @AccessDecidedInside("writes the audit entry of a decision already taken")
    public void record(Caller caller, NhsNumber patient, Resource resource, AuditAction action, AccessDecision decision) {
        // through the audit pool: the caller may be holding a hospital connection in a transaction of its own (a failed write)
        log.appendThroughOwnPool(entry(caller, patient, resource, action, decision), clock.now());
    }

    /**
     * Writes the entry in the caller's transaction: for a change that must never be on record without its
     * audit entry, nor the audit entry without the change.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    @AccessDecidedInside("writes the audit entry of a decision already taken")
    public void recordWithin(Caller caller, NhsNumber patient, Resource resource, AuditAction action, AccessDecision decision) {
        append(caller, patient, resource, action, decision);
    }

    private void append(Caller caller, NhsNumber patient, Resource resource, AuditAction action, AccessDecision decision) {
        log.append(entry(caller, patient, resource, action, decision), clock.now());
    }

    private static AuditEntry entry(Caller caller, NhsNumber patient, Resource resource, AuditAction action, AccessDecision decision) {
        return new AuditEntry(caller.username(), caller.roleName(), caller.organisationCode(), patient == null ? null : patient.value(),
                resource.auditName(), action.name(), decision.purpose().name(), decision.outcome().name(), decision.reason(),
                caller.channel().name(), caller.clientAddress(), RequestCorrelation.current().orElse(null));
    }
}

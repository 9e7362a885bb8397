package uk.nhs.icr.audit.service;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import uk.nhs.icr.audit.AuditLogRepository;

/** One batch of sealing in a transaction of its own (the sealer's loop commits batch by batch). */
@Stateless
public class AuditSealing {

    @Inject
    AuditLogRepository log;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sealBatch(int max) {
        return log.sealPending(max);
    }
}

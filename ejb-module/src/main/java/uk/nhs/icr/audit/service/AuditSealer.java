package uk.nhs.icr.audit.service;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;


/**
 * Seals the audit log's hash chain a second or so behind the requests that append to it, so that no request waits
 * on another for the chain (issue 12): every second, and once at start (rows appended before a stop are sealed
 * then), it seals every committed unsealed row in batches. A batch is one transaction on the hospital database only.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());
    static final int BATCH = 500;

    @Inject
    AuditSealing sealing;

    /**
     * A persistent timer, so that on a cluster (the HA profile's distributed timer management) one node runs it and
     * another takes it over when that node dies; on one server it is kept in the server's timer store. Each pass is logged
     * at FINE (a count, nothing about a patient): how the cluster test sees which node sealed when.
     */
    @Schedule(second = "*", minute = "*", hour = "*", persistent = true)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sealEverySecond() {
        try {
            int sealed = sealAll();
            LOG.fine(() -> "Audit sealing pass: " + sealed + " rows sealed");
        } catch (RuntimeException e) {
            // the rows stay unsealed and are sealed on the next pass; nothing is lost
            LOG.log(Level.WARNING, "Audit sealing failed; the next pass retries: " + e.getClass().getSimpleName());
        }
    }

    /** Seals everything committed and unsealed now; returns how many rows it sealed. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int sealAll() {
        int total = 0;
        int sealed;
        do {
            sealed = sealing.sealBatch(BATCH);
            total += sealed;
        } while (sealed == BATCH);
        return total;
    }
}

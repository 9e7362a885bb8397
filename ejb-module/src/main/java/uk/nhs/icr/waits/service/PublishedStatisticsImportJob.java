package uk.nhs.icr.waits.service;

import java.io.IOException;
import java.nio.file.Files;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.InvalidInputException;

/**
 * Runs an import the portal started, on a thread of its own, as the administrator who started it (the request that
 * carried the file has ended, so the caller comes with the job): imported, refused with the file's faults, or failed,
 * its end is told to its progress only after its transaction has ended, and the kept file is deleted either way.
 */
@Stateless
public class PublishedStatisticsImportJob {

    private static final Logger LOG = Logger.getLogger(PublishedStatisticsImportJob.class.getName());

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PublishedStatisticsImport importer;

    @Inject
    ImportBoard board;

    @Inject
    UkClock clock;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(UUID id, Caller startedBy) {
        ImportProgress progress = board.find(id).orElseThrow(() -> new IllegalStateException("an import nobody registered"));
        currentCaller.set(startedBy);
        try {
            progress.imported(importer.importUpload(id), clock.now());
        } catch (InvalidInputException refused) {
            progress.refused(refused.errors(), clock.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An import of published RTT statistics failed; nothing was imported", e);
            progress.failed(clock.now());
        } finally {
            try {
                Files.deleteIfExists(progress.file());
            } catch (IOException e) {
                LOG.log(Level.WARNING, "An uploaded statistics file could not be deleted", e);
            }
        }
    }
}

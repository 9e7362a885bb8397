package uk.nhs.icr.waits.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.waits.PublishedWaits;

/**
 * Takes in a month of NHS England's published RTT statistics (the monthly "Full CSV", plain or zipped as published),
 * as an administrator uploads it: read and checked whole before anything is written ({@link RttFullCsv}), then the
 * month's rows replaced in one transaction, so a file with a fault leaves nothing behind and a month imported again
 * replaces itself. A partner system waits for the answer ({@link #importMonth}); the portal hands the file over and
 * follows the import's progress while it runs in the background ({@link #startImport}, {@link #progressOf}).
 */
@Stateless
public class PublishedStatisticsImport {

    private static final Logger LOG = Logger.getLogger(PublishedStatisticsImport.class.getName());

    /** Months listed as imported, the latest first. */
    private static final int MONTHS_LISTED = 24;

    /** What an import did: the month, the file's rows, the provider-part-function rows kept, and whether it replaced one. */
    public record Imported(String period, long fileRows, int rowsKept, boolean replacedEarlierImport) implements Serializable {
    }

    /** A month imported before: the file's rows, the rows kept, when and by whom. */
    public record ImportedMonth(String period, long fileRows, long rowsKept, Instant importedAt, String importedBy) implements Serializable {
    }

    @Inject
    PublishedWaits published;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    UkClock clock;

    @Inject
    ImportBoard board;

    @Inject
    PublishedStatisticsImportJob job;

    /** Imports the file now, answering when it is in (or refused). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Imported importMonth(InputStream fullCsv) {
        Caller caller = administrator();
        return store(RttFullCsv.read(RttFullCsv.open(fullCsv)), caller, written -> { });
    }

    /**
     * Keeps the uploaded file and starts importing it in the background, answering at once with its progress; the one
     * who started it follows it with {@link #progressOf}.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ImportProgress.Snapshot startImport(InputStream upload) {
        Caller caller = administrator();
        Path file;
        try {
            file = Files.createTempFile("icr-rtt-", ".upload");
            Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportProgress progress = board.register(caller.username(), file, file.toFile().length());
        job.run(progress.id(), caller);
        return progress.snapshot();
    }

    /** How far one's own import has gone; someone else's is not found. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ImportProgress.Snapshot progressOf(UUID id) {
        return ownImport(id, administrator()).snapshot();
    }

    /**
     * The background half of {@link #startImport}: reads the kept file, telling its progress how far it has got, and
     * writes the month, in one transaction. Run by {@link PublishedStatisticsImportJob} as the one who started it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Imported importUpload(UUID id) {
        Caller caller = administrator();
        ImportProgress progress = ownImport(id, caller);
        try (InputStream file = new ProgressInputStream(Files.newInputStream(progress.file()), progress::read)) {
            RttFullCsv.Read read = RttFullCsv.read(RttFullCsv.open(file), progress::rowsRead);
            progress.writing(read.rows().size());
            return store(read, caller, progress::written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The months imported, the latest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ImportedMonth> importedMonths() {
        administrator();
        return published.imports(MONTHS_LISTED).stream().map(month -> new ImportedMonth(month.period().toString().substring(0, 7),
                month.fileRows(), month.rowsKept(), month.importedAt(), month.importedBy())).toList();
    }

    private Imported store(RttFullCsv.Read read, Caller caller, IntConsumer written) {
        boolean replaced = published.replace(read.period(), read.rows(), read.fileRows(), caller.username(), clock.now(), written);
        LOG.info(() -> "Imported the RTT statistics of " + read.period() + ": " + read.fileRows() + " rows, " + read.rows().size() + " kept");
        return new Imported(read.period().toString().substring(0, 7), read.fileRows(), read.rows().size(), replaced);
    }

    private ImportProgress ownImport(UUID id, Caller caller) {
        return board.find(id).filter(progress -> progress.startedBy().equals(caller.username()))
                .orElseThrow(ImportNotFoundException::new);
    }

    /** No import of the caller's by that id on this server (or it ended over an hour ago). */
    public static class ImportNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public ImportNotFoundException() {
            super("No import of yours is known by that id: it may have ended over an hour ago");
        }
    }

    private Caller administrator() {
        Caller caller = currentCaller.require();
        if (caller.isPatient() || !caller.hasRole(StaffRole.ADMIN)) {
            throw new AccessDeniedException("Published waiting-time statistics are imported by an administrator", false);
        }
        return caller;
    }
}

package uk.nhs.icr.waits.service;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import uk.nhs.icr.platform.service.FieldError;

/**
 * How far one background import of a published statistics file has gone, written by the thread doing it and read by
 * the page that started it: bytes read of the uploaded file, rows checked, rows written, then its end (imported,
 * refused with its faults, or failed). Thread-safe; what a page sees is a {@link Snapshot}.
 */
public final class ImportProgress {

    /** Where an import is. Reading and writing run; the other three are ends. */
    public enum Phase { READING, WRITING, IMPORTED, REFUSED, FAILED }

    /** Share of the bar the reading of the file takes; writing the summed rows fills the rest. */
    private static final int READING_PERCENT = 90;

    private final UUID id;
    private final String startedBy;
    private final Path file;
    private final long fileBytes;
    private final AtomicLong bytesRead = new AtomicLong();
    private volatile long rowsRead;
    private volatile int rowsToWrite;
    private volatile int rowsWritten;
    private volatile Phase phase = Phase.READING;
    private volatile PublishedStatisticsImport.Imported imported;
    private volatile List<FieldError> faults = List.of();
    private volatile Instant endedAt;

    ImportProgress(String startedBy, Path file, long fileBytes) {
        this.id = UUID.randomUUID();
        this.startedBy = startedBy;
        this.file = file;
        this.fileBytes = fileBytes;
    }

    UUID id() {
        return id;
    }

    String startedBy() {
        return startedBy;
    }

    Path file() {
        return file;
    }

    void read(long bytes) {
        bytesRead.addAndGet(bytes);
    }

    void rowsRead(long rows) {
        rowsRead = rows;
    }

    void writing(int rows) {
        rowsToWrite = rows;
        phase = Phase.WRITING;
    }

    void written(int rows) {
        rowsWritten = rows;
    }

    void imported(PublishedStatisticsImport.Imported result, Instant at) {
        imported = result;
        end(Phase.IMPORTED, at);
    }

    void refused(List<FieldError> why, Instant at) {
        faults = List.copyOf(why);
        end(Phase.REFUSED, at);
    }

    void failed(Instant at) {
        end(Phase.FAILED, at);
    }

    private void end(Phase ended, Instant at) {
        endedAt = at;
        phase = ended;
    }

    /** Ended before this instant: a board may forget it. */
    boolean endedBefore(Instant instant) {
        Instant ended = endedAt;
        return ended != null && ended.isBefore(instant);
    }

    Snapshot snapshot() {
        Phase now = phase;
        int percent = switch (now) {
            case READING -> fileBytes == 0 ? 0 : (int) Math.min(READING_PERCENT, READING_PERCENT * bytesRead.get() / fileBytes);
            case WRITING -> READING_PERCENT + (rowsToWrite == 0 ? 0 : (100 - READING_PERCENT) * rowsWritten / rowsToWrite);
            case IMPORTED, REFUSED, FAILED -> 100;
        };
        return new Snapshot(id, now, percent, rowsRead, rowsWritten, rowsToWrite, imported, faults);
    }

    /**
     * An import as it stands: its phase, the share done (0-100, 100 once it has ended whichever way), the file's rows
     * read so far, the summed rows written of those to write, and at the end what was imported or why it was refused.
     */
    public record Snapshot(UUID id, Phase phase, int percent, long rowsRead, int rowsWritten, int rowsToWrite,
                           PublishedStatisticsImport.Imported imported, List<FieldError> faults) implements Serializable {

        public boolean running() {
            return phase == Phase.READING || phase == Phase.WRITING;
        }

        public boolean succeeded() {
            return phase == Phase.IMPORTED;
        }

        public boolean failed() {
            return phase == Phase.FAILED;
        }
    }
}

package uk.nhs.icr.portal.waits;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.event.FileUploadEvent;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.waits.service.ImportProgress;
import uk.nhs.icr.waits.service.PublishedStatisticsImport;
import uk.nhs.icr.waits.service.PublishedStatisticsImport.Imported;
import uk.nhs.icr.waits.service.PublishedStatisticsImport.ImportedMonth;

/**
 * An administrator imports a month of NHS England's published RTT statistics: the file (the Full CSV, or the ZIP it
 * is published in) goes up, the import runs in the background, and the page follows it, once a second, to its end: a
 * bar and the rows read so far, then what was imported or each faulty line of a refused file.
 */
@Named
@ViewScoped
public class PublishedImportView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    @Inject
    PublishedStatisticsImport importer;

    private ImportProgress.Snapshot progress;
    private List<ImportedMonth> months = List.of();

    @PostConstruct
    void open() {
        try {
            months = importer.importedMonths();
        } catch (AccessDeniedException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    /** The file has arrived: its import starts, and the page follows it. */
    public void upload(FileUploadEvent event) {
        try (InputStream file = event.getFile().getInputStream()) {
            progress = importer.startImport(file);
        } catch (AccessDeniedException e) {
            FieldMessages.error(null, e.getMessage());
        } catch (IOException e) {
            FieldMessages.error("import:file", "the file did not arrive whole: choose it again");
        }
    }

    /** The poll's tick: how far the import has got, and at its end what came of it. */
    public void refresh() {
        if (progress == null || !progress.running()) {
            return;
        }
        try {
            progress = importer.progressOf(progress.id());
        } catch (ResourceNotFoundException | AccessDeniedException e) {
            FieldMessages.error(null, e.getMessage());
            progress = null;
            return;
        }
        if (progress.succeeded()) {
            Imported imported = progress.imported();
            FieldMessages.info(YearMonth.parse(imported.period()).format(MONTH) + " imported: " + number(imported.fileRows())
                    + " rows read, " + number(imported.rowsKept()) + " kept by provider, part and treatment function"
                    + (imported.replacedEarlierImport() ? ", replacing the month's earlier import." : "."));
            open();
        } else if (!progress.running()) {
            FieldMessages.error("import:file", progress.failed()
                    ? "the import stopped unexpectedly and nothing was imported: try again, and if it fails again tell the service desk"
                    : "the file was refused and nothing was imported: " + progress.faults().size() + " fault(s), listed below");
        }
    }

    /** Where the import stands, in words for the line under the bar. */
    public String getProgressText() {
        if (progress == null) {
            return "";
        }
        return switch (progress.phase()) {
            case READING -> "Reading and checking the file: " + number(progress.rowsRead()) + " rows so far";
            case WRITING -> "Writing the month: " + number(progress.rowsWritten()) + " of " + number(progress.rowsToWrite()) + " rows";
            case IMPORTED -> "Imported";
            case REFUSED -> "Refused: nothing was imported";
            case FAILED -> "Stopped: nothing was imported";
        };
    }

    private static String number(long count) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(count);
    }

    public boolean isRunning() {
        return progress != null && progress.running();
    }

    public ImportProgress.Snapshot getProgress() {
        return progress;
    }

    public List<ImportedMonth> getMonths() {
        return months;
    }

    /** A month as people say it: October 2025. */
    public String monthName(String period) {
        return YearMonth.parse(period).format(MONTH);
    }
}

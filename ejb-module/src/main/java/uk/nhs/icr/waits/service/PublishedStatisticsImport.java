package uk.nhs.icr.waits.service;

import java.io.Reader;
import java.io.Serializable;
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
import uk.nhs.icr.waits.PublishedWaits;

/**
 * Takes in a month of NHS England's published RTT statistics (the monthly "Full CSV"), as an administrator uploads it:
 * read and checked whole before anything is written ({@link RttFullCsv}), then the month's rows replaced in one
 * transaction, so a file with a fault leaves nothing behind and a month imported again replaces itself.
 */
@Stateless
public class PublishedStatisticsImport {

    private static final Logger LOG = Logger.getLogger(PublishedStatisticsImport.class.getName());

    /** What an import did: the month, the file's rows, the provider-part-function rows kept, and whether it replaced one. */
    public record Imported(String period, long fileRows, int rowsKept, boolean replacedEarlierImport) implements Serializable {
    }

    @Inject
    PublishedWaits published;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    UkClock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Imported importMonth(Reader fullCsv) {
        Caller caller = currentCaller.require();
        if (caller.isPatient() || !caller.hasRole(StaffRole.ADMIN)) {
            throw new AccessDeniedException("Published waiting-time statistics are imported by an administrator", false);
        }
        RttFullCsv.Read read = RttFullCsv.read(fullCsv);
        boolean replaced = published.replace(read.period(), read.rows(), read.fileRows(), caller.username(), clock.now());
        LOG.info(() -> "Imported the RTT statistics of " + read.period() + ": " + read.fileRows() + " rows, " + read.rows().size() + " kept");
        return new Imported(read.period().toString().substring(0, 7), read.fileRows(), read.rows().size(), replaced);
    }
}

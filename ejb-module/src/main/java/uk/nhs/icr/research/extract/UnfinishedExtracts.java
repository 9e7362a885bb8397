package uk.nhs.icr.research.extract;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.research.ExtractRuns;

/**
 * At start, marks failed the extract runs the last server left starting or running (it was stopped or killed under them:
 * no job of this server is running yet), so that their researchers can restart them from their last checkpoint and their
 * projects can extract again. One server per database: a cluster's nodes must not all do this (issue 22).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class UnfinishedExtracts {

    private static final Logger LOG = Logger.getLogger(UnfinishedExtracts.class.getName());

    @Inject
    ExtractRuns runs;

    @Inject
    UkClock clock;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void markFailed() {
        for (ExtractRuns.Run run : runs.unfinished()) {
            runs.interrupted(run.id(), ExtractRuns.Status.FAILED, "cut off when the server stopped: restart it to go on from its last"
                    + " checkpoint", clock.now());
            LOG.info(() -> "Research extract run " + run.id() + " was cut off when the server stopped; marked failed for a restart");
        }
    }
}

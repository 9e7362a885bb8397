package uk.nhs.icr.platform.service;

import java.util.logging.Logger;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import uk.nhs.icr.sharedrecord.SensitiveContentBackfill;

/**
 * Hospital database migration 8, in Java because the rule lives in Java ({@code SensitiveContent}): entries
 * recorded as general whose medicine or test reveals a sensitive condition are refiled under it. Logs progress
 * (counts only) as it goes through the record in chunks.
 */
// the name is Flyway's: it reads the version (8) and description from it
public class V8__File_revealing_entries_under_their_category extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V8__File_revealing_entries_under_their_category.class.getName());

    @Override
    public void migrate(Context context) throws Exception {
        long refiled = SensitiveContentBackfill.refile(context.getConnection(),
                read -> LOG.info(() -> "Refiling entries that reveal a sensitive condition: " + read + " read"));
        LOG.info(() -> "Refiled " + refiled + " entries under the category their medicine or test reveals");
    }
}

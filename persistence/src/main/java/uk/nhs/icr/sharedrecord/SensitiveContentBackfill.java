package uk.nhs.icr.sharedrecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.LongConsumer;

/**
 * Files hospital entries recorded before {@link SensitiveContent} existed under the category their medicine or
 * test reveals (a lithium level recorded as general becomes mental health), so that consent and the
 * sensitive-data rules treat old entries as they treat new ones. Reads in chunks through a cursor and writes in
 * batches, so it runs in constant memory whatever the size of the record; it only ever raises a category.
 */
public final class SensitiveContentBackfill {

    static final int CHUNK = 1_000;

    private SensitiveContentBackfill() {
    }

    /**
     * Runs inside the caller's transaction (a cursor needs one) and returns how many entries it refiled;
     * {@code progress} hears the number of entries read after each chunk.
     */
    public static long refile(Connection connection, LongConsumer progress) throws SQLException {
        long read = 0;
        long refiled = 0;
        try (PreparedStatement select = connection.prepareStatement("select id, title from hospital_entry where category = 'GENERAL'"
                + " and entry_type in ('MEDICATION', 'BLOOD_TEST', 'PROBLEM')");
             PreparedStatement update = connection.prepareStatement("update hospital_entry set category = ? where id = ?"
                     + " and category = 'GENERAL'")) {
            select.setFetchSize(CHUNK);
            try (ResultSet rows = select.executeQuery()) {
                int batched = 0;
                while (rows.next()) {
                    read++;
                    var revealed = SensitiveContent.categoryOf(rows.getString("title"));
                    if (revealed.isPresent()) {
                        update.setString(1, revealed.get().name());
                        update.setLong(2, rows.getLong("id"));
                        update.addBatch();
                        batched++;
                        refiled++;
                    }
                    if (read % CHUNK == 0) {
                        if (batched > 0) {
                            update.executeBatch();
                            batched = 0;
                        }
                        progress.accept(read);
                    }
                }
                if (batched > 0) {
                    update.executeBatch();
                }
            }
        }
        progress.accept(read);
        return refiled;
    }
}

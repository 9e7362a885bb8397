package uk.nhs.icr.waits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import uk.nhs.icr.platform.SqlValues;

/**
 * NHS England's published RTT statistics as imported ({@code rtt_published}): a month's rows replaced whole, in the
 * importer's transaction; read back as weekly bands for a treatment function and part, one provider or all summed.
 */
@ApplicationScoped
public class PublishedWaits {

    /** One provider's counts for one part and treatment function, summed over commissioners. */
    public record Row(String providerCode, String providerName, String partType, String treatmentFunction, long[] weekBands, long total,
                      long unknownClockStart, long totalAll) {
    }

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    /** A treatment function as the published files name it: 320 is C_320; C_999 and X02-X06 stay as they are. */
    public static String publishedCode(String treatmentFunction) {
        String code = treatmentFunction.strip().toUpperCase(Locale.ROOT);
        return code.matches("\\d{3}") ? "C_" + code : code;
    }

    /** Replaces the month's rows with these; answers whether the month had been imported before. */
    public boolean replace(LocalDate period, List<Row> rows, long fileRows, String importedBy, Instant at) {
        return replace(period, rows, fileRows, importedBy, at, written -> { });
    }

    /** As {@link #replace(LocalDate, List, long, String, Instant)}, telling {@code rowsWritten} after each batch of rows. */
    public boolean replace(LocalDate period, List<Row> rows, long fileRows, String importedBy, Instant at, IntConsumer rowsWritten) {
        // two imports of one month at once are taken in turn (the second replaces the first), not failed on the unique key
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, ?2)) as locked").setParameter(1, IMPORT_LOCK)
                .setParameter(2, (int) period.toEpochDay()).getSingleResult();
        int removed = em.createNativeQuery("delete from rtt_published where period = ?1").setParameter(1, period).executeUpdate();
        boolean before = em.createNativeQuery("delete from rtt_published_import where period = ?1").setParameter(1, period)
                .executeUpdate() > 0 || removed > 0;
        for (int from = 0; from < rows.size(); from += CHUNK) {
            int to = Math.min(from + CHUNK, rows.size());
            insert(period, rows.subList(from, to));
            rowsWritten.accept(to);
        }
        em.createNativeQuery("insert into rtt_published_import (period, file_rows, imported_at, imported_by) values (?1, ?2, ?3, ?4)")
                .setParameter(1, period).setParameter(2, fileRows).setParameter(3, at).setParameter(4, importedBy).executeUpdate();
        return before;
    }

    /** The first key of the transaction lock an import of a month takes (the second: the month's epoch day). */
    private static final int IMPORT_LOCK = 14_001;

    /** Rows written per statement: a file of a few hundred thousand rows comes to tens of thousands, in a hundred or so. */
    private static final int CHUNK = 500;

    private void insert(LocalDate period, List<Row> chunk) {
        StringBuilder sql = new StringBuilder("insert into rtt_published (period, provider_code, provider_name, part_type,"
                + " treatment_function, week_bands, total, unknown_clock_start, total_all) values ");
        for (int i = 0; i < chunk.size(); i++) {
            int p = i * 9;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?").append(p + 3)
                    .append(", ?").append(p + 4).append(", ?").append(p + 5).append(", ?").append(p + 6).append(", ?").append(p + 7)
                    .append(", ?").append(p + 8).append(", ?").append(p + 9).append(')');
        }
        Query insert = em.createNativeQuery(sql.toString());
        for (int i = 0; i < chunk.size(); i++) {
            Row row = chunk.get(i);
            int p = i * 9;
            insert.setParameter(p + 1, period).setParameter(p + 2, row.providerCode()).setParameter(p + 3, row.providerName())
                    .setParameter(p + 4, row.partType()).setParameter(p + 5, row.treatmentFunction())
                    .setParameter(p + 6, Arrays.stream(row.weekBands()).mapToObj(Long::toString).collect(Collectors.joining(",")))
                    .setParameter(p + 7, row.total()).setParameter(p + 8, row.unknownClockStart()).setParameter(p + 9, row.totalAll());
        }
        insert.executeUpdate();
    }

    /** The weekly bands of a month, part and treatment function: one provider's, or every provider's summed. */
    @SuppressWarnings("unchecked")
    public Optional<WeekBands> bands(LocalDate period, String partType, String treatmentFunction, Optional<String> provider) {
        List<String> found = em.createNativeQuery("select week_bands from rtt_published where period = ?1 and part_type = ?2"
                        + " and treatment_function = ?3 and (?4 = '' or provider_code = ?4)")
                .setParameter(1, period).setParameter(2, partType).setParameter(3, treatmentFunction).setParameter(4, provider.orElse(""))
                .getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WeekBands summed = WeekBands.empty();
        for (String bands : found) {
            String[] counts = bands.split(",");
            for (int band = 0; band < counts.length; band++) {
                summed.add(band, Long.parseLong(counts[band]));
            }
        }
        return Optional.of(summed);
    }

    /** One month imported: its file's rows, when and by whom. */
    public record Import(LocalDate period, long fileRows, long rowsKept, Instant importedAt, String importedBy) {
    }

    /** The months imported, latest first, at most {@code limit}. */
    public List<Import> imports(int limit) {
        List<?> found = em.createNativeQuery("select i.period, i.file_rows, (select count(*) from rtt_published p where p.period = i.period),"
                + " i.imported_at, i.imported_by from rtt_published_import i order by i.period desc limit ?1").setParameter(1, limit).getResultList();
        return found.stream().map(Object[].class::cast).map(row -> new Import(SqlValues.localDate(row[0]), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), SqlValues.instant(row[3]), (String) row[4])).toList();
    }



    /** The latest month whose published figures hold this part and treatment function, if any was imported. */
    public Optional<LocalDate> latestPeriodOf(String partType, String treatmentFunction) {
        Object latest = em.createNativeQuery("select max(period) from rtt_published where part_type = ?1 and treatment_function = ?2")
                .setParameter(1, partType).setParameter(2, treatmentFunction).getSingleResult();
        return Optional.ofNullable(latest).map(SqlValues::localDate);
    }
}

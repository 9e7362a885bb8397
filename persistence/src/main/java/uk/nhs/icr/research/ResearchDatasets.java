package uk.nhs.icr.research;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The research database: one schema per project's pseudonymised dataset ({@code rp_2026_0001}), holding a {@code person}
 * table (a pseudonym and the project's person fields) and an {@code entry} table (an entry's own pseudonymous key, its
 * patient's pseudonym and the project's entry fields), nothing else. A run writes a schema of its own and is published by
 * renaming it over the project's. Written through JDBC batches in the caller's JTA transaction.
 */
@ApplicationScoped
public class ResearchDatasets {

    /** A row of either table: its key and the project's fields' values (absent fields are not columns at all). */
    public record Row(String key, String pseudonym, Map<DatasetField, Object> values) {
    }

    /** The quasi-identifiers a k-anonymity check groups by, where the dataset has them (month of birth is a finer age). */
    static final List<DatasetField> QUASI_IDENTIFIERS = List.of(DatasetField.AGE_BAND, DatasetField.BIRTH_YEAR_MONTH, DatasetField.SEX,
            DatasetField.POSTCODE_DISTRICT);

    private static final Pattern SCHEMA = Pattern.compile("rp_\\d{4}_\\d{4}(_run_\\d+)?");

    @Resource(lookup = "java:jboss/datasources/ResearchDS")
    DataSource research;

    /** The schema of a project's published dataset: RP-2026-0001 is rp_2026_0001. */
    public static String projectSchema(String reference) {
        return checked(reference.toLowerCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    /** The schema a run writes into before it is published. */
    public static String runSchema(String reference, long runId) {
        return checked(projectSchema(reference) + "_run_" + runId);
    }

    private static String checked(String schema) {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a research schema name");
        }
        return schema;
    }

    /** Makes a run's schema and its two tables, with a column for each of the project's fields and no other. */
    public void createRunSchema(String schema, Set<DatasetField> fields) {
        String person = columns(fields, DatasetField.Level.PERSON);
        String entry = columns(fields, DatasetField.Level.ENTRY);
        execute("create schema " + checked(schema),
                "create table " + schema + ".person (pseudonym char(64) primary key" + person + ")",
                "create table " + schema + ".entry (entry_key char(64) primary key, pseudonym char(64) not null" + entry + ")",
                "create index on " + schema + ".entry (pseudonym)");
    }

    private static String columns(Set<DatasetField> fields, DatasetField.Level level) {
        return fields.stream().filter(field -> field.level() == level)
                .map(field -> ", " + field.column() + (field.numeric() ? " numeric(14, 4)" : " varchar(40)")).collect(Collectors.joining());
    }

    /** Adds rows to a run's table; a row written before (a chunk again after a restart) is left as it is. */
    public void insert(String schema, DatasetField.Level level, Set<DatasetField> fields, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<DatasetField> columns = fields.stream().filter(field -> field.level() == level).toList();
        String table = level == DatasetField.Level.PERSON ? "person" : "entry";
        StringBuilder sql = new StringBuilder("insert into ").append(checked(schema)).append('.').append(table)
                .append(level == DatasetField.Level.PERSON ? " (pseudonym" : " (entry_key, pseudonym");
        columns.forEach(field -> sql.append(", ").append(field.column()));
        sql.append(") values (?").append(level == DatasetField.Level.PERSON ? "" : ", ?");
        columns.forEach(field -> sql.append(", ?"));
        sql.append(") on conflict do nothing");
        try (Connection connection = research.getConnection(); PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            for (Row row : rows) {
                int p = 1;
                if (level == DatasetField.Level.ENTRY) {
                    insert.setString(p++, row.key());
                }
                insert.setString(p++, row.pseudonym());
                for (DatasetField field : columns) {
                    insert.setObject(p++, row.values().get(field));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("writing a research dataset failed", e);
        }
    }

    /** The rows of a schema's two tables. */
    public long[] counts(String schema) {
        return new long[] {single("select count(*) from " + checked(schema) + ".person"), single("select count(*) from " + schema + ".entry")};
    }

    /**
     * The smallest group of people sharing the same quasi-identifiers (age band, sex, postcode district, as many of them as
     * the dataset has): the dataset's k. No quasi-identifier at all: everyone is one group. No one: 0.
     */
    public long smallestGroup(String schema, Set<DatasetField> fields) {
        List<String> present = QUASI_IDENTIFIERS.stream().filter(fields::contains).map(DatasetField::column).toList();
        String groups = present.isEmpty() ? "select count(*) as size from " + checked(schema) + ".person having count(*) > 0"
                : "select count(*) as size from " + checked(schema) + ".person group by " + String.join(", ", present);
        return single("select coalesce(min(size), 0) from (" + groups + ") as grouped");
    }

    /** The run's schema becomes the project's dataset, replacing the one before. */
    public void publish(String reference, String runSchema, long runId, int keyVersion, long persons, long entries, long smallestGroup,
                        boolean rowLevel, Instant at) {
        String project = projectSchema(reference);
        execute("drop schema if exists " + project + " cascade", "alter schema " + checked(runSchema) + " rename to " + project);
        try (Connection connection = research.getConnection(); PreparedStatement upsert = connection.prepareStatement(
                "insert into registry.project_dataset (reference, schema_name, run_id, key_version, persons, entries, smallest_group, row_level,"
                        + " published_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (reference) do update set schema_name = excluded.schema_name,"
                        + " run_id = excluded.run_id, key_version = excluded.key_version, persons = excluded.persons, entries = excluded.entries,"
                        + " smallest_group = excluded.smallest_group, row_level = excluded.row_level, published_at = excluded.published_at")) {
            upsert.setString(1, reference);
            upsert.setString(2, project);
            upsert.setLong(3, runId);
            upsert.setInt(4, keyVersion);
            upsert.setLong(5, persons);
            upsert.setLong(6, entries);
            upsert.setLong(7, smallestGroup);
            upsert.setBoolean(8, rowLevel);
            upsert.setObject(9, java.sql.Timestamp.from(at));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("publishing a research dataset failed", e);
        }
    }

    /** What an aggregate may compute over a group, besides counting its patients. */
    public enum Measure { COUNT, MEAN, MEDIAN }

    /** An equality filter on one registered field. */
    public record Equals(DatasetField field, String value) {
    }

    /**
     * An aggregate over a project's published dataset: the patients in each group of up to three registered fields (and,
     * when asked, the mean and median of a numeric field), over equality filters on registered fields. People are
     * counted once per group however many entries they have. Field names come from the enum, values are bound.
     */
    public List<DisclosureControl.Cell> aggregate(String reference, List<DatasetField> groupBy, List<Equals> filters, DatasetField of) {
        String schema = projectSchema(reference);
        boolean entries = groupBy.stream().anyMatch(field -> field.level() == DatasetField.Level.ENTRY)
                || filters.stream().anyMatch(filter -> filter.field().level() == DatasetField.Level.ENTRY)
                || of != null && of.level() == DatasetField.Level.ENTRY;
        String groups = groupBy.stream().map(ResearchDatasets::qualified).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("select ").append(groups.isEmpty() ? "" : groups + ", ")
                .append("count(distinct p.pseudonym)");
        if (of != null) {
            sql.append(", avg(").append(qualified(of)).append("), percentile_cont(0.5) within group (order by ").append(qualified(of))
                    .append("), count(distinct p.pseudonym) filter (where ").append(qualified(of)).append(" is not null)");
        }
        sql.append(" from ").append(schema).append(".person p");
        if (entries) {
            sql.append(" join ").append(schema).append(".entry e on e.pseudonym = p.pseudonym");
        }
        sql.append(filters.isEmpty() ? "" : " where " + filters.stream().map(filter -> qualified(filter.field()) + "::text = ?")
                .collect(Collectors.joining(" and ")));
        if (!groups.isEmpty()) {
            sql.append(" group by ").append(groups).append(" order by ").append(groups);
        }
        List<DisclosureControl.Cell> cells = new ArrayList<>();
        try (Connection connection = research.getConnection(); PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < filters.size(); i++) {
                query.setString(i + 1, filters.get(i).value());
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    List<String> group = new ArrayList<>();
                    for (int i = 1; i <= groupBy.size(); i++) {
                        group.add(rows.getString(i) == null ? "(none)" : rows.getString(i));
                    }
                    long patients = rows.getLong(groupBy.size() + 1);
                    Double mean = of == null ? null : nullableDouble(rows, groupBy.size() + 2);
                    Double median = of == null ? null : nullableDouble(rows, groupBy.size() + 3);
                    Long measured = of == null ? null : rows.getLong(groupBy.size() + 4);
                    if (!groupBy.isEmpty() || patients > 0) {
                        cells.add(new DisclosureControl.Cell(group, patients, mean, median, measured));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("an aggregate over a research dataset failed", e);
        }
        return cells;
    }

    private static Double nullableDouble(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    private static String qualified(DatasetField field) {
        return (field.level() == DatasetField.Level.PERSON ? "p." : "e.") + field.column();
    }

    /** Whether a project has a published dataset now, and from which run. */
    public java.util.Optional<Long> publishedRun(String reference) {
        try (Connection connection = research.getConnection(); PreparedStatement query = connection.prepareStatement(
                "select run_id from registry.project_dataset where reference = ?")) {
            query.setString(1, reference);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? java.util.Optional.of(rows.getLong(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the research registry failed", e);
        }
    }

    /** A run's schema that is not to be published (refused): gone, rows and all. */
    public void drop(String runSchema) {
        execute("drop schema if exists " + checked(runSchema) + " cascade");
    }


    private long single(String sql) {
        try (Connection connection = research.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("reading a research dataset failed", e);
        }
    }

    private void execute(String... statements) {
        try (Connection connection = research.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("changing a research schema failed", e);
        }
    }
}

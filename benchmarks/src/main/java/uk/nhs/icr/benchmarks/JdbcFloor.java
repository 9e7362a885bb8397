package uk.nhs.icr.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import org.postgresql.xa.PGXADataSource;

/**
 * The floor ICR is measured against: the same SQL work as each benchmark scenario done with plain JDBC on the same
 * machine in the same run, and the bare floors (a primary-key read from both databases; an XA insert into both).
 * Reads run their statements in one local transaction per database with a lock-free audit insert and no two-phase
 * commit; cross-store writes run their inserts under an XA two-phase commit with PostgreSQL's XA data source.
 * <p>
 * {@code java uk.nhs.icr.benchmarks.JdbcFloor <patients.csv> <out.csv> [seconds] [threads...]}: writes one line per
 * workload and thread count: workload, threads, ops/s, p50, p95, p99 (ms).
 */
public final class JdbcFloor {

    private static final String HOST = env("ICR_DB_HOST", "127.0.0.1");
    private static final int PORT = Integer.parseInt(env("ICR_DB_PORT", "5432"));
    private static final String USER = env("ICR_DB_USER", "icr");
    private static final String PASSWORD = env("ICR_DB_PASSWORD", "icr");
    private static final String HOSPITAL = env("ICR_HOSPITAL_DB", "icr_hospital");
    private static final String SOCIAL_CARE = env("ICR_SOCIALCARE_DB", "icr_socialcare");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong XIDS = new AtomicLong(System.nanoTime());
    /** The floor's own XA format id: its branches are told apart from the server's (Narayana's) in pg_prepared_xacts. */
    private static final int FORMAT_ID = 4242;

    /** One unit of work on a worker's own connections. */
    @FunctionalInterface
    interface Work {
        void run(Connections connections, String nhsNumber) throws Exception;
    }

    /**
     * A worker's connections, opened when first used: plain ones to both databases for reads, XA ones for the cross-store
     * writes (a worker uses one kind, so PostgreSQL's connection limit is not spent on the other).
     */
    static final class Connections implements AutoCloseable {
        private Connection hospital;
        private Connection socialCare;
        private XAConnection hospitalXa;
        private XAConnection socialCareXa;

        Connection hospital() throws SQLException {
            if (hospital == null) {
                hospital = DriverManager.getConnection(url(HOSPITAL), USER, PASSWORD);
            }
            return hospital;
        }

        Connection socialCare() throws SQLException {
            if (socialCare == null) {
                socialCare = DriverManager.getConnection(url(SOCIAL_CARE), USER, PASSWORD);
            }
            return socialCare;
        }

        XAConnection hospitalXa() throws SQLException {
            if (hospitalXa == null) {
                hospitalXa = xa(HOSPITAL).getXAConnection();
            }
            return hospitalXa;
        }

        XAConnection socialCareXa() throws SQLException {
            if (socialCareXa == null) {
                socialCareXa = xa(SOCIAL_CARE).getXAConnection();
            }
            return socialCareXa;
        }

        @Override
        public void close() throws SQLException {
            for (AutoCloseable connection : new AutoCloseable[] {hospital, socialCare}) {
                if (connection != null) {
                    try {
                        connection.close();
                    } catch (Exception e) {
                        throw new SQLException(e);
                    }
                }
            }
            if (hospitalXa != null) {
                hospitalXa.close();
            }
            if (socialCareXa != null) {
                socialCareXa.close();
            }
        }
    }

    private JdbcFloor() {
    }

    public static void main(String[] args) throws Exception {
        List<String> patients = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream().skip(1).map(String::strip)
                .filter(line -> !line.isEmpty()).map(line -> line.split(",")[0]).toList();
        Path out = Path.of(args[1]);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int[] threads = args.length > 3 ? Arrays.stream(args, 3, args.length).mapToInt(Integer::parseInt).toArray() : new int[] {8, 32};
        prepareScratchTables();
        Map<String, Work> workloads = new LinkedHashMap<>();
        workloads.put("pk-read-both", JdbcFloor::primaryKeyReads);
        workloads.put("xa-insert-both", JdbcFloor::xaInserts);
        workloads.put("open-patient", JdbcFloor::openPatient);
        workloads.put("registration", JdbcFloor::registration);
        List<String> lines = new ArrayList<>(List.of("workload,threads,ops_per_s,p50_ms,p95_ms,p99_ms"));
        for (Map.Entry<String, Work> workload : workloads.entrySet()) {
            for (int count : threads) {
                String line = workload.getKey() + "," + count + "," + measure(workload.getValue(), patients, count, Duration.ofSeconds(seconds));
                System.out.println("floor: " + line);
                lines.add(line);
            }
        }
        Files.write(out, lines, StandardCharsets.UTF_8);
    }

    /** The bare read floor: one row by primary key from each database, autocommit. */
    static void primaryKeyReads(Connections c, String nhsNumber) throws SQLException {
        query(c.hospital(), "select * from patient where nhs_number = ?", nhsNumber);
        query(c.socialCare(), "select * from person where nhs_number = ?", nhsNumber);
    }

    /** The bare XA floor: one row into each database under a two-phase commit. */
    static void xaInserts(Connections c, String nhsNumber) throws Exception {
        inXa(c, (hospital, socialCare) -> {
            insertScratch(hospital, nhsNumber);
            insertScratch(socialCare, nhsNumber);
        });
    }

    /**
     * What opening a patient (the summary, then the timeline's first page, each an audited request) asks of the
     * databases, per request: who the caller is and their organisation, the patient, the relationship, the directive
     * in force, the entries, one audit row (appended without a chain lock); one local transaction per database.
     */
    static void openPatient(Connections c, String nhsNumber) throws SQLException {
        for (String request : List.of("summary", "record")) {
            c.hospital().setAutoCommit(false);
            query(c.hospital(), "select s.*, o.* from staff s join organisation o on o.id = s.organisation_id where s.username = ?", "gp.beech");
            query(c.hospital(), "select * from patient where nhs_number = ?", nhsNumber);
            query(c.hospital(), "select 1 from care_relationship where patient_nhs_number = ? and ended_at is null limit 1", nhsNumber);
            query(c.hospital(), "select * from consent_directive where patient_nhs_number = ? and scope = 'TREATMENT'"
                    + " order by version desc limit 5", nhsNumber);
            if (request.equals("summary")) {
                query(c.hospital(), "select * from hospital_entry where patient_nhs_number = ? and entry_type in"
                        + " ('PROBLEM', 'MEDICATION', 'ALLERGY', 'ALERT', 'BLOOD_TEST', 'ENCOUNTER') order by occurred_at desc limit 200",
                        nhsNumber);
            } else {
                query(c.hospital(), "select count(*) from hospital_entry where patient_nhs_number = ?", nhsNumber);
                query(c.hospital(), "select * from hospital_entry where patient_nhs_number = ? order by occurred_at desc, id desc limit 20",
                        nhsNumber);
            }
            appendAudit(c.hospital(), nhsNumber, request);
            c.hospital().commit();
            c.hospital().setAutoCommit(true);

            c.socialCare().setAutoCommit(false);
            query(c.socialCare(), "select 1 from caseload_allocation where person_nhs_number = ? limit 1", nhsNumber);
            if (request.equals("record")) {
                query(c.socialCare(), "select count(*) from social_care_entry where person_nhs_number = ?", nhsNumber);
            }
            query(c.socialCare(), "select * from social_care_entry where person_nhs_number = ? order by occurred_at desc, id desc limit 20",
                    nhsNumber);
            c.socialCare().commit();
            c.socialCare().setAutoCommit(true);
        }
    }

    /** What registering a patient writes: a row in each database and an audit row, under one two-phase commit. */
    static void registration(Connections c, String nhsNumber) throws Exception {
        inXa(c, (hospital, socialCare) -> {
            query(hospital, "select 1 from patient where nhs_number = ?", nhsNumber);
            insertScratch(hospital, nhsNumber);
            appendAudit(hospital, nhsNumber, "registration");
            insertScratch(socialCare, nhsNumber);
        });
    }

    @FunctionalInterface
    interface XaWork {
        void run(Connection hospital, Connection socialCare) throws SQLException;
    }

    private static void inXa(Connections c, XaWork work) throws Exception {
        XAResource hospital = c.hospitalXa().getXAResource();
        XAResource socialCare = c.socialCareXa().getXAResource();
        Xid hospitalXid = xid();
        Xid socialCareXid = xid();
        hospital.start(hospitalXid, XAResource.TMNOFLAGS);
        socialCare.start(socialCareXid, XAResource.TMNOFLAGS);
        work.run(c.hospitalXa().getConnection(), c.socialCareXa().getConnection());
        hospital.end(hospitalXid, XAResource.TMSUCCESS);
        socialCare.end(socialCareXid, XAResource.TMSUCCESS);
        hospital.prepare(hospitalXid);
        socialCare.prepare(socialCareXid);
        hospital.commit(hospitalXid, false);
        socialCare.commit(socialCareXid, false);
    }

    private static Xid xid() {
        long id = XIDS.incrementAndGet();
        byte[] global = ("icr-floor-" + id).getBytes(StandardCharsets.US_ASCII);
        byte[] branch = Long.toString(id).getBytes(StandardCharsets.US_ASCII);
        return new Xid() {
            @Override
            public int getFormatId() {
                return FORMAT_ID;
            }

            @Override
            public byte[] getGlobalTransactionId() {
                return global;
            }

            @Override
            public byte[] getBranchQualifier() {
                return branch;
            }
        };
    }

    /**
     * An audit row as ICR writes one, into a copy of the audit table with its indexes (the real log is not written to:
     * the floor's rows would break its chain); the hashes are random, as the floor takes no chain lock.
     */
    private static void appendAudit(Connection hospital, String nhsNumber, String what) throws SQLException {
        try (PreparedStatement insert = hospital.prepareStatement("insert into benchmark_audit (occurred_at, username, role,"
                + " organisation_ods, patient_nhs_number, resource_type, action, purpose, outcome, reason, channel, client_address,"
                + " previous_hash, hash) values (now(), 'benchmark.floor', 'GP', 'Y90001', ?, ?, 'READ', 'DIRECT_CARE', 'GRANTED',"
                + " 'benchmark floor', 'API', '127.0.0.1', ?, ?)")) {
            insert.setString(1, nhsNumber);
            insert.setString(2, "Floor " + what);
            insert.setString(3, hex());
            insert.setString(4, hex());
            insert.executeUpdate();
        }
    }

    private static void insertScratch(Connection connection, String nhsNumber) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into benchmark_scratch (nhs_number, written_at, payload)"
                + " values (?, now(), ?)")) {
            insert.setString(1, nhsNumber);
            insert.setString(2, "a row about as wide as a patient's: names, date of birth, postcode and practice");
            insert.executeUpdate();
        }
    }

    /** Rows the floor's writes go to, in both databases, so that the demo register and its audit log are not written to. */
    private static void prepareScratchTables() throws SQLException {
        for (String database : List.of(HOSPITAL, SOCIAL_CARE)) {
            try (Connection connection = DriverManager.getConnection(url(database), USER, PASSWORD);
                 Statement statement = connection.createStatement()) {
                // a floor stopped between prepare and commit leaves its branches prepared, holding their locks
                List<String> orphans = new ArrayList<>();
                try (ResultSet prepared = statement.executeQuery("select gid from pg_prepared_xacts where gid like '" + FORMAT_ID
                        + "\\_%' and database = current_database()")) {
                    while (prepared.next()) {
                        orphans.add(prepared.getString(1));
                    }
                }
                for (String gid : orphans) {
                    statement.execute("rollback prepared '" + gid + "'");
                }
                statement.execute("create table if not exists benchmark_scratch (id bigint generated always as identity primary key,"
                        + " nhs_number varchar(10) not null, written_at timestamptz not null, payload varchar(200) not null)");
                statement.execute("truncate benchmark_scratch");
                if (database.equals(HOSPITAL)) {
                    statement.execute("create table if not exists benchmark_audit (like audit_event including all)");
                    statement.execute("truncate benchmark_audit");
                }
            }
        }
    }

    private static void query(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rows.getObject(1);
                }
            }
        }
    }

    /** Runs the work on {@code threads} workers for the duration: "ops/s,p50,p95,p99". */
    private static String measure(Work work, List<String> patients, int threads, Duration duration) throws Exception {
        long until = System.nanoTime() + duration.toNanos();
        List<List<Long>> samples = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            List<Long> latencies = new ArrayList<>();
            samples.add(latencies);
            Thread worker = new Thread(() -> {
                try (Connections connections = new Connections()) {
                    while (System.nanoTime() < until) {
                        String patient = patients.get(ThreadLocalRandom.current().nextInt(patients.size()));
                        long start = System.nanoTime();
                        work.run(connections, patient);
                        latencies.add(System.nanoTime() - start);
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    System.err.println("floor: " + e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        List<Long> all = new ArrayList<>();
        samples.forEach(all::addAll);
        all.sort(null);
        double seconds = duration.toNanos() / 1e9;
        return String.format(Locale.ROOT, "%.0f,%.1f,%.1f,%.1f%s", all.size() / seconds, percentile(all, 50), percentile(all, 95),
                percentile(all, 99), errors.get() == 0 ? "" : " (" + errors.get() + " workers failed)");
    }

    private static double percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static PGXADataSource xa(String database) {
        PGXADataSource source = new PGXADataSource();
        source.setServerNames(new String[] {HOST});
        source.setPortNumbers(new int[] {PORT});
        source.setDatabaseName(database);
        source.setUser(USER);
        source.setPassword(PASSWORD);
        return source;
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static String hex() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

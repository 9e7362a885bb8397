package uk.nhs.icr.it;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import uk.nhs.icr.access.service.StaffPasswords;
import uk.nhs.icr.patient.NhsNumber;

/**
 * Reads and (for failure injection) writes the test databases directly over JDBC, bypassing the
 * application, so assertions see what was really committed.
 */
public final class Databases {

    public static final String HOSPITAL = System.getProperty("icr.test.hospital-db", "icr_hospital_test");
    public static final String SOCIAL_CARE = System.getProperty("icr.test.socialcare-db", "icr_socialcare_test");
    public static final String RESEARCH = System.getProperty("icr.test.research-db", "icr_research_test");

    private Databases() {
    }

    /** How a test reaches a database by name: JDBC from outside the server, unless a test inside it says otherwise. */
    @FunctionalInterface
    public interface Connector {
        Connection connect(String database) throws SQLException;
    }

    private static volatile Connector connector = Databases::overJdbc;

    /** A test running inside the server reaches the databases through the server's own data sources. */
    public static void connectThrough(Connector inside) {
        connector = inside;
    }

    public static Connection connect(String database) throws SQLException {
        return connector.connect(database);
    }

    private static Connection overJdbc(String database) throws SQLException {
        String host = env("ICR_DB_HOST", "127.0.0.1");
        String port = env("ICR_DB_PORT", "5432");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database,
                env("ICR_DB_USER", "icr"), env("ICR_DB_PASSWORD", "icr"));
    }

    public static int count(String database, String sql, Object... parameters) {
        return Math.toIntExact(queryLong(database, sql, parameters));
    }

    private static final Random RANDOM = new SecureRandom();

    /**
     * An NHS number no patient, person or record entry in the test databases has yet, random in 999 5xx xxxx to 999 9xx xxxx (the demo
     * data counts up from 999 000 000, so they never meet) with a correct Modulus 11 check digit: the test databases
     * outlive a run, so a random number alone would sooner or later meet one registered by an earlier run.
     */
    public static String unusedNhsNumber() {
        while (true) {
            Optional<NhsNumber> number = NhsNumber.fromFirstNineDigits("999" + (500_000 + RANDOM.nextInt(500_000)));
            // nor any entry: some tests write entries for a number they never register, and a later patient given it would
            // find them on their record
            if (number.isPresent() && patientsWith(number.get().value()) == 0 && peopleWith(number.get().value()) == 0
                    && hospitalEntries(number.get().value()) == 0 && socialCareEntries(number.get().value()) == 0) {
                return number.get().value();
            }
        }
    }

    /** {@code count} numbers as {@link #unusedNhsNumber} gives them, checked in bulk: for tests that register hundreds. */
    public static List<String> unusedNhsNumbers(int count) {
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            List<String> candidates = new ArrayList<>();
            while (candidates.size() < count) {
                NhsNumber.fromFirstNineDigits("999" + (500_000 + RANDOM.nextInt(500_000))).ifPresent(n -> candidates.add(n.value()));
            }
            Set<String> taken = new HashSet<>();
            taken.addAll(column(HOSPITAL, "select nhs_number from patient where nhs_number = any(string_to_array(?, ','))"
                    + " union select patient_nhs_number from hospital_entry where patient_nhs_number = any(string_to_array(?, ','))",
                    String.join(",", candidates), String.join(",", candidates)));
            taken.addAll(column(SOCIAL_CARE, "select nhs_number from person where nhs_number = any(string_to_array(?, ','))"
                    + " union select person_nhs_number from social_care_entry where person_nhs_number = any(string_to_array(?, ','))",
                    String.join(",", candidates), String.join(",", candidates)));
            candidates.stream().filter(n -> !taken.contains(n)).limit(count - chosen.size()).forEach(chosen::add);
        }
        return new ArrayList<>(chosen);
    }

    /** Transactions prepared in this database and not finished (two-phase commit branches), whichever server's. */
    public static int preparedBranches(String database) {
        return count(database, "select count(*) from pg_prepared_xacts where database = current_database()");
    }

    /**
     * Waits (up to {@code timeout}) until neither clinical database holds a prepared branch: recovery finishes any within
     * seconds. Fails with {@code why} when one stays.
     */
    public static void awaitNoPreparedBranches(Duration timeout, String why) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (preparedBranches(HOSPITAL) + preparedBranches(SOCIAL_CARE) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(why + ": " + preparedBranches(HOSPITAL) + " hospital and " + preparedBranches(SOCIAL_CARE)
                        + " social-care branches still prepared");
            }
            Thread.sleep(1000);
        }
    }

    /** Discharge summaries a transfer of care wrote for this admission (hospital database). */
    public static int dischargeSummaries(long admissionId) {
        return count(HOSPITAL, "select count(*) from hospital_entry where entry_type = 'DISCHARGE_SUMMARY' and encounter_id = ?",
                admissionId);
    }

    /** Assessment requests opened in social care for this admission's discharge. */
    public static int assessmentRequests(long admissionId) {
        return count(SOCIAL_CARE, "select count(*) from social_care_entry where entry_type = 'REFERRAL_REQUEST'"
                + " and source_encounter_id = ?", admissionId);
    }

    public static int patientsWith(String nhsNumber) {
        return count(HOSPITAL, "select count(*) from patient where nhs_number = ?", nhsNumber);
    }

    public static int peopleWith(String nhsNumber) {
        return count(SOCIAL_CARE, "select count(*) from person where nhs_number = ?", nhsNumber);
    }

    /** The hospital row's columns, in table order from nhs_number on; empty when there is none. */
    public static List<String> patientRow(String nhsNumber) {
        return row(HOSPITAL, "select nhs_number, given_name, family_name, birth_date::text, sex, postcode, gp_practice_ods"
                + " from patient where nhs_number = ?", nhsNumber);
    }

    public static List<String> personRow(String nhsNumber) {
        return row(SOCIAL_CARE, "select nhs_number, given_name, family_name, birth_date::text from person where nhs_number = ?",
                nhsNumber);
    }

    /** A demo patient (999 0...) registered with this practice. */
    public static String firstDemoPatientAt(String practice) {
        return row(HOSPITAL, "select nhs_number from patient where nhs_number like '9990%' and gp_practice_ods = ?"
                + " order by nhs_number limit 1", practice).get(0);
    }

    /** Puts a social-care person in place behind the application's back, to make its next write clash. */
    public static void insertPersonDirectly(String nhsNumber, String givenName, String familyName, LocalDate birthDate) {
        try (Connection connection = connect(SOCIAL_CARE);
             PreparedStatement statement = connection.prepareStatement(
                     "insert into person (id, nhs_number, given_name, family_name, birth_date, created_at)"
                             + " values (nextval('person_seq') + 1000000, ?, ?, ?, ?, now())")) {
            statement.setString(1, nhsNumber);
            statement.setString(2, givenName);
            statement.setString(3, familyName);
            statement.setObject(4, birthDate);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement as the application's role; returns rows changed. */
    public static int execute(String database, String sql, Object... parameters) {
        try (Connection connection = connect(database)) {
            return execute(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection as the PostgreSQL superuser: what an attacker with database access could do. */
    public static Connection connectAsSuperuser(String database) throws SQLException {
        String host = env("ICR_DB_HOST", "127.0.0.1");
        String port = env("ICR_DB_PORT", "5432");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database,
                env("ICR_DB_ADMIN_USER", "postgres"), env("ICR_DB_ADMIN_PASSWORD", ""));
    }

    public static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    public static void openAdmission(String nhsNumber, String organisation) {
        execute(HOSPITAL, "insert into care_relationship (patient_nhs_number, organisation_ods, kind, started_at)"
                + " values (?, ?, 'ADMISSION', now())", nhsNumber, organisation);
    }

    public static void allocateToCaseload(String nhsNumber, String socialWorker) {
        execute(SOCIAL_CARE, "insert into caseload_allocation (person_nhs_number, social_worker_username, allocated_at)"
                + " values (?, ?, now())", nhsNumber, socialWorker);
    }

    public static void startCare(String nhsNumber, String provider) {
        execute(SOCIAL_CARE, "insert into care_provision (person_nhs_number, provider_ods, started_at) values (?, ?, now())",
                nhsNumber, provider);
    }

    /** The person a resident of this care home (whose staff care for every resident on shift). */
    public static void startCareHome(String nhsNumber, String careHome) {
        execute(SOCIAL_CARE, "insert into care_provision (person_nhs_number, provider_ods, started_at, setting) values (?, ?, now(),"
                + " 'CARE_HOME')", nhsNumber, careHome);
    }

    /**
     * The person in the home-care provider's care with a visit by this care worker under way now (from ten minutes ago for an
     * hour): what gives a care worker a relationship with someone.
     */
    public static void onRotaNow(String nhsNumber, String careWorker, String provider) {
        startCare(nhsNumber, provider);
        execute(SOCIAL_CARE, "insert into planned_visit (person_nhs_number, provider_ods, care_worker_username, care_worker_name,"
                + " planned_start, planned_end, travel_order, status, planned_by, planned_at) values (?, ?, ?, 'Test Carer',"
                + " now() - interval '10 minutes', now() + interval '50 minutes', 1, 'PLANNED', 'test', now())", nhsNumber, provider,
                careWorker);
    }

    /** {@link #createStaff}, unless the test databases (kept between runs) hold the member of staff already. */
    public static void ensureStaff(String username, String organisation, String role) {
        if (count(HOSPITAL, "select count(*) from staff where username = ?", username) == 0) {
            createStaff(username, organisation, role, UUID.randomUUID().toString());
        }
    }

    /** A member of staff of a demo organisation, with their password hashed as ICR hashes staff passwords. */
    public static void createStaff(String username, String organisation, String role, String password) {
        execute(HOSPITAL, "insert into staff (username, display_name, organisation_id, password_hash)"
                + " select ?, 'Test User', id, ? from organisation where ods_code = ?",
                username, new StaffPasswords().bcrypt(password), organisation);
        execute(HOSPITAL, "insert into staff_role (staff_id, role) select id, ? from staff where username = ?", role, username);
    }

    public static int auditRows(String nhsNumber, String resourceType, String action) {
        return count(HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ? and resource_type = ? and action = ?",
                nhsNumber, resourceType, action);
    }

    /** An open hospital admission for the patient at {@code organisation}, as a ward system would record it; returns its id. */
    public static long admit(String nhsNumber, String organisation) {
        return queryLong(HOSPITAL, "insert into hospital_entry (patient_nhs_number, entry_type, occurred_at, recorded_at, author_username,"
                + " author_name, organisation_ods, title, status, details, encounter_kind)"
                + " values (?, 'ENCOUNTER', now() - interval '3 days', now(), 'ward.system', 'Ward system', ?, 'Admission', 'OPEN',"
                + " 'Test admission', 'ADMISSION') returning id", nhsNumber, organisation);
    }

    /** {@code count} blood-test results and as many care visits, straight into both databases (for volume tests). */
    public static void addEntriesDirectly(String nhsNumber, int count) {
        execute(HOSPITAL, "insert into hospital_entry (patient_nhs_number, entry_type, occurred_at, recorded_at, author_username,"
                + " author_name, organisation_ods, title, status, result_value, unit, reference_low, reference_high, abnormal_flag)"
                + " select ?, 'BLOOD_TEST', now() - make_interval(hours => n), now(), 'lab.system', 'Laboratory', 'RXA', 'Sodium',"
                + " 'FINAL', 140, 'mmol/L', 133, 146, 'NORMAL' from generate_series(1, ?) n", nhsNumber, count);
        execute(SOCIAL_CARE, "insert into social_care_entry (person_nhs_number, entry_type, occurred_at, recorded_at, author_username,"
                + " author_name, organisation_ods, title, status, planned_start, planned_end, actual_start, actual_end, tasks_done,"
                + " care_worker) select ?, 'CARE_VISIT', now() - make_interval(hours => n, mins => 30), now(), 'care.worker',"
                + " 'Maja Nowak', 'CP001', 'Care visit', 'COMPLETED', now() - make_interval(hours => n, mins => 30),"
                + " now() - make_interval(hours => n), now() - make_interval(hours => n, mins => 30), now() - make_interval(hours => n),"
                + " 'Personal care', 'Maja Nowak' from generate_series(1, ?) n", nhsNumber, count);
    }

    private static final java.util.Set<String> SOCIAL_CARE_KINDS = java.util.Set.of("NEEDS_ASSESSMENT", "CARE_PLAN", "CARE_VISIT",
            "MEDICATION_ADMINISTRATION", "SAFEGUARDING_CONCERN", "CONTACT", "ALLOCATION", "REFERRAL_REQUEST", "INCIDENT");

    /**
     * One entry of any kind (an {@code entry_type}), as another system would record it, with the columns its kind must have
     * (a blood test of 140 g/L in 130-170, an outpatient encounter, an alert of kind OTHER, a half-hour care visit, a social
     * care request to CP001), in the store that keeps that
     * kind; returns its id.
     */
    public static long addEntryDirectly(String nhsNumber, String entryType, String title, Instant occurredAt) {
        if (SOCIAL_CARE_KINDS.contains(entryType)) {
            java.sql.Timestamp at = java.sql.Timestamp.from(occurredAt);
            boolean visit = entryType.equals("CARE_VISIT");
            return queryLong(SOCIAL_CARE, "insert into social_care_entry (person_nhs_number, entry_type, occurred_at, recorded_at,"
                    + " author_username, author_name, organisation_ods, title, status, details, planned_start, planned_end, actual_start,"
                    + " actual_end, care_provider_ods) values (?, ?, ?, now(), 'test.system', 'Test system', 'LA001', ?, 'ACTIVE',"
                    + " 'Recorded by a test', ?, ?, ?, ?, ?) returning id", nhsNumber, entryType, at, title, visit ? at : null,
                    visit ? java.sql.Timestamp.from(occurredAt.plusSeconds(1_800)) : null, visit ? at : null,
                    visit ? java.sql.Timestamp.from(occurredAt.plusSeconds(1_800)) : null,
                    entryType.equals("REFERRAL_REQUEST") ? "CP001" : null);
        }
        return queryLong(HOSPITAL, "insert into hospital_entry (patient_nhs_number, entry_type, occurred_at, recorded_at, author_username,"
                + " author_name, organisation_ods, title, status, details, encounter_kind, result_value, unit, reference_low,"
                + " reference_high, abnormal_flag, alert_kind) values (?, ?, ?, now(), 'test.system', 'Test system', 'Y90001', ?,"
                + " case when ? = 'BLOOD_TEST' then 'FINAL' else 'ACTIVE' end, 'Recorded by a test',"
                + " case when ? = 'ENCOUNTER' then 'OUTPATIENT' end, case when ? = 'BLOOD_TEST' then 140 end,"
                + " case when ? = 'BLOOD_TEST' then 'g/L' end, case when ? = 'BLOOD_TEST' then 130 end,"
                + " case when ? = 'BLOOD_TEST' then 170 end, case when ? = 'BLOOD_TEST' then 'NORMAL' end,"
                + " case when ? = 'ALERT' then 'OTHER' end) returning id",
                nhsNumber, entryType, java.sql.Timestamp.from(occurredAt), title, entryType, entryType, entryType, entryType, entryType,
                entryType, entryType, entryType);
    }

    /** A hospital problem filed under a data category (GENERAL, MENTAL_HEALTH, ...), as a clinical system would record it. */
    public static void addProblemDirectly(String nhsNumber, String category, String title) {
        execute(HOSPITAL, "insert into hospital_entry (patient_nhs_number, entry_type, category, occurred_at, recorded_at,"
                + " author_username, author_name, organisation_ods, title, status, snomed_code) values (?, 'PROBLEM', ?,"
                + " now() - interval '1 day', now(), 'gp.system', 'GP system', 'Y90001', ?, 'ACTIVE', '38341003')", nhsNumber, category, title);
    }

    /** An allergy, as a clinical system would record it. */
    public static void addAllergyDirectly(String nhsNumber, String substance) {
        execute(HOSPITAL, "insert into hospital_entry (patient_nhs_number, entry_type, occurred_at, recorded_at, author_username,"
                + " author_name, organisation_ods, title, status, reaction, severity) values (?, 'ALLERGY', now() - interval '1 day',"
                + " now(), 'gp.system', 'GP system', 'Y90001', ?, 'ACTIVE', 'Anaphylaxis', 'SEVERE')", nhsNumber, substance);
    }

    /** A DNACPR decision on the alerts list, as a clinical system would record it. */
    public static void addDnacprDirectly(String nhsNumber, String title) {
        execute(HOSPITAL, "insert into hospital_entry (patient_nhs_number, entry_type, occurred_at, recorded_at, author_username,"
                + " author_name, organisation_ods, title, status, details, alert_kind) values (?, 'ALERT', now() - interval '1 day',"
                + " now(), 'gp.system', 'GP system', 'Y90001', ?, 'ACTIVE', 'Agreed with the patient and family', 'DNACPR')",
                nhsNumber, title);
    }

    /** A social care note (a contact) filed under a data category. */
    public static void addSocialCareNoteDirectly(String nhsNumber, String category, String title) {
        execute(SOCIAL_CARE, "insert into social_care_entry (person_nhs_number, entry_type, category, occurred_at, recorded_at,"
                + " author_username, author_name, organisation_ods, title, status, contact_name, relationship, next_of_kin)"
                + " values (?, 'CONTACT', ?, now() - interval '2 days', now(), 'social.worker', 'Callum Reid', 'LA001', ?, 'ACTIVE',"
                + " 'Family member', 'Son', false)", nhsNumber, category, title);
    }

    public static int hospitalEntries(String nhsNumber) {
        return count(HOSPITAL, "select count(*) from hospital_entry where patient_nhs_number = ?", nhsNumber);
    }

    public static int socialCareEntries(String nhsNumber) {
        return count(SOCIAL_CARE, "select count(*) from social_care_entry where person_nhs_number = ?", nhsNumber);
    }

    /** The first column of a one-row query (an INSERT ... RETURNING, say). */
    public static long queryLong(String database, String sql, Object... parameters) {
        try (Connection connection = connect(database);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row, as text, for a query with any parameters. */
    public static List<String> column(String database, String sql, Object... parameters) {
        try (Connection connection = connect(database);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row, as text. */
    public static List<String> rows(String database, String sql, String key) {
        try (Connection connection = connect(database);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row's columns as text, in the order the query names them; empty when there is none. */
    public static List<String> row(String database, String sql, String key) {
        try (Connection connection = connect(database);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                if (rows.next()) {
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        values.add(rows.getString(i));
                    }
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

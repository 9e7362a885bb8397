package uk.nhs.icr.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and (for failure injection) writes the test databases directly over JDBC, bypassing the
 * application, so assertions see what was really committed.
 */
public final class Databases {

    public static final String HOSPITAL = System.getProperty("icr.test.hospital-db", "icr_hospital_test");
    public static final String SOCIAL_CARE = System.getProperty("icr.test.socialcare-db", "icr_socialcare_test");

    private Databases() {
    }

    public static Connection connect(String database) throws SQLException {
        String host = env("ICR_DB_HOST", "127.0.0.1");
        String port = env("ICR_DB_PORT", "5432");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database,
                env("ICR_DB_USER", "icr"), env("ICR_DB_PASSWORD", "icr"));
    }

    public static int count(String database, String sql, Object... parameters) {
        try (Connection connection = connect(database);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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

    private static List<String> row(String database, String sql, String key) {
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

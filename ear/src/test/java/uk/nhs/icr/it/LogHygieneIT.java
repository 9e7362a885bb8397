package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Logs say what happened to which internal id: never an NHS number, a name or a postcode. Runs after every
 * other test class, so the whole suite's server log is checked too.
 */
@Order(Integer.MAX_VALUE)
class LogHygieneIT extends IcrDeployment {

    /** Every synthetic NHS number starts 999; tests and demo data use nothing else. */
    private static final Pattern SYNTHETIC_NHS_NUMBER = Pattern.compile("(?<![0-9])999[0-9]{7}(?![0-9])");

    @Test
    void the_whole_suites_server_log_holds_no_nhs_number() throws IOException {
        String log = Files.readString(Path.of(System.getProperty("icr.test.log-dir"), "server.log"));
        assertTrue(log.contains("Registered patient"), "the log is the server's and covers the suite");
        Matcher leak = SYNTHETIC_NHS_NUMBER.matcher(log);
        assertFalse(leak.find(), () -> "an NHS number in the log: " + log.substring(Math.max(0, leak.start() - 200), leak.end()));
    }

    @Test
    void registrations_that_succeed_clash_or_fail_leave_no_identifiers_in_the_server_log() throws IOException {
        TestPatients registered = aPatient().givenName("Philippa").postcode("CR2 6XH");
        TestPatients clashing = aPatient().givenName("Ottoline").postcode("EX4 4QJ");
        Databases.insertPersonDirectly(clashing.nhsNumber(), "Ottoline", clashing.familyName(), LocalDate.of(1950, 5, 5));

        assertEquals(201, Api.postJson("/api/patients", registered.json()).status());
        Api.postJson("/api/patients", registered.json()).problem(409);
        Api.postJson("/api/patients", clashing.json()).problem(409);
        Api.postJson("/api/patients", aPatient().nhsNumber(registered.nhsNumber() + "1").json()).problem(400);
        Api.get("/api/patients/" + registered.nhsNumber()).json();
        Api.getAbsolute(Api.BASE + "/patients/patient.xhtml?nhsNumber=" + registered.nhsNumber());

        String log = Files.readString(Path.of(System.getProperty("icr.test.log-dir"), "server.log"));
        assertTrue(log.contains("Registered patient"), "the log is the server's and records registrations");
        for (TestPatients patient : new TestPatients[] {registered, clashing}) {
            assertFalse(log.contains(patient.nhsNumber()), "NHS number in the log");
            assertFalse(log.contains(patient.familyName()), "family name in the log");
        }
        assertFalse(log.contains("Philippa") || log.contains("Ottoline"), "given name in the log");
        assertFalse(log.contains("CR2 6XH") || log.contains("EX4 4QJ"), "postcode in the log");
    }
}

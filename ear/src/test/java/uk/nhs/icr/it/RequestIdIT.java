package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;


import org.junit.jupiter.api.Test;

/**
 * X-Request-ID / X-Correlation-ID: echoed, written to the audit rows the request makes and to the log lines it writes; a
 * request without one gets an id of its own; an id ICR may not keep (too long, odd characters, what may be an NHS number)
 * is replaced, never echoed or stored.
 */
class RequestIdIT extends IcrDeployment {

    private final Api.Client gp = Api.as(Tokens.staff("gp.beech", "GP").sign());

    @Test
    void the_callers_correlation_id_is_echoed_and_kept_in_the_audit_row_and_the_log_line() throws IOException {
        TestPatients patient = aPatient();
        String correlation = "partner-" + UUID.randomUUID();
        Api.Reply registered = gp.postJson("/api/patients", patient.json(), "X-Correlation-ID", correlation,
                "X-Request-ID", "req-" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(201, registered.status());
        assertEquals(correlation, registered.header("X-Correlation-ID"));
        assertTrue(registered.header("X-Request-ID").startsWith("req-"), "the caller's request id, echoed");

        Api.Reply read = gp.request("GET", "/api/patients/" + patient.nhsNumber(), "X-Correlation-ID", correlation);
        assertEquals(200, read.status());
        assertEquals(List.of("CREATE", "READ"), auditActionsWith(correlation, patient.nhsNumber()),
                "the registration and the read, each under the caller's id");
        String log = Files.readString(Path.of(System.getProperty("icr.test.log-dir"), "server.log"));
        assertTrue(log.lines().anyMatch(line -> line.contains("[" + correlation + "]") && line.contains("Registered patient")),
                "the registration's log line names the caller's id");
    }

    @Test
    void a_request_without_an_id_gets_one_and_its_audit_row_keeps_it() {
        String patient = Databases.firstDemoPatientAt("Y90001");
        Api.Reply read = gp.get("/api/patients/" + patient);
        String id = read.header("X-Request-ID");
        assertTrue(id != null && id.matches("[0-9a-f-]{36}"), "a new id, echoed: " + id);
        assertNull(read.header("X-Correlation-ID"), "none was sent, none is echoed");
        assertEquals(List.of("READ"), auditActionsWith(id, patient));
    }

    @Test
    void an_id_that_may_not_be_kept_is_replaced() {
        String patient = Databases.firstDemoPatientAt("Y90001");
        for (String unusable : List.of("x".repeat(65), "has spaces in it", "nhs-" + patient)) {
            Api.Reply read = gp.request("GET", "/api/patients/" + patient, "X-Correlation-ID", unusable, "X-Request-ID", unusable);
            assertEquals(200, read.status());
            assertNull(read.header("X-Correlation-ID"), unusable + " is not echoed");
            assertNotEquals(unusable, read.header("X-Request-ID"));
            assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where correlation_id = ?",
                    unusable.length() > 64 ? unusable.substring(0, 64) : unusable), unusable + " is not stored");
        }
    }

    private static List<String> auditActionsWith(String correlation, String nhsNumber) {
        return Databases.column(Databases.HOSPITAL, "select action from audit_event where correlation_id = ?"
                + " and patient_nhs_number = ? order by id", correlation, nhsNumber);
    }
}

package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** The audit log is append-only for the application and tamper-evident for everyone else. */
class AuditIT extends IcrDeployment {

    private static final Api.Client PRIVACY_OFFICER = Api.as(Tokens.staff("privacy.officer", "PRIVACY_OFFICER").sign());

    @Test
    void a_denied_access_is_recorded_even_though_its_transaction_rolled_back() {
        TestPatients patient = aPatient();
        assertEquals(201, Api.postJson("/api/patients", patient.json()).status());

        Api.as(Tokens.staff("gp.canal", "GP").sign()).get("/api/patients/" + patient.nhsNumber()).problem(404);

        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?"
                + " and username = 'gp.canal' and outcome = 'DENIED' and reason = 'no legitimate relationship'"
                + " and channel = 'API' and role = 'GP' and organisation_ods = 'Y90002'", patient.nhsNumber()));
    }

    @Test
    void the_application_role_can_neither_change_nor_remove_audit_rows() {
        Api.get("/api/patients/" + Databases.firstDemoPatientAt("Y90001"));

        assertThrows(IllegalStateException.class,
                () -> Databases.execute(Databases.HOSPITAL, "update audit_event set reason = 'changed' where id = (select max(id) from audit_event)"));
        assertThrows(IllegalStateException.class,
                () -> Databases.execute(Databases.HOSPITAL, "delete from audit_event where id = (select max(id) from audit_event)"));
    }

    @Test
    void verification_finds_the_first_tampered_row_and_is_intact_again_once_it_is_restored() throws SQLException {
        TestPatients patient = aPatient();
        assertEquals(201, Api.postJson("/api/patients", patient.json()).status());
        Api.get("/api/patients/" + patient.nhsNumber());
        Api.get("/api/patients/" + patient.nhsNumber());
        assertTrue(verify().getBoolean("intact"), "intact before tampering");
        long victim = Databases.count(Databases.HOSPITAL, "select min(id) from audit_event where patient_nhs_number = ?"
                + " and resource_type = 'Patient' and action = 'READ'", patient.nhsNumber());

        try (Connection superuser = Databases.connectAsSuperuser(Databases.HOSPITAL)) {
            superuser.createStatement().execute("set session_replication_role = replica"); // skips the append-only trigger
            Databases.execute(superuser, "update audit_event set username = 'someone.else' where id = ?", victim);
            try {
                JsonObject broken = verify();
                assertFalse(broken.getBoolean("intact"));
                assertEquals(victim, broken.getJsonNumber("firstBrokenId").longValue());
            } finally {
                Databases.execute(superuser, "update audit_event set username = ? where id = ?", Api.DEFAULT_USER, victim);
            }
        }
        assertTrue(verify().getBoolean("intact"), "intact once restored");
    }

    /**
     * Issue 12: requests append without a lock and a sealer chains the rows behind them. Rows committed and not yet
     * sealed, as a server that stops between the two leaves them, are sealed without anyone asking (the sealer runs
     * every second, and at every start), and the chain then covers them.
     */
    @Test
    void rows_appended_and_not_yet_sealed_are_sealed_within_seconds_and_the_chain_covers_them() throws InterruptedException {
        String marker = appendUnsealed(3);
        awaitSealed(marker, 3);
        assertEquals(3, sealed(marker), "sealed by the sealer alone");
        assertThrows(IllegalStateException.class, () -> Databases.execute(Databases.HOSPITAL,
                "update audit_event set chain_seq = chain_seq + 1000000 where reason = ?", marker), "a sealed row's place is fixed");
        JsonObject verification = verify();
        assertTrue(verification.getBoolean("intact"), verification.toString());
    }

    @Test
    void only_privacy_officers_may_verify_the_log() {
        Api.get("/api/audit/verification").problem(403);
    }

    /** Appends {@code rows} audit rows the way a request does (no chain fields), as a server stopped before sealing leaves them. */
    static String appendUnsealed(int rows) {
        String marker = "left unsealed by a stop " + TestPatients.uniqueFamilyName();
        for (int i = 0; i < rows; i++) {
            Databases.execute(Databases.HOSPITAL, "insert into audit_event (occurred_at, username, role, organisation_ods, resource_type,"
                    + " action, purpose, outcome, reason, channel, client_address) values (now(), 'test.unsealed', 'GP', 'Y90001',"
                    + " 'Patient', 'READ', 'DIRECT_CARE', 'GRANTED', ?, 'API', '127.0.0.1')", marker);
        }
        return marker;
    }

    /** How many of the rows appended with this marker are sealed into the chain. */
    static long sealed(String marker) {
        return Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where reason = ? and chain_seq is not null"
                + " and hash is not null and previous_hash is not null", marker);
    }

    /** Waits up to 15 seconds for the sealer to seal {@code rows} rows appended with this marker. */
    static void awaitSealed(String marker, int rows) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (sealed(marker) < rows && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    static JsonObject verify() {
        Api.Reply reply = PRIVACY_OFFICER.get("/api/audit/verification");
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }
}

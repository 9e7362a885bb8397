package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * A branch left prepared in a database (a two-phase commit nobody finished) turns readiness DOWN once it is older than
 * ICR_IN_DOUBT_ALERT_AFTER (10 s for the test server; five minutes by default), naming its age and not its id, and UP
 * again once the branch is gone.
 */
class InDoubtWorkIT extends IcrDeployment {

    private static JsonObject inDoubtCheck() {
        Api.Reply reply = Api.getAbsolute(Api.MANAGEMENT + "/health/ready");
        return reply.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("in-doubt-transactions"))
                .findFirst().orElseThrow(() -> new AssertionError("no in-doubt check in " + reply.body()));
    }

    @Test
    void a_branch_prepared_longer_than_the_limit_turns_readiness_down_until_it_is_finished() throws Exception {
        // a transaction prepared by hand in the social-care database, as a server that died after preparing would leave it;
        // read-only, so it locks nothing another test needs. Its id is not in the Xid format recovery reads, so the
        // server's recovery leaves it alone.
        // other tests' branches are finished by recovery within seconds; one that stays is a leftover to report
        Databases.awaitNoPreparedBranches(Duration.ofSeconds(30), "branches left prepared in the test databases by an earlier run"
                + " (pg_prepared_xacts): the test server's readiness is DOWN because of them");
        String gid = "icr-in-doubt-test-" + UUID.randomUUID();
        try (Connection connection = Databases.connect(Databases.SOCIAL_CARE); Statement sql = connection.createStatement()) {
            sql.execute("begin");
            sql.execute("select 1");
            sql.execute("prepare transaction '" + gid + "'");
        }
        try {
            JsonObject fresh = inDoubtCheck();
            assertEquals("UP", fresh.getString("status"), "a branch seconds old is recovery's, not an alert: " + fresh);
            assertTrue(fresh.getJsonObject("data").getJsonNumber("socialCareInDoubt").longValue() >= 1, fresh.toString());

            long limit = fresh.getJsonObject("data").getJsonNumber("alertAfterSeconds").longValue();
            assertEquals(10, limit, "the test server's limit");
            Thread.sleep((limit + 2) * 1000);

            Api.Reply ready = Api.getAbsolute(Api.MANAGEMENT + "/health/ready");
            assertEquals(503, ready.status(), ready.body());
            JsonObject stale = inDoubtCheck();
            assertEquals("DOWN", stale.getString("status"), stale.toString());
            assertTrue(stale.getJsonObject("data").getJsonNumber("socialCareOldestSeconds").longValue() > limit, stale.toString());
            assertFalse(ready.body().contains(gid), "the branch's id is not shown: " + ready.body());
        } finally {
            rollBack(gid);
        }
        JsonObject after = inDoubtCheck();
        assertEquals("UP", after.getString("status"), after.toString());
        assertEquals(200, Api.getAbsolute(Api.MANAGEMENT + "/health/ready").status());
    }

    private static void rollBack(String gid) throws SQLException {
        try (Connection connection = Databases.connect(Databases.SOCIAL_CARE); Statement sql = connection.createStatement()) {
            sql.execute("rollback prepared '" + gid + "'");
        }
    }
}

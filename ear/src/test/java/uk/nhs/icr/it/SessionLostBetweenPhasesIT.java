package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import org.junit.jupiter.api.Test;
import org.postgresql.xa.PGXADataSource;

import uk.nhs.icr.jdbc.SessionLossAwareXADataSource;

/**
 * The database ends a session (a restart, a failover, {@code pg_terminate_backend}) after a branch was prepared and
 * before it was committed: the commit that cannot be sent must say "resource manager unavailable" (XAER_RMFAIL), on
 * which Narayana keeps its decision and recovery commits the branch later, and not XAER_RMERR, which Narayana takes
 * for a heuristic rollback and leaves the branch prepared, its rows locked, until someone finishes it by hand (what
 * DatabaseOutageIT once hit in CI: a registration answered 500, its social-care branch still prepared ten minutes on).
 * Real PostgreSQL, the test social-care database, the data source class the server is configured with.
 */
class SessionLostBetweenPhasesIT {

    /** A branch id in a format of its own, so the test server's recovery leaves it alone. */
    private record TestXid(byte[] getGlobalTransactionId, byte[] getBranchQualifier) implements Xid {
        TestXid() {
            this(("icr-session-lost-" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII), new byte[] {1});
        }

        @Override
        public int getFormatId() {
            return 4711;
        }
    }

    private static <T extends PGXADataSource> T socialCare(T source) {
        source.setServerNames(new String[] {System.getenv().getOrDefault("ICR_DB_HOST", "127.0.0.1")});
        source.setPortNumbers(new int[] {Integer.parseInt(System.getenv().getOrDefault("ICR_DB_PORT", "5432"))});
        source.setDatabaseName(Databases.SOCIAL_CARE);
        source.setUser(System.getenv().getOrDefault("ICR_DB_USER", "icr"));
        source.setPassword(System.getenv().getOrDefault("ICR_DB_PASSWORD", "icr"));
        return source;
    }

    /** Prepares a (read-only) branch on a connection of this source, then has the database end that session. */
    private static XAResource preparedThenSessionEnded(PGXADataSource source, Xid xid) throws Exception {
        XAConnection connection = source.getXAConnection();
        XAResource branch = connection.getXAResource();
        int pid;
        try (Statement sql = connection.getConnection().createStatement(); ResultSet row = sql.executeQuery("select pg_backend_pid()")) {
            row.next();
            pid = row.getInt(1);
        }
        branch.start(xid, XAResource.TMNOFLAGS);
        try (Statement sql = connection.getConnection().createStatement()) {
            sql.execute("select 1");
        }
        branch.end(xid, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_OK, branch.prepare(xid));
        endSession(pid);
        return branch;
    }

    /** Has the database end a session, as a restart or an administrator would, and waits until it has gone. */
    private static void endSession(int pid) throws Exception {
        try (Connection admin = Databases.connectAsSuperuser(Databases.SOCIAL_CARE); Statement sql = admin.createStatement()) {
            sql.execute("select pg_terminate_backend(" + pid + ")");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (Databases.count(Databases.SOCIAL_CARE, "select count(*) from pg_stat_activity where pid = ?", pid) > 0) {
                assertTrue(Instant.now().isBefore(deadline), "the session ended");
                Thread.sleep(50);
            }
        }
    }

    private static boolean stillPrepared(Xid xid) {
        return Arrays.stream(recover()).anyMatch(found -> Arrays.equals(found.getGlobalTransactionId(), xid.getGlobalTransactionId()));
    }

    private static Xid[] recover() {
        try {
            XAConnection connection = socialCare(new SessionLossAwareXADataSource()).getXAConnection();
            try {
                return connection.getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
            } finally {
                connection.close();
            }
        } catch (SQLException | XAException e) {
            throw new AssertionError("recover on a fresh connection", e);
        }
    }

    /** What recovery does: a fresh session, the branch found and committed. */
    private static void commitAsRecoveryWould(Xid xid) throws Exception {
        XAConnection connection = socialCare(new SessionLossAwareXADataSource()).getXAConnection();
        try {
            connection.getXAResource().commit(xid, false);
        } finally {
            connection.close();
        }
    }

    @Test
    void a_commit_cut_off_by_the_end_of_the_session_is_left_to_recovery_not_called_a_heuristic() throws Exception {
        Xid xid = new TestXid();
        XAResource branch = preparedThenSessionEnded(socialCare(new SessionLossAwareXADataSource()), xid);
        try {
            XAException failure = assertThrows(XAException.class, () -> branch.commit(xid, false));
            assertEquals(XAException.XAER_RMFAIL, failure.errorCode, "resource manager unavailable: " + failure);
            assertTrue(stillPrepared(xid), "the branch is still prepared, for recovery to find");
        } finally {
            commitAsRecoveryWould(xid);
        }
        assertTrue(!stillPrepared(xid), "recovery's commit on a fresh session finished it");
    }

    @Test
    void a_rollback_cut_off_the_same_way_is_left_to_recovery_too() throws Exception {
        Xid xid = new TestXid();
        XAResource branch = preparedThenSessionEnded(socialCare(new SessionLossAwareXADataSource()), xid);
        try {
            XAException failure = assertThrows(XAException.class, () -> branch.rollback(xid));
            assertEquals(XAException.XAER_RMFAIL, failure.errorCode, failure.toString());
            assertTrue(stillPrepared(xid), "the branch is still prepared, for recovery to find");
        } finally {
            commitAsRecoveryWould(xid);
        }
    }

    /** Starts a branch and does some work in it, then has the database end that session before the branch is prepared. */
    private static XAResource startedThenSessionEnded(PGXADataSource source, Xid xid) throws Exception {
        XAConnection connection = source.getXAConnection();
        XAResource branch = connection.getXAResource();
        branch.start(xid, XAResource.TMNOFLAGS);
        int pid;
        try (Statement sql = connection.getConnection().createStatement(); ResultSet row = sql.executeQuery("select pg_backend_pid()")) {
            row.next();
            pid = row.getInt(1);
        }
        endSession(pid);
        return branch;
    }

    @Test
    void a_branch_never_prepared_is_rolled_back_by_the_database_so_its_failed_rollback_is_the_drivers_own_answer() throws Exception {
        Xid ours = new TestXid();
        XAException oursFailure = assertThrows(XAException.class,
                () -> startedThenSessionEnded(socialCare(new SessionLossAwareXADataSource()), ours).rollback(ours));
        Xid drivers = new TestXid();
        XAException driversFailure = assertThrows(XAException.class,
                () -> startedThenSessionEnded(socialCare(new PGXADataSource()), drivers).rollback(drivers));
        assertEquals(driversFailure.errorCode, oursFailure.errorCode, "nothing is left for recovery: " + oursFailure);
        assertTrue(!stillPrepared(ours) && !stillPrepared(drivers), "no branch was prepared");
    }

    @Test
    void the_driver_alone_calls_it_an_error_which_is_why_the_server_uses_the_class_above() throws Exception {
        Xid xid = new TestXid();
        XAResource branch = preparedThenSessionEnded(socialCare(new PGXADataSource()), xid);
        try {
            XAException failure = assertThrows(XAException.class, () -> branch.commit(xid, false));
            assertEquals(XAException.XAER_RMERR, failure.errorCode, "PgJDBC now reports a lost session as " + failure.errorCode
                    + " itself: SessionLossAwareXADataSource may no longer be needed");
        } finally {
            commitAsRecoveryWould(xid);
        }
        String configuration = Files.readString(Path.of(System.getProperty("icr.jboss.home"), "standalone", "configuration",
                "standalone.xml"));
        assertTrue(configuration.contains("<xa-datasource-class>uk.nhs.icr.jdbc.SessionLossAwareXADataSource</xa-datasource-class>"),
                "the provisioned server's PostgreSQL driver uses the class");
    }
}

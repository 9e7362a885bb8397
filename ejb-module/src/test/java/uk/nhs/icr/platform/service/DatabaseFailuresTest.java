package uk.nhs.icr.platform.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import javax.transaction.xa.XAException;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.transaction.RollbackException;

import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    /** What Narayana threw when the social-care session was ended during prepare: the cause is only suppressed. */
    private static Throwable rolledBackAtCommit(Throwable why) {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(why);
        return new EJBTransactionRolledbackException("registration rolled back", rollback);
    }

    @Test
    void a_session_the_server_ended_during_the_commit_is_the_database_being_unavailable() {
        XAException prepare = new XAException(XAException.XAER_RMERR);
        prepare.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));

        assertTrue(DatabaseFailures.isUnavailable(rolledBackAtCommit(prepare)));
        assertTrue(DatabaseFailures.isUnavailable(rolledBackAtCommit(new XAException(XAException.XAER_RMFAIL))));
        assertTrue(DatabaseFailures.isUnavailable(new IllegalStateException(new SQLException("refused", "08001"))));
    }

    @Test
    void other_failures_are_not_mistaken_for_an_unavailable_database() {
        assertFalse(DatabaseFailures.isUnavailable(rolledBackAtCommit(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseFailures.isUnavailable(rolledBackAtCommit(new XAException(XAException.XA_RBROLLBACK))));
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException("a bug")));
    }

    /** A failure to commit after the decision was logged may still be committed by recovery: not "nothing recorded". */
    @Test
    void a_resource_lost_outside_a_rollback_is_not_called_unavailable() {
        IllegalStateException commitFailed = new IllegalStateException("heuristic outcome");
        commitFailed.addSuppressed(new XAException(XAException.XAER_RMFAIL));
        assertFalse(DatabaseFailures.isUnavailable(commitFailed));
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException(new XAException(XAException.XAER_RMFAIL))));
    }

    @Test
    void a_cause_chain_that_loops_ends() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.addSuppressed(second);
        assertFalse(DatabaseFailures.isUnavailable(second));
    }
}

package uk.nhs.icr.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.Xid;

import org.postgresql.core.BaseConnection;
import org.postgresql.xa.PGXAConnection;
import org.postgresql.xa.PGXADataSource;

/**
 * PostgreSQL's XA data source, except for one answer. When the database ends a session (a restart, a failover,
 * {@code pg_terminate_backend}) between the two phases of a commit, the driver reports the {@code COMMIT PREPARED} or
 * {@code ROLLBACK PREPARED} it could not send as {@code XAER_RMERR} (SQLSTATE 57P01, "terminating connection due to
 * administrator command", is not among the states it counts as a lost connection). Narayana takes {@code XAER_RMERR}
 * on commit for a heuristic rollback: the transaction is reported to the caller as a mixed outcome, the other
 * database's branch is committed, and this one stays prepared, holding its rows locked, until someone finishes it by
 * hand. Nothing was decided by the database, though: the branch is still prepared, and only the session was lost. So
 * such a failure is reported as {@code XAER_RMFAIL} (the resource manager is unavailable), on which Narayana keeps its
 * decision in the log and its recovery manager finishes the branch once the database answers again. Every other
 * failure is passed on as the driver reported it, and so is the failed rollback of a branch this connection started and
 * never prepared: the database rolls back such a branch itself when the session ends, so nothing is left for recovery.
 */
public class SessionLossAwareXADataSource extends PGXADataSource {

    private static final long serialVersionUID = 1L;

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        Connection connection = getConnection(user, password);
        return new SessionLossAwareXAConnection((BaseConnection) connection);
    }

    /** The driver's XA connection, its second-phase failures translated by {@link #whenSessionLost}. */
    static final class SessionLossAwareXAConnection extends PGXAConnection {

        /** The branch this connection started and has not prepared (its work lives only in this session), if any. */
        private Xid unprepared;

        SessionLossAwareXAConnection(BaseConnection connection) throws SQLException {
            super(connection);
        }

        @Override
        public void start(Xid xid, int flags) throws XAException {
            super.start(xid, flags);
            unprepared = xid;
        }

        @Override
        public int prepare(Xid xid) throws XAException {
            int vote = super.prepare(xid);
            if (sameBranch(xid, unprepared)) {
                unprepared = null;
            }
            return vote;
        }

        @Override
        public void commit(Xid xid, boolean onePhase) throws XAException {
            try {
                super.commit(xid, onePhase);
            } catch (XAException e) {
                // a one-phase commit cut off may or may not have become durable, but the branch was never prepared, so
                // there is nothing for recovery to finish: the driver's answer stands
                throw onePhase ? e : whenSessionLost(e);
            } finally {
                settled(xid);
            }
        }

        @Override
        public void rollback(Xid xid) throws XAException {
            boolean prepared = !sameBranch(xid, unprepared);
            try {
                super.rollback(xid);
            } catch (XAException e) {
                throw prepared ? whenSessionLost(e) : e;
            } finally {
                settled(xid);
            }
        }

        private void settled(Xid xid) {
            if (sameBranch(xid, unprepared)) {
                unprepared = null;
            }
        }
    }

    /** Whether two Xids name the same branch (an Xid need not implement {@code equals}). */
    static boolean sameBranch(Xid a, Xid b) {
        return a != null && b != null && a.getFormatId() == b.getFormatId()
                && Arrays.equals(a.getGlobalTransactionId(), b.getGlobalTransactionId())
                && Arrays.equals(a.getBranchQualifier(), b.getBranchQualifier());
    }

    /**
     * {@code XAER_RMFAIL} in place of an {@code XAER_RMERR} caused by the session's end: SQLSTATE class 57P (the
     * server shutting down or ending the session, or not yet accepting connections) or class 08 (the connection
     * failed); any other exception unchanged.
     */
    static XAException whenSessionLost(XAException failure) {
        if (failure.errorCode != XAException.XAER_RMERR || !sessionLost(failure)) {
            return failure;
        }
        XAException unavailable = new XAException("The database ended the session before the second phase finished;"
                + " the branch is left for recovery: " + failure.getMessage());
        unavailable.errorCode = XAException.XAER_RMFAIL;
        unavailable.initCause(failure);
        return unavailable;
    }

    private static boolean sessionLost(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("57P") || sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}

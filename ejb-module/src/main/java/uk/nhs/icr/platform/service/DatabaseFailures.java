package uk.nhs.icr.platform.service;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import javax.transaction.xa.XAException;

import jakarta.transaction.RollbackException;

/**
 * Recognises database failures by their SQLSTATE anywhere in an exception's cause chain, whichever layer
 * (JDBC driver, connection pool, Hibernate, EJB container) wrapped them.
 */
public final class DatabaseFailures {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** 57P01 admin_shutdown (a session ended by the server), 57P02 crash_shutdown, 57P03 cannot_connect_now. */
    private static final String OPERATOR_INTERVENTION = "57P";

    private DatabaseFailures() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a database could not be reached and so nothing was recorded: server down, refused or dropped connection,
     * pool unable to connect, a session ended by the server (SQLSTATE class 57P, admin shutdown). When a transaction was
     * rolled back at commit ({@link RollbackException}) because a branch's database went away while it was being prepared,
     * Narayana gives the cause only as a suppressed exception (an {@link XAException}, XAER_RMFAIL or one caused by the
     * driver's failure): those are followed too, there only, since a rollback means nothing was written. A registration
     * cut off so answered 500 instead of 503 (DatabaseOutageIT, issue 19). A failure in the commit phase itself is not
     * a rollback (recovery may still commit it) and stays a 500.
     */
    public static boolean isUnavailable(Throwable failure) {
        return isUnavailable(failure, false, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean isUnavailable(Throwable t, boolean rolledBack, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (t instanceof java.sql.SQLTransientConnectionException
                || t instanceof java.sql.SQLNonTransientConnectionException
                || t instanceof jakarta.resource.ResourceException
                || t instanceof java.net.ConnectException
                || rolledBack && t instanceof XAException xa && xa.errorCode == XAException.XAER_RMFAIL
                || "org.hibernate.exception.JDBCConnectionException".equals(t.getClass().getName())) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS) || sql.getSQLState().startsWith(OPERATOR_INTERVENTION))) {
            return true;
        }
        if (t instanceof RollbackException) {
            for (Throwable suppressed : t.getSuppressed()) {
                if (isUnavailable(suppressed, true, seen)) {
                    return true;
                }
            }
        }
        return isUnavailable(t.getCause(), rolledBack, seen);
    }
}

package uk.nhs.icr.platform.service;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import javax.transaction.xa.XAException;

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
     * True when a database could not be reached: server down, refused or dropped connection, pool unable to connect, a
     * session ended by the server (admin shutdown: SQLSTATE 57P), a resource manager gone during the two-phase commit
     * (XAER_RMFAIL). Narayana reports the failure that rolled a commit back as a suppressed exception, not as the cause,
     * so both are followed: a registration whose social-care branch was cut off in prepare answered 500 instead of 503
     * (DatabaseOutageIT, issue 19).
     */
    public static boolean isUnavailable(Throwable failure) {
        return isUnavailable(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean isUnavailable(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (t instanceof java.sql.SQLTransientConnectionException
                || t instanceof java.sql.SQLNonTransientConnectionException
                || t instanceof jakarta.resource.ResourceException
                || t instanceof java.net.ConnectException
                || t instanceof XAException xa && xa.errorCode == XAException.XAER_RMFAIL
                || "org.hibernate.exception.JDBCConnectionException".equals(t.getClass().getName())) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS) || sql.getSQLState().startsWith(OPERATOR_INTERVENTION))) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (isUnavailable(suppressed, seen)) {
                return true;
            }
        }
        return isUnavailable(t.getCause(), seen);
    }
}

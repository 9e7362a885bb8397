package uk.nhs.icr.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import javax.transaction.xa.XAException;
import javax.transaction.xa.Xid;

import org.junit.jupiter.api.Test;

class SessionLossAwareXADataSourceTest {

    private static XAException driverFailure(int errorCode, String sqlState) {
        XAException failure = new XAException("Error committing prepared transaction");
        failure.errorCode = errorCode;
        failure.initCause(new SQLException("the database said so", sqlState));
        return failure;
    }

    @Test
    void a_session_ended_by_the_database_leaves_the_branch_to_recovery() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "08006", "08003"}) {
            XAException reported = SessionLossAwareXADataSource.whenSessionLost(driverFailure(XAException.XAER_RMERR, state));
            assertEquals(XAException.XAER_RMFAIL, reported.errorCode, state);
            assertEquals(state, ((SQLException) reported.getCause().getCause()).getSQLState(), "the driver's failure kept as the cause");
        }
    }

    @Test
    void any_other_failure_is_passed_on_as_the_driver_reported_it() {
        XAException refused = driverFailure(XAException.XAER_RMERR, "42501"); // insufficient privilege
        assertSame(refused, SessionLossAwareXADataSource.whenSessionLost(refused));
        XAException unknownBranch = driverFailure(XAException.XAER_NOTA, "42704");
        assertSame(unknownBranch, SessionLossAwareXADataSource.whenSessionLost(unknownBranch));
        XAException noState = driverFailure(XAException.XAER_RMERR, null);
        assertSame(noState, SessionLossAwareXADataSource.whenSessionLost(noState));
    }

    @Test
    void a_branch_is_known_by_its_format_and_ids_not_by_the_object_naming_it() {
        Xid one = xid(4711, "global-1", 1);
        assertTrue(SessionLossAwareXADataSource.sameBranch(one, xid(4711, "global-1", 1)));
        assertFalse(SessionLossAwareXADataSource.sameBranch(one, xid(4711, "global-1", 2)), "another branch of the same transaction");
        assertFalse(SessionLossAwareXADataSource.sameBranch(one, xid(4711, "global-2", 1)));
        assertFalse(SessionLossAwareXADataSource.sameBranch(one, xid(131077, "global-1", 1)));
        assertFalse(SessionLossAwareXADataSource.sameBranch(one, null));
    }

    private static Xid xid(int format, String global, int branch) {
        return new Xid() {
            @Override
            public int getFormatId() {
                return format;
            }

            @Override
            public byte[] getGlobalTransactionId() {
                return global.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            }

            @Override
            public byte[] getBranchQualifier() {
                return new byte[] {(byte) branch};
            }
        };
    }
}

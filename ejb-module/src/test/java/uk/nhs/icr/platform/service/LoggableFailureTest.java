package uk.nhs.icr.platform.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class LoggableFailureTest {

    @Test
    void row_values_and_nhs_numbers_are_gone_but_classes_and_frames_stay() {
        SQLException database = new SQLException("ERROR: new row for relation \"patient\" violates check constraint \"x\"\n"
                + "  Detail: Failing row contains (1, 9434765919, Ada, Lovelace, 1815-12-10).");
        IllegalStateException failure = new IllegalStateException("could not register 943 476 5919", database);

        LoggableFailure safe = LoggableFailure.of(failure);
        StringWriter log = new StringWriter();
        safe.printStackTrace(new PrintWriter(log));

        assertFalse(log.toString().contains("9434765919") || log.toString().contains("943 476 5919"), log.toString());
        assertFalse(log.toString().contains("Lovelace"), log.toString());
        assertTrue(log.toString().contains("java.sql.SQLException: ERROR: new row for relation \"patient\" violates check constraint"));
        assertTrue(log.toString().contains("java.lang.IllegalStateException: could not register [digits removed]"));
        assertArrayEquals(failure.getStackTrace(), safe.getStackTrace());
    }
}

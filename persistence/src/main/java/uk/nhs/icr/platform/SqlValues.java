package uk.nhs.icr.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What a native query's column comes back as, read as the value it is: the PostgreSQL driver and Hibernate give a
 * {@code timestamptz} as a Timestamp, an OffsetDateTime or an Instant, and a {@code date} as a java.sql.Date or a
 * LocalDate, depending on the path through them.
 */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column; null stays null. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }

    /** A {@code date} column; null stays null. */
    public static LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}

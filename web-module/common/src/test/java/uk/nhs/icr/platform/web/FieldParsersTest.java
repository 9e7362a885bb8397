package uk.nhs.icr.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.platform.InvalidValueException;

class FieldParsersTest {

    @Test
    void a_date_time_without_an_offset_is_uk_local_time() {
        assertEquals(Instant.parse("2026-07-01T08:30:00Z"), FieldParsers.anyInstant("t").apply("2026-07-01T09:30"), "BST is UTC+1");
        assertEquals(Instant.parse("2026-12-01T09:30:00Z"), FieldParsers.anyInstant("t").apply("2026-12-01T09:30"), "GMT in winter");
        assertEquals(Instant.parse("2026-12-01T09:30:00Z"), FieldParsers.anyInstant("t").apply("2026-12-01T10:30:00+01:00"));
    }

    @Test
    void dates_and_times_outside_what_a_record_can_hold_are_refused_not_failed_on() {
        assertThrows(InvalidValueException.class, () -> FieldParsers.anyInstant("t").apply("-999999999-01-01T00:00:00Z"));
        assertThrows(InvalidValueException.class, () -> FieldParsers.anyInstant("t").apply("+999999999-12-31T23:59:59Z"));
        assertThrows(InvalidValueException.class, () -> FieldParsers.anyInstant("t").apply("1899-12-31"));
        InvalidValueException far = assertThrows(InvalidValueException.class, () -> FieldParsers.date("review date", true).apply("2300-01-01"));
        assertTrue(far.getMessage().contains("between 1900-01-01 and 2199-12-31"), far.getMessage());
        assertEquals(LocalDate.of(1900, 1, 1), FieldParsers.date("d", true).apply("1900-01-01"));
    }

    @Test
    void text_keeps_line_breaks_but_refuses_other_control_characters() {
        assertEquals("Line one\nLine two", FieldParsers.optionalText("notes", 100).apply("  Line one\nLine two "));
        assertThrows(InvalidValueException.class, () -> FieldParsers.optionalText("notes", 100).apply("bad\u0000byte"));
        assertThrows(InvalidValueException.class, () -> FieldParsers.optionalText("notes", 100).apply("bell\u0007"));
    }

    @Test
    void codes_are_read_in_any_case_with_hyphens_or_spaces() {
        assertEquals(java.time.DayOfWeek.SATURDAY, FieldParsers.oneOf("day", java.time.DayOfWeek.class).apply(" saturday "));
        InvalidValueException unknown = assertThrows(InvalidValueException.class,
                () -> FieldParsers.oneOf("day", java.time.DayOfWeek.class).apply("caturday"));
        assertTrue(unknown.getMessage().startsWith("day must be one of monday, tuesday"), unknown.getMessage());
    }

    @Test
    void yes_no_is_exactly_true_or_false() {
        assertEquals(true, FieldParsers.yesNo("x", true).apply("true"));
        assertEquals(false, FieldParsers.yesNo("x", true).apply(" false "));
        assertThrows(InvalidValueException.class, () -> FieldParsers.yesNo("x", true).apply("perhaps"));
        assertThrows(InvalidValueException.class, () -> FieldParsers.yesNo("x", true).apply(null));
        assertEquals(null, FieldParsers.yesNo("x", false).apply(""));
    }
}

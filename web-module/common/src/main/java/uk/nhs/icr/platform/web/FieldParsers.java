package uk.nhs.icr.platform.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.platform.UkClock;

/**
 * Text as people and partner systems type it, read into values at the edge (query parameters, form fields,
 * JSON bodies through {@link CommandBinder}): each refuses bad input with a reason a user can act on. Times are ISO-8601 with an offset ({@code 2026-11-25T09:30:00Z}) or, as a browser's
 * date-time field sends them, without one ({@code 2026-11-25T09:30}, UK local time); dates are YYYY-MM-DD.
 */
public final class FieldParsers {

    /** The dates and times a record can sensibly hold (and PostgreSQL can store): from 1900 to the end of 2199. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private FieldParsers() {
    }

    public static Function<String, String> optionalText(String label, int maxLength) {
        return value -> {
            if (value == null || value.isBlank()) {
                return null;
            }
            String stripped = value.strip();
            if (stripped.length() > maxLength) {
                throw new InvalidValueException(label + " must be at most " + maxLength + " characters");
            }
            // line breaks and tabs are text; other control characters are not (PostgreSQL refuses NUL outright)
            if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                throw new InvalidValueException(label + " must not contain control characters");
            }
            return stripped;
        };
    }

    public static Function<String, BigDecimal> decimal(String label, boolean required) {
        return value -> {
            if (value == null || value.isBlank()) {
                if (required) {
                    throw new InvalidValueException(label + " is required");
                }
                return null;
            }
            try {
                BigDecimal number = new BigDecimal(value.strip());
                if (number.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0 || number.scale() > 4) {
                    throw new InvalidValueException(label + " must be below a billion with at most 4 decimal places");
                }
                return number;
            } catch (NumberFormatException e) {
                throw new InvalidValueException(label + " must be a number such as 4.5");
            }
        };
    }

    /**
     * Exactly true or false (a JSON boolean arrives as that text). Stricter than JSON-B's Boolean, which reads
     * any other word as false.
     */
    public static Function<String, Boolean> yesNo(String label, boolean required) {
        return value -> {
            if (value == null || value.isBlank()) {
                if (required) {
                    throw new InvalidValueException(label + " is required: true or false");
                }
                return null;
            }
            return switch (value.strip()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new InvalidValueException(label + " must be true or false");
            };
        };
    }

    /** A positive whole number, such as an entry id. */
    public static Function<String, Long> wholeNumber(String label) {
        return value -> {
            if (value == null || value.isBlank()) {
                throw new InvalidValueException(label + " is required");
            }
            String text = value.strip();
            try {
                long number = Long.parseLong(text);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InvalidValueException(label + " must be a positive whole number");
        };
    }

    /** A date-time with offset; one without is UK local time; a plain date means its start, UTC. */
    public static Function<String, Instant> anyInstant(String label) {
        return value -> {
            if (value == null || value.isBlank()) {
                throw new InvalidValueException(label + " is required");
            }
            return instant(label, value.strip());
        };
    }

    public static Function<String, LocalDate> date(String label, boolean required) {
        return value -> {
            if (value == null || value.isBlank()) {
                if (required) {
                    throw new InvalidValueException(label + " is required");
                }
                return null;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidValueException(label + " must be a date written YYYY-MM-DD");
            }
            return withinRange(label, date);
        };
    }

    /** A time of day as a clock shows it: 09:00, 14:30 (24-hour). */
    public static Function<String, LocalTime> timeOfDay(String label) {
        return value -> {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalTime.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidValueException(label + " must be a time of day written HH:MM (24-hour), such as 09:00");
            }
        };
    }

    public static <E extends Enum<E>> Function<String, E> oneOf(String label, Class<E> type) {
        return value -> {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Codes::of)
                    .collect(Collectors.joining(", "));
            if (value == null || value.isBlank()) {
                throw new InvalidValueException(label + " is required: one of " + allowed);
            }
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException(label + " must be one of " + allowed);
            }
        };
    }

    private static LocalDate withinRange(String label, LocalDate date) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new InvalidValueException(label + " must be between " + EARLIEST + " and " + LATEST);
        }
        return date;
    }

    private static Instant instant(String label, String value) {
        Instant at = parseInstant(label, value);
        // compared as instants: a far-off one cannot even be turned into a UK date
        if (at.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
                || !at.isBefore(LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw new InvalidValueException(label + " must be between " + EARLIEST + " and " + LATEST);
        }
        return at;
    }

    private static Instant parseInstant(String label, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // what a browser's date-time field sends: a wall-clock time in England
            try {
                return LocalDateTime.parse(value).atZone(UkClock.ZONE).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    throw new InvalidValueException(label + " must be a date-time such as 2026-11-25T09:30:00Z");
                }
            }
        }
    }
}

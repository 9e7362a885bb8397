package uk.nhs.icr.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

import uk.nhs.icr.platform.UkClock;

/**
 * A FHIR date search ({@code date=ge2024-01-01&date=lt2024-04}) as the instants ICR's queries take: {@code from}
 * inclusive, {@code to} exclusive. A date without a time is a UK day (midnight to midnight, Europe/London), a month or a
 * year likewise; a time without an offset is UK time. HAPI would read a bare date in the server's own zone.
 */
record SearchWindow(Optional<Instant> from, Optional<Instant> to) {

    static final SearchWindow ANY = new SearchWindow(Optional.empty(), Optional.empty());

    static SearchWindow of(DateRangeParam range, String parameter) {
        if (range == null || range.isEmpty()) {
            return ANY;
        }
        Optional<Instant> from = Optional.empty();
        Optional<Instant> to = Optional.empty();
        for (DateParam bound : new DateParam[] {range.getLowerBound(), range.getUpperBound()}) {
            if (bound == null || bound.isEmpty()) {
                continue;
            }
            Instant[] period = period(bound, parameter);
            ParamPrefixEnum prefix = bound.getPrefix() == null ? ParamPrefixEnum.EQUAL : bound.getPrefix();
            switch (prefix) {
                case EQUAL -> {
                    from = later(from, period[0]);
                    to = earlier(to, period[1]);
                }
                case GREATERTHAN_OR_EQUALS, STARTS_AFTER -> from = later(from, prefix == ParamPrefixEnum.STARTS_AFTER ? period[1] : period[0]);
                case GREATERTHAN -> from = later(from, period[1]);
                case LESSTHAN_OR_EQUALS -> to = earlier(to, period[1]);
                case LESSTHAN, ENDS_BEFORE -> to = earlier(to, period[0]);
                default -> throw new InvalidRequestException(parameter + ": the prefix " + prefix.getValue() + " is not supported");
            }
        }
        return new SearchWindow(from, to);
    }

    /** The period a date names: [start, end). */
    private static Instant[] period(DateParam bound, String parameter) {
        String text = bound.getValueAsString();
        String value = text.length() > 2 && Character.isLetter(text.charAt(0)) ? text.substring(2) : text;
        try {
            TemporalPrecisionEnum precision = bound.getPrecision();
            if (precision == TemporalPrecisionEnum.YEAR) {
                LocalDate start = LocalDate.of(Integer.parseInt(value.substring(0, 4)), 1, 1);
                return new Instant[] {ukMidnight(start), ukMidnight(start.plusYears(1))};
            }
            if (precision == TemporalPrecisionEnum.MONTH) {
                LocalDate start = YearMonth.parse(value.substring(0, 7)).atDay(1);
                return new Instant[] {ukMidnight(start), ukMidnight(start.plusMonths(1))};
            }
            if (precision == TemporalPrecisionEnum.DAY) {
                LocalDate day = LocalDate.parse(value.substring(0, 10));
                return new Instant[] {ukMidnight(day), ukMidnight(day.plusDays(1))};
            }
            Instant at = instant(value);
            return new Instant[] {at, at.plusMillis(precision == TemporalPrecisionEnum.MILLI ? 1 : precision == TemporalPrecisionEnum.SECOND
                    ? 1_000 : 60_000)};
        } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new InvalidRequestException(parameter + ": not a FHIR date or dateTime");
        }
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException noOffset) {
            return java.time.LocalDateTime.parse(value).atZone(UkClock.ZONE).toInstant();
        }
    }

    private static Instant ukMidnight(LocalDate day) {
        return day.atStartOfDay(UkClock.ZONE).toInstant();
    }

    private static Optional<Instant> later(Optional<Instant> current, Instant candidate) {
        return Optional.of(current.filter(at -> at.isAfter(candidate)).orElse(candidate));
    }

    private static Optional<Instant> earlier(Optional<Instant> current, Instant candidate) {
        return Optional.of(current.filter(at -> at.isBefore(candidate)).orElse(candidate));
    }
}

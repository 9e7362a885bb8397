package uk.nhs.icr.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import uk.nhs.icr.patient.service.PatientSearchQuery;
import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.RecordSource;
import uk.nhs.icr.sharedrecord.service.TimelineQuery;

/**
 * Queries as clients type them in query strings and search boxes (blank: not given), read into the services'
 * query values with every bad parameter refused by name at once.
 */
public final class QueryParameters {

    /** Longer than any name; a longer search is a mistake or an attack. */
    static final int MAX_NAME_LENGTH = 200;

    private QueryParameters() {
    }

    public static TimelineQuery timeline(String source, String types, String from, String to, String page, String size) {
        FieldErrors errors = new FieldErrors();
        Optional<RecordSource> wanted = errors.parse("source", source, optional(RecordSource::parse));
        Set<EntryType> typeSet = errors.parse("type", types, QueryParameters::entryTypes);
        Optional<Instant> since = errors.parse("from", from, optional(FieldParsers.anyInstant("from")));
        Optional<Instant> until = errors.parse("to", to, optional(FieldParsers.anyInstant("to")));
        PageRequest request = page(page, size, errors);
        errors.throwIfAny();
        return new TimelineQuery(wanted, typeSet, since, until, request);
    }

    public static PatientSearchQuery patientSearch(String name, String birthDate, String page, String size) {
        FieldErrors errors = new FieldErrors();
        List<String> parts = errors.parse("name", name, QueryParameters::nameParts);
        Optional<LocalDate> born = errors.parse("birthDate", birthDate, optional(FieldParsers.date("date of birth", true)));
        PageRequest request = page(page, size, errors);
        errors.throwIfAny();
        return new PatientSearchQuery(parts, born.orElse(null), request);
    }

    /** A search of the register from a form whose date of birth is already a date (null: not given). */
    public static PatientSearchQuery patientSearch(String name, LocalDate birthDate, PageRequest page) {
        return new PatientSearchQuery(FieldErrors.parseOne("name", name, QueryParameters::nameParts), birthDate, page);
    }

    /** Page and size (blank: the first page, the default size). */
    public static PageRequest page(String page, String size) {
        FieldErrors errors = new FieldErrors();
        PageRequest request = page(page, size, errors);
        errors.throwIfAny();
        return request;
    }

    private static PageRequest page(String page, String size, FieldErrors errors) {
        int pageNumber = wholeNumber(page, 0, "page", 0, Integer.MAX_VALUE / PageRequest.MAX_SIZE, errors);
        int pageSize = wholeNumber(size, PageRequest.DEFAULT_SIZE, "size", 1, PageRequest.MAX_SIZE, errors);
        return new PageRequest(pageNumber, pageSize);
    }

    private static int wholeNumber(String text, int fallback, String field, int min, int max, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        errors.add(field, field + " must be a whole number from " + min + " to " + max);
        return fallback;
    }

    /** The words of a name as typed (none when blank). */
    static List<String> nameParts(String name) {
        String text = FieldParsers.optionalText("name", MAX_NAME_LENGTH).apply(name);
        return text == null ? List.of() : Arrays.stream(text.split("\\s+")).toList();
    }

    /** Comma-separated entry types, in any case, with - or _ ({@code blood-test,CARE_VISIT}). */
    static Set<EntryType> entryTypes(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<String> names = Arrays.stream(value.split(",")).map(t -> t.strip().toUpperCase(Locale.ROOT).replace('-', '_'))
                .filter(t -> !t.isEmpty()).collect(Collectors.toSet());
        Set<String> known = Arrays.stream(EntryType.values()).map(Enum::name).collect(Collectors.toSet());
        List<String> unknown = names.stream().filter(name -> !known.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new InvalidValueException("unknown entry type(s) " + unknown + "; known: " + known.stream().sorted().toList());
        }
        return names.stream().map(EntryType::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(EntryType.class)));
    }

    private static <T> Function<String, Optional<T>> optional(Function<String, T> parser) {
        return text -> text == null || text.isBlank() ? Optional.empty() : Optional.of(parser.apply(text));
    }
}

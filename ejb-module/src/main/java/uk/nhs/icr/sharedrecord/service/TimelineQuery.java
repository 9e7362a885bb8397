package uk.nhs.icr.sharedrecord.service;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.Fields;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.RecordSource;

/**
 * Which part of the timeline to show: one record or both, some entry types or all, a time window ({@code from}
 * inclusive, {@code to} exclusive) and a page. Refuses a window that ends before it starts, and pages beyond
 * the newest {@link #MAX_WINDOW} entries (the merge of both records reads that many from each).
 */
public record TimelineQuery(Optional<RecordSource> source, Set<EntryType> types, Optional<Instant> from, Optional<Instant> to,
                            PageRequest page) implements Serializable {

    static final int MAX_WINDOW = 5_000;

    public TimelineQuery {
        Objects.requireNonNull(source, "source");
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(page, "page");
        FieldErrors errors = new FieldErrors();
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            errors.add("to", "to must be after from");
        }
        if ((long) (page.page() + 1) * page.size() > MAX_WINDOW) {
            errors.add("page", "pages beyond the newest " + MAX_WINDOW + " entries are not served: narrow the dates instead");
        }
        errors.throwIfAny();
    }

    /** The query as a client typed it (blank: not chosen), every bad field reported at once. */
    public static TimelineQuery parse(String source, String types, String from, String to, String page, String size) {
        FieldErrors errors = new FieldErrors();
        Optional<RecordSource> wanted = errors.parse("source", source,
                text -> text == null || text.isBlank() ? Optional.empty() : Optional.of(RecordSource.parse(text)));
        Set<EntryType> typeSet = errors.parse("type", types, TimelineQuery::types);
        Optional<Instant> since = errors.parse("from", from, optional(Fields.anyInstant("from")));
        Optional<Instant> until = errors.parse("to", to, optional(Fields.anyInstant("to")));
        PageRequest request = PageRequest.parse(page, size, errors);
        errors.throwIfAny();
        return new TimelineQuery(wanted, typeSet, since, until, request);
    }

    /** Whether this query needs that record: no source chosen or this one, and no types chosen or one of its own. */
    boolean wants(RecordSource store) {
        return source.map(store::equals).orElse(true) && (types.isEmpty() || types.stream().anyMatch(type -> type.source() == store));
    }

    private static java.util.function.Function<String, Optional<Instant>> optional(java.util.function.Function<String, Instant> parser) {
        return text -> text == null || text.isBlank() ? Optional.empty() : Optional.of(parser.apply(text));
    }

    /** Comma-separated entry types, in any case, with - or _ ({@code blood-test,CARE_VISIT}). */
    static Set<EntryType> types(String value) {
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
}

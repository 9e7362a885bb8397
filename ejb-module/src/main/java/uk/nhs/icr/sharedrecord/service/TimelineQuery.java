package uk.nhs.icr.sharedrecord.service;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.RecordSource;

/**
 * Which part of the timeline to show: one record or both, some entry types or all, a time window ({@code from}
 * inclusive, {@code to} exclusive) and a page. Refuses a window that ends before it starts, and pages beyond
 * the newest {@link #MAX_WINDOW} entries (the merge of both records reads that many from each).
 */
public record TimelineQuery(Optional<RecordSource> source, Set<EntryType> types, Optional<Instant> from, Optional<Instant> to,
                            PageRequest page) {

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

    /** Whether this query needs that record: no source chosen or this one, and no types chosen or one of its own. */
    boolean wants(RecordSource store) {
        return source.map(store::equals).orElse(true) && (types.isEmpty() || types.stream().anyMatch(type -> type.source() == store));
    }
}

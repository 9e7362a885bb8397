package uk.nhs.icr.sharedrecord.service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.RecordSource;

/**
 * A search of one patient's entries as a structured interface asks it (FHIR): some kinds (never none), a window on when
 * they happened ({@code from} inclusive, {@code to} exclusive), only those recorded since an instant, only those recorded
 * under one of these SNOMED CT codes or named by one of these texts (either matches; an entry is filed under its coded
 * term's words), and a page by offset. Refuses what {@link TimelineQuery} refuses: an empty window, and
 * pages beyond the newest {@link TimelineQuery#MAX_WINDOW} entries.
 */
public record EntrySearch(Set<EntryType> types, Optional<Instant> from, Optional<Instant> to, Optional<Instant> recordedSince,
                          Set<String> codes, Set<String> texts, int offset, int count) {

    /** Pages end here: the newest this many entries are served, older ones by narrowing the dates. */
    public static final int WINDOW = TimelineQuery.MAX_WINDOW;

    public EntrySearch {
        types = Set.copyOf(types);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(recordedSince, "recordedSince");
        codes = Set.copyOf(codes);
        texts = Set.copyOf(texts);
        FieldErrors errors = new FieldErrors();
        if (types.isEmpty()) {
            errors.add("_type", "name at least one kind of entry");
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            errors.add("date", "the dates leave no time between them");
        }
        if (count < 1 || count > PageRequest.MAX_SIZE) {
            errors.add("_count", "give between 1 and " + PageRequest.MAX_SIZE);
        }
        if (offset < 0) {
            errors.add("_offset", "an offset is 0 or more");
        } else if ((long) offset + count > TimelineQuery.MAX_WINDOW) {
            errors.add("_offset", "pages beyond the newest " + TimelineQuery.MAX_WINDOW + " entries are not served: narrow the dates instead");
        }
        errors.throwIfAny();
    }

    /** Whether this search needs that record's store. */
    boolean wants(RecordSource store) {
        return types.stream().anyMatch(type -> type.source() == store);
    }
}

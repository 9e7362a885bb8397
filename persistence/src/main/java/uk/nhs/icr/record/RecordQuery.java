package uk.nhs.icr.record;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Which entries of one record to list: kinds (empty means all) and a time window on when they happened. */
public record RecordQuery(Set<String> types, Optional<Instant> from, Optional<Instant> to) {

    public RecordQuery {
        types = Set.copyOf(types);
    }

    public static RecordQuery everything() {
        return new RecordQuery(Set.of(), Optional.empty(), Optional.empty());
    }

    /** The JPQL conditions for an entry alias {@code e}, after its patient condition. */
    public String conditions() {
        StringBuilder jpql = new StringBuilder();
        if (!types.isEmpty()) {
            jpql.append(" and e.entryType in :types");
        }
        from.ifPresent(at -> jpql.append(" and e.occurredAt >= :from"));
        to.ifPresent(at -> jpql.append(" and e.occurredAt < :to"));
        return jpql.toString();
    }

    public void bind(jakarta.persistence.Query query) {
        if (!types.isEmpty()) {
            query.setParameter("types", types);
        }
        from.ifPresent(at -> query.setParameter("from", at));
        to.ifPresent(at -> query.setParameter("to", at));
    }
}

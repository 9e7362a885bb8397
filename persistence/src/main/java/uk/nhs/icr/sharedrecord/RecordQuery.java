package uk.nhs.icr.sharedrecord;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which entries of one record to list: kinds (empty means all), a time window on when they happened, and the
 * data categories withheld from this reader (left out of every list and count) except for the kinds always
 * shown to them (the emergency minimum under break-glass). For the patient's own view ({@code patientViewAt}), the
 * entries marked not for patient view and those held back at that moment (a result awaiting review) are left out too.
 * Interfaces that sync (FHIR's {@code _lastUpdated}, {@code _since}) ask only for entries recorded since an instant, and
 * a search by code asks for entries with one of these titles ({@code titles}, lower case: the coded term's words).
 */
public record RecordQuery(Set<EntryType> types, Optional<Instant> from, Optional<Instant> to, Set<DataCategory> withheld,
                          Set<EntryType> alwaysShown, Optional<Instant> patientViewAt, Optional<Instant> recordedSince,
                          Set<String> titles) {

    public RecordQuery {
        types = Set.copyOf(types);
        withheld = Set.copyOf(withheld);
        alwaysShown = Set.copyOf(alwaysShown);
        Objects.requireNonNull(recordedSince, "recordedSince");
        titles = Set.copyOf(titles);
    }

    public RecordQuery(Set<EntryType> types, Optional<Instant> from, Optional<Instant> to, Set<DataCategory> withheld,
                       Set<EntryType> alwaysShown, Optional<Instant> patientViewAt) {
        this(types, from, to, withheld, alwaysShown, patientViewAt, Optional.empty(), Set.of());
    }

    /** The same query, only entries recorded at or after that instant. */
    public RecordQuery recordedSince(Instant since) {
        return new RecordQuery(types, from, to, withheld, alwaysShown, patientViewAt, Optional.of(since), titles);
    }

    /** The same query, only entries with one of these titles (any case). */
    public RecordQuery titled(Set<String> wanted) {
        return new RecordQuery(types, from, to, withheld, alwaysShown, patientViewAt, recordedSince,
                wanted.stream().map(title -> title.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
    }

    /** Everything but the withheld categories (except the kinds always shown), as the patient's view at that moment if given. */
    public static RecordQuery withholding(Set<DataCategory> categories, Set<EntryType> alwaysShown, Optional<Instant> patientViewAt) {
        return new RecordQuery(Set.of(), Optional.empty(), Optional.empty(), categories, alwaysShown, patientViewAt);
    }

    /** The JPQL conditions for an entry alias {@code e}, after its patient condition. */
    public String conditions() {
        return conditions("e");
    }

    /** The JPQL conditions for an entry with this alias; parameters are shared, so any number of aliases may use them. */
    public String conditions(String alias) {
        StringBuilder jpql = new StringBuilder();
        if (!types.isEmpty()) {
            jpql.append(" and ").append(alias).append(".entryType in :types");
        }
        from.ifPresent(at -> jpql.append(" and ").append(alias).append(".occurredAt >= :from"));
        to.ifPresent(at -> jpql.append(" and ").append(alias).append(".occurredAt < :to"));
        if (!withheld.isEmpty() && alwaysShown.isEmpty()) {
            jpql.append(" and ").append(alias).append(".category not in :withheld");
        } else if (!withheld.isEmpty()) {
            jpql.append(" and (").append(alias).append(".category not in :withheld or ").append(alias).append(".entryType in :alwaysShown)");
        }
        patientViewAt.ifPresent(at -> jpql.append(" and ").append(alias).append(".hiddenFromPatient = false and (").append(alias)
                .append(".releasedToPatientAt is null or ").append(alias).append(".releasedToPatientAt <= :patientViewAt)"));
        recordedSince.ifPresent(at -> jpql.append(" and ").append(alias).append(".recordedAt >= :recordedSince"));
        if (!titles.isEmpty()) {
            jpql.append(" and lower(").append(alias).append(".title) in :titles");
        }
        return jpql.toString();
    }

    public void bind(jakarta.persistence.Query query) {
        if (!types.isEmpty()) {
            query.setParameter("types", types);
        }
        from.ifPresent(at -> query.setParameter("from", at));
        to.ifPresent(at -> query.setParameter("to", at));
        if (!withheld.isEmpty()) {
            query.setParameter("withheld", withheld);
        }
        if (!withheld.isEmpty() && !alwaysShown.isEmpty()) {
            query.setParameter("alwaysShown", alwaysShown);
        }
        patientViewAt.ifPresent(at -> query.setParameter("patientViewAt", at));
        recordedSince.ifPresent(at -> query.setParameter("recordedSince", at));
        if (!titles.isEmpty()) {
            query.setParameter("titles", titles);
        }
    }
}

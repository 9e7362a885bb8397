package uk.nhs.icr.sharedrecord;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import uk.nhs.icr.patient.NhsNumber;

/**
 * What both record stores do alike: add entries, list a patient's newest, count them, find one, and answer
 * the bulk questions the demo load and consent need. Every read is one query, whatever the record's size: the
 * single-table mapping needs no joins and nothing is loaded lazily afterwards.
 */
public abstract class EntryRepository<E extends RecordedEntry> {

    private final Class<E> type;

    protected EntryRepository(Class<E> type) {
        this.type = type;
    }

    /** The entity manager of this store's persistence unit. */
    protected abstract EntityManager em();

    public void add(E entry) {
        em().persist(entry);
    }

    public void flush() {
        em().flush();
    }

    /** Writes what is pending and forgets it: for bulk loads, so memory stays flat. */
    public void flushAndClear() {
        em().flush();
        em().clear();
    }

    /** The newest {@code max} entries matching the query, newest first. */
    public List<E> newest(NhsNumber patient, RecordQuery query, int max) {
        TypedQuery<E> jpql = em().createQuery("select e from " + type.getSimpleName() + " e where e.patient = :patient"
                + query.conditions() + " order by e.occurredAt desc, e.id desc", type);
        jpql.setParameter("patient", patient);
        query.bind(jpql);
        return jpql.setMaxResults(max).getResultList();
    }

    public long count(NhsNumber patient, RecordQuery query) {
        TypedQuery<Long> jpql = em().createQuery("select count(e) from " + type.getSimpleName() + " e where e.patient = :patient"
                + query.conditions(), Long.class);
        jpql.setParameter("patient", patient);
        query.bind(jpql);
        return jpql.getSingleResult();
    }

    public Optional<E> findEntry(NhsNumber patient, long id) {
        return em().createQuery("select e from " + type.getSimpleName() + " e where e.id = :id and e.patient = :patient", type)
                .setParameter("id", id)
                .setParameter("patient", patient)
                .getResultStream()
                .findFirst();
    }

    /**
     * The entry with this id, whoever's it is: only for a service that then reads it again through the access decision
     * point with the patient this names (an interface addressing entries by id alone, as FHIR does).
     */
    public Optional<E> findById(long id) {
        return Optional.ofNullable(em().find(type, id));
    }

    /** Of these patients' entries, those imported from another system, as {@code nhsNumber|sourceRef}: one query. */
    public Set<String> importedRefs(Collection<NhsNumber> patients) {
        if (patients.isEmpty()) {
            return Set.of();
        }
        return em().createQuery("select e.patient, e.sourceRef from " + type.getSimpleName() + " e where e.patient in :patients"
                        + " and e.sourceRef is not null", Object[].class)
                .setParameter("patients", patients).getResultStream()
                .map(row -> ((NhsNumber) row[0]).value() + "|" + row[1]).collect(java.util.stream.Collectors.toSet());
    }

    /** How many of the patient's entries are filed under these categories (to say that something is withheld). */
    public long countInCategories(NhsNumber patient, Set<DataCategory> categories) {
        return em().createQuery("select count(e) from " + type.getSimpleName() + " e where e.patient = :patient"
                        + " and e.category in :categories", Long.class)
                .setParameter("patient", patient)
                .setParameter("categories", categories)
                .getSingleResult();
    }

    /** Which of these patients already have any entry: one query, for loads that must not add twice. */
    public Set<NhsNumber> withEntriesAmong(Collection<NhsNumber> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em().createQuery("select distinct e.patient from " + type.getSimpleName()
                        + " e where e.patient in :candidates", NhsNumber.class)
                .setParameter("candidates", candidates)
                .getResultList());
    }
}

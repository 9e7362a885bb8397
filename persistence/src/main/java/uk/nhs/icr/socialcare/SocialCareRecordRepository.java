package uk.nhs.icr.socialcare;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.record.RecordQuery;

/** People's social care records: each read one query, as in the hospital record. */
@ApplicationScoped
public class SocialCareRecordRepository {

    @PersistenceContext(unitName = "socialcare")
    EntityManager em;

    public void add(SocialCareEntry entry) {
        em.persist(entry);
    }

    public void flush() {
        em.flush();
    }

    public void flushAndClear() {
        em.flush();
        em.clear();
    }

    public List<SocialCareEntry> newest(NhsNumber person, RecordQuery query, int max) {
        TypedQuery<SocialCareEntry> jpql = em.createQuery("select e from SocialCareEntry e where e.patient = :person"
                + query.conditions() + " order by e.occurredAt desc, e.id desc", SocialCareEntry.class);
        jpql.setParameter("person", person);
        query.bind(jpql);
        return jpql.setMaxResults(max).getResultList();
    }

    public long count(NhsNumber person, RecordQuery query) {
        TypedQuery<Long> jpql = em.createQuery("select count(e) from SocialCareEntry e where e.patient = :person"
                + query.conditions(), Long.class);
        jpql.setParameter("person", person);
        query.bind(jpql);
        return jpql.getSingleResult();
    }

    public Optional<SocialCareEntry> findEntry(NhsNumber person, long id) {
        return em.createQuery("select e from SocialCareEntry e where e.id = :id and e.patient = :person", SocialCareEntry.class)
                .setParameter("id", id)
                .setParameter("person", person)
                .getResultStream()
                .findFirst();
    }


    /** Active care plans and open safeguarding concerns, newest first, in one query. */
    public List<SocialCareEntry> summaryEntries(NhsNumber person, RecordQuery query) {
        TypedQuery<SocialCareEntry> jpql = em.createQuery("select e from SocialCareEntry e where e.patient = :person"
                + " and ((e.entryType = 'CARE_PLAN' and e.status = 'ACTIVE')"
                + " or (e.entryType = 'SAFEGUARDING_CONCERN' and e.status = 'OPEN'))" + query.conditions()
                + " order by e.occurredAt desc, e.id desc", SocialCareEntry.class);
        jpql.setParameter("person", person);
        query.bind(jpql);
        return jpql.getResultList();
    }

    /** How many of the person's entries are filed under these categories (to say that something is withheld). */
    public long countInCategories(NhsNumber person, Set<String> categories) {
        return em.createQuery("select count(e) from SocialCareEntry e where e.patient = :person and e.category in :categories", Long.class)
                .setParameter("person", person)
                .setParameter("categories", categories)
                .getSingleResult();
    }

    /** Which of these people already have any entry: one query, for loads that must not add twice. */
    public Set<NhsNumber> withEntriesAmong(Collection<NhsNumber> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select distinct e.patient from SocialCareEntry e where e.patient in :candidates", NhsNumber.class)
                .setParameter("candidates", candidates)
                .getResultList());
    }
}

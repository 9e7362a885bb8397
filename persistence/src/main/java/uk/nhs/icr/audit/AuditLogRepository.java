package uk.nhs.icr.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.hibernate.jpa.HibernateHints;

/** The audit log in the hospital database: appends in chain order, and reads for review and verification. */
@ApplicationScoped
public class AuditLogRepository {

    private static final int VERIFY_BATCH = 1000;

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    /** The same database through a pool of its own, for rows written in a transaction of their own. */
    @PersistenceContext(unitName = "audit")
    EntityManager ownPool;

    /** Appends an unsealed row: no lock, so concurrent requests never wait on each other (see {@link #sealPending}). */
    public AuditEvent append(AuditEntry entry, Instant at) {
        AuditEvent event = new AuditEvent(entry, at);
        em.persist(event);
        em.flush();
        return event;
    }

    /**
     * Appends an unsealed row in the caller's own new transaction through the audit pool: a request that holds a
     * hospital connection (a write that failed) takes no second one from that pool for its audit row.
     */
    public AuditEvent appendThroughOwnPool(AuditEntry entry, Instant at) {
        AuditEvent event = new AuditEvent(entry, at);
        ownPool.persist(event);
        ownPool.flush();
        return event;
    }

    /**
     * Seals up to {@code max} committed unsealed rows, oldest first: each gets the next place in the chain, the previous
     * sealed row's hash and its own. The head's row lock makes sealers (one per server) take turns; requests never take
     * it. Returns how many were sealed.
     */
    public int sealPending(int max) {
        Object[] head = (Object[]) em.createNativeQuery("select last_seq, last_hash from audit_chain_head for update").getSingleResult();
        long seq = ((Number) head[0]).longValue();
        String previous = ((String) head[1]).trim();
        List<AuditEvent> pending = em.createQuery("select e from AuditEvent e where e.chainSeq is null order by e.id", AuditEvent.class)
                .setMaxResults(max)
                .getResultList();
        // only their content is needed: detached, they are not dirty-checked again before each update below (which made a
        // batch cost the square of its size)
        em.clear();
        long lastId = 0;
        for (AuditEvent event : pending) {
            String hash = event.hashAfter(previous);
            seq++;
            int sealed = em.createNativeQuery("update audit_event set chain_seq = ?1, previous_hash = ?2, hash = ?3"
                            + " where id = ?4 and chain_seq is null")
                    .setHint(HibernateHints.HINT_NATIVE_SPACES, "audit_event")
                    .setParameter(1, seq)
                    .setParameter(2, previous)
                    .setParameter(3, hash)
                    .setParameter(4, event.id())
                    .executeUpdate();
            if (sealed != 1) {
                // another sealer got there first (the head lock should make that impossible): chaining on would break the chain
                throw new IllegalStateException("audit row " + event.id() + " was sealed meanwhile; this batch rolls back");
            }
            previous = hash;
            lastId = event.id();
        }
        if (!pending.isEmpty()) {
            em.createNativeQuery("update audit_chain_head set last_seq = ?1, last_hash = ?2, last_id = ?3")
                    .setHint(HibernateHints.HINT_NATIVE_SPACES, "audit_chain_head")
                    .setParameter(1, seq)
                    .setParameter(2, previous)
                    .setParameter(3, lastId)
                    .executeUpdate();
        }
        em.clear();
        return pending.size();
    }

    /** Rows appended and not sealed yet (the tail the chain does not cover until the sealer reaches it). */
    public long unsealed() {
        return em.createQuery("select count(e) from AuditEvent e where e.chainSeq is null", Long.class).getSingleResult();
    }

    /** The patient's entries, newest first, leaving out those about the {@code hidden} resource types. */
    /** A page of the patient's access log, newest first, as the filter narrows it. */
    public List<AuditEvent> forPatient(String nhsNumber, Set<String> hidden, AccessLogFilter filter, int first, int max) {
        return filtered(em.createQuery("select e from AuditEvent e where " + where(filter) + " order by e.occurredAt desc, e.id desc",
                AuditEvent.class), nhsNumber, hidden, filter)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long countForPatient(String nhsNumber, Set<String> hidden, AccessLogFilter filter) {
        return filtered(em.createQuery("select count(e) from AuditEvent e where " + where(filter), Long.class), nhsNumber, hidden,
                filter).getSingleResult();
    }

    /** The conditions, always on the patient (the index's first column); only those the filter uses. */
    private static String where(AccessLogFilter filter) {
        StringBuilder where = new StringBuilder("e.patientNhsNumber = :nhs and e.resourceType not in :hidden");
        if (filter.username() != null) {
            where.append(" and e.username = :username");
        }
        if (filter.outcome() != null) {
            where.append(" and e.outcome = :outcome");
        }
        if (filter.breakGlassOnly()) {
            where.append(" and e.purpose = 'BREAK_GLASS'");
        }
        if (filter.from() != null) {
            where.append(" and e.occurredAt >= :from");
        }
        if (filter.to() != null) {
            where.append(" and e.occurredAt < :to");
        }
        return where.toString();
    }

    private static <T> TypedQuery<T> filtered(TypedQuery<T> query, String nhsNumber, Set<String> hidden, AccessLogFilter filter) {
        query.setParameter("nhs", nhsNumber).setParameter("hidden", nothingIfEmpty(hidden));
        if (filter.username() != null) {
            query.setParameter("username", filter.username());
        }
        if (filter.outcome() != null) {
            query.setParameter("outcome", filter.outcome());
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from());
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to());
        }
        return query;
    }

    /** "not in ()" is not SQL: an empty string, which no resource type is, stands for none. */
    private static Set<String> nothingIfEmpty(Set<String> hidden) {
        return hidden.isEmpty() ? Set.of("") : hidden;
    }

    /**
     * Walks the sealed chain in its order, a batch at a time: the id of the first row whose content or link does not
     * match its hash, or empty when every link holds. Unsealed rows are not part of it yet ({@link #unsealed}).
     */
    public Optional<Long> firstBrokenLink() {
        String expectedPrevious = AuditEvent.GENESIS_HASH;
        long after = 0;
        while (true) {
            List<AuditEvent> batch = em.createQuery("select e from AuditEvent e where e.chainSeq > :after order by e.chainSeq",
                            AuditEvent.class)
                    .setParameter("after", after)
                    .setMaxResults(VERIFY_BATCH)
                    .getResultList();
            if (batch.isEmpty()) {
                // rows removed from the end leave the head pointing past the last row
                Object[] head = (Object[]) em.createNativeQuery("select last_id, last_hash from audit_chain_head").getSingleResult();
                boolean headMatches = ((String) head[1]).trim().equals(expectedPrevious);
                return headMatches ? Optional.empty() : Optional.of(((Number) head[0]).longValue());
            }
            for (AuditEvent event : batch) {
                if (!event.previousHash().trim().equals(expectedPrevious) || !event.computeHash().equals(event.hash().trim())) {
                    return Optional.of(event.id());
                }
                expectedPrevious = event.hash().trim();
                after = event.chainSeq();
            }
            em.clear();
        }
    }

    public long count() {
        return em.createQuery("select count(e) from AuditEvent e", Long.class).getSingleResult();
    }
}

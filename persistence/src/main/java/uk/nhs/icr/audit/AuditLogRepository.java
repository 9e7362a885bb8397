package uk.nhs.icr.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The audit log in the hospital database: appends in chain order, and reads for review and verification. */
@ApplicationScoped
public class AuditLogRepository {

    private static final int VERIFY_BATCH = 1000;

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    /**
     * Appends after the current head, holding the head's row lock until the caller's transaction ends,
     * so that concurrent appends chain one after another.
     */
    public AuditEvent append(AuditEntry entry, Instant at) {
        Object[] head = (Object[]) em.createNativeQuery("select last_id, last_hash from audit_chain_head for update")
                .getSingleResult();
        AuditEvent event = new AuditEvent(entry, at, ((String) head[1]).trim());
        em.persist(event);
        em.flush();
        em.createNativeQuery("update audit_chain_head set last_id = ?1, last_hash = ?2")
                .setParameter(1, event.id())
                .setParameter(2, event.hash())
                .executeUpdate();
        return event;
    }

    /** The patient's entries, newest first, leaving out those about the {@code hidden} resource types. */
    public List<AuditEvent> forPatient(String nhsNumber, Set<String> hidden, int first, int max) {
        return em.createQuery("select e from AuditEvent e where e.patientNhsNumber = :nhs and e.resourceType not in :hidden"
                        + " order by e.occurredAt desc, e.id desc", AuditEvent.class)
                .setParameter("nhs", nhsNumber)
                .setParameter("hidden", nothingIfEmpty(hidden))
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long countForPatient(String nhsNumber, Set<String> hidden) {
        return em.createQuery("select count(e) from AuditEvent e where e.patientNhsNumber = :nhs and e.resourceType not in :hidden",
                        Long.class)
                .setParameter("nhs", nhsNumber)
                .setParameter("hidden", nothingIfEmpty(hidden))
                .getSingleResult();
    }

    /** "not in ()" is not SQL: an empty string, which no resource type is, stands for none. */
    private static Set<String> nothingIfEmpty(Set<String> hidden) {
        return hidden.isEmpty() ? Set.of("") : hidden;
    }

    /**
     * Walks the whole chain in id order, a batch at a time: the id of the first row whose content or link
     * does not match its hash, or empty when every link holds.
     */
    public Optional<Long> firstBrokenLink() {
        String expectedPrevious = AuditEvent.GENESIS_HASH;
        long after = 0;
        while (true) {
            List<AuditEvent> batch = em.createQuery("select e from AuditEvent e where e.id > :after order by e.id", AuditEvent.class)
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
                after = event.id();
            }
            em.clear();
        }
    }

    public long count() {
        return em.createQuery("select count(e) from AuditEvent e", Long.class).getSingleResult();
    }
}

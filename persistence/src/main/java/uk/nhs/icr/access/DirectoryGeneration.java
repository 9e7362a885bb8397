package uk.nhs.icr.access;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;

import org.hibernate.Cache;
import org.hibernate.SessionFactory;

/**
 * Keeps the cached staff directory no older than the database's: reads the directory's generation (moved on by a
 * trigger with every change to staff, roles or organisations, V12) and, when it has moved since the last look, evicts
 * the directory from the second-level cache before anyone reads it. One primary-key read per look-up, instead of the
 * three statements and the transaction a look-up cost before.
 * <p>
 * A native SQL update or insert that does not name its tables ({@code HibernateHints.HINT_NATIVE_SPACES}) makes
 * Hibernate empty the whole second-level cache, the directory with it: every native write in this unit names them.
 */
@ApplicationScoped
public class DirectoryGeneration {

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    @PersistenceUnit(unitName = "hospital")
    EntityManagerFactory emf;

    private final AtomicLong seen = new AtomicLong(Long.MIN_VALUE);

    /**
     * Evicts the cached directory if the database's has changed since this server last looked. Read outside the
     * caller's transaction: a transaction that has just changed the directory itself would otherwise see a generation
     * nobody else can see yet, note it, and leave the old entries that others put back before its commit in the cache.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void evictIfChanged() {
        long current = ((Number) em.createNativeQuery("select generation from directory_generation").getSingleResult()).longValue();
        if (seen.get() != current) {
            // evict first, then note the generation: a look-up that sees it noted finds the cache already emptied
            Cache cache = emf.unwrap(SessionFactory.class).getCache();
            cache.evictEntityData(StaffMember.class);
            cache.evictQueryRegions();
            cache.evictCollectionData(StaffMember.class.getName() + ".roles");
            cache.evictEntityData(Organisation.class);
            seen.set(current);
        }
    }
}

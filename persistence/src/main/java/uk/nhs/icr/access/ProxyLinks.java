package uk.nhs.icr.access;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import uk.nhs.icr.patient.NhsNumber;

/** The proxy links the practices recorded: by whom a patient may be acted for, and for whom a person may act. */
@ApplicationScoped
public class ProxyLinks {

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    public void add(ProxyLink link) {
        em.persist(link);
        // the standing-link unique index answers here, inside the service, as a conflict
        em.flush();
    }

    /**
     * One of the patient's links, locked for the change about to be made: a second change at the same moment waits, then
     * sees the first (a revocation racing a confirmation is refused, not lost).
     */
    public Optional<ProxyLink> findForChange(NhsNumber patient, long id) {
        return em.createQuery("select l from ProxyLink l where l.id = :id and l.patient = :patient", ProxyLink.class)
                .setParameter("id", id).setParameter("patient", patient).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /** The link not revoked by which {@code proxy} may act for {@code patient}, if any (at most one stands). */
    public Optional<ProxyLink> standing(NhsNumber proxy, NhsNumber patient) {
        return em.createQuery("select l from ProxyLink l where l.proxy = :proxy and l.patient = :patient and l.revokedAt is null",
                        ProxyLink.class)
                .setParameter("proxy", proxy).setParameter("patient", patient).getResultStream().findFirst();
    }

    /** Everyone recorded as able to act for the patient, revoked links too, newest first. */
    public List<ProxyLink> forPatient(NhsNumber patient) {
        return em.createQuery("select l from ProxyLink l where l.patient = :patient order by l.recordedAt desc, l.id desc", ProxyLink.class)
                .setParameter("patient", patient).getResultList();
    }

    /** The links not revoked by which {@code proxy} acts for others. */
    public List<ProxyLink> actingFor(NhsNumber proxy) {
        return em.createQuery("select l from ProxyLink l where l.proxy = :proxy and l.revokedAt is null order by l.id", ProxyLink.class)
                .setParameter("proxy", proxy).getResultList();
    }

    /**
     * Writes the changes made to a loaded link now, so what the caller is answered carries the version they made (its
     * ETag).
     */
    public void writeNow() {
        em.flush();
    }
}

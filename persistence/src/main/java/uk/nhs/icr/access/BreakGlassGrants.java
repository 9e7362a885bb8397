package uk.nhs.icr.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import uk.nhs.icr.patient.NhsNumber;

@ApplicationScoped
public class BreakGlassGrants {

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    public void add(BreakGlassGrant grant) {
        em.persist(grant);
    }

    public Optional<BreakGlassGrant> activeFor(String username, NhsNumber patient, Instant now) {
        return em.createQuery("select g from BreakGlassGrant g where g.staffUsername = :username and g.patient = :patient"
                        + " and g.grantedAt <= :now and g.expiresAt > :now order by g.expiresAt desc", BreakGlassGrant.class)
                .setParameter("username", username)
                .setParameter("patient", patient)
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    public Optional<BreakGlassGrant> find(long id) {
        return Optional.ofNullable(em.find(BreakGlassGrant.class, id));
    }

    public List<BreakGlassGrant> awaitingReview() {
        return em.createQuery("select g from BreakGlassGrant g where g.review = :pending order by g.grantedAt",
                        BreakGlassGrant.class)
                .setParameter("pending", BreakGlassGrant.Review.PENDING)
                .getResultList();
    }
}

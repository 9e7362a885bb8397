package uk.nhs.icr.research;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** The research project register ({@code research_project} and its researchers). */
@ApplicationScoped
public class ResearchProjects {

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    public void add(ResearchProject project) {
        em.persist(project);
    }

    public ResearchProject byId(long id) {
        return em.find(ResearchProject.class, id);
    }

    public Optional<ResearchProject> find(String reference) {
        return em.createQuery("select p from ResearchProject p where p.reference = :reference", ResearchProject.class)
                .setParameter("reference", reference).getResultStream().findFirst();
    }

    /** The project, locked for a decision (two committee members deciding at once are taken in turn). */
    public Optional<ResearchProject> findForChange(String reference) {
        return em.createQuery("select p from ResearchProject p where p.reference = :reference", ResearchProject.class)
                .setParameter("reference", reference).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /** The projects this researcher is on, newest first. */
    public List<ResearchProject> ofResearcher(String username) {
        return em.createQuery("select p from ResearchProject p where :username member of p.researchers order by p.submittedAt desc, p.id desc",
                ResearchProject.class).setParameter("username", username).getResultList();
    }

    /** Every project, newest first, for the committee (at most {@code limit}). */
    public List<ResearchProject> all(int limit) {
        return em.createQuery("select p from ResearchProject p order by p.submittedAt desc, p.id desc", ResearchProject.class)
                .setMaxResults(limit).getResultList();
    }

    /** The projects in these states, newest first (the public register lists the approved and suspended). */
    public List<ResearchProject> inStatus(List<ResearchProject.Status> statuses, int limit) {
        return em.createQuery("select p from ResearchProject p where p.status in :statuses order by p.submittedAt desc, p.id desc",
                ResearchProject.class).setParameter("statuses", statuses).setMaxResults(limit).getResultList();
    }

    private static final int REFERENCE_LOCK = 15_001;

    /** The next reference of a year: RP-2026-0001, RP-2026-0002 ... (a sequence per year, gaps allowed). */
    public String nextReference(int year) {
        // two submissions at once are numbered in turn, not both given the same reference
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, ?2)) as locked").setParameter(1, REFERENCE_LOCK)
                .setParameter(2, year).getSingleResult();
        Number next = (Number) em.createNativeQuery("select coalesce(max(cast(substring(reference from 9) as integer)), 0) + 1"
                + " from research_project where reference like ?1").setParameter(1, "RP-" + year + "-%").getSingleResult();
        return String.format("RP-%d-%04d", year, next.intValue());
    }
}

package uk.nhs.icr.socialcare;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;

/** Care workers' rotas: the visits planned for each, by day, and what became of them. Each list is one query. */
@ApplicationScoped
public class HomeCareRota {

    @PersistenceContext(unitName = "socialcare")
    EntityManager em;

    public void add(PlannedVisit visit) {
        em.persist(visit);
        em.flush();
    }

    /** The person's visit with this id, with its tasks (none when the id is another person's). */
    public Optional<PlannedVisit> visitOf(NhsNumber person, long id) {
        return em.createQuery("select v from PlannedVisit v left join fetch v.tasks where v.id = :id and v.person = :person",
                        PlannedVisit.class)
                .setParameter("id", id).setParameter("person", person).getResultStream().findFirst();
    }

    /** Writes pending changes now, so that a clash with a change made meanwhile surfaces inside the caller's method. */
    public void flush() {
        em.flush();
    }

    /** A care worker's round between two instants, in the order it is travelled. */
    public List<PlannedVisit> roundOf(String careWorker, Instant from, Instant to) {
        return em.createQuery("select distinct v from PlannedVisit v left join fetch v.tasks where v.careWorker = :worker"
                        + " and v.plannedStart >= :from"
                        + " and v.plannedStart < :to order by v.plannedStart, v.travelOrder, v.id", PlannedVisit.class)
                .setParameter("worker", careWorker).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }

    /** Every visit the provider planned between two instants, by care worker and round order. */
    public List<PlannedVisit> visitsOf(OdsCode provider, Instant from, Instant to) {
        return em.createQuery("select distinct v from PlannedVisit v left join fetch v.tasks where v.provider = :provider"
                        + " and v.plannedStart >= :from and v.plannedStart < :to order by v.careWorker, v.plannedStart, v.travelOrder, v.id",
                        PlannedVisit.class)
                .setParameter("provider", provider).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }

    /** Visits not started (still planned) that were due to start between {@code since} and {@code startedBefore}; tasks not loaded. */
    public List<PlannedVisit> notStarted(OdsCode provider, Instant since, Instant startedBefore) {
        return em.createQuery("select v from PlannedVisit v where v.provider = :provider and v.status = :planned"
                        + " and v.plannedStart >= :since and v.plannedStart < :before order by v.plannedStart, v.id", PlannedVisit.class)
                .setParameter("provider", provider).setParameter("planned", PlannedVisit.Status.PLANNED)
                .setParameter("since", since).setParameter("before", startedBefore)
                .getResultList();
    }

    /** Per person, how many different care workers visited them (visits started) between two instants, and in how many visits. */
    public List<Continuity> continuity(OdsCode provider, Instant from, Instant to) {
        return em.createQuery("select new uk.nhs.icr.socialcare.HomeCareRota$Continuity(v.person, count(distinct v.careWorker),"
                        + " count(v)) from PlannedVisit v where v.provider = :provider and v.plannedStart >= :from and v.plannedStart < :to"
                        + " and v.status in (:started) group by v.person order by count(distinct v.careWorker) desc, v.person",
                        Continuity.class)
                .setParameter("provider", provider).setParameter("from", from).setParameter("to", to)
                .setParameter("started", List.of(PlannedVisit.Status.IN_PROGRESS, PlannedVisit.Status.COMPLETED))
                .getResultList();
    }

    public record Continuity(NhsNumber person, long careWorkers, long visits) {
    }
}

package uk.nhs.icr.socialcare;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;

/** Care plans by version, and the daily records made against them. */
@ApplicationScoped
public class CarePlans {

    @PersistenceContext(unitName = "socialcare")
    EntityManager em;

    public void add(CarePlanVersion version) {
        em.persist(version);
        em.flush();
    }

    /** The plan in force: the newest version, whichever provider wrote it. */
    public Optional<CarePlanVersion> current(NhsNumber person) {
        return em.createQuery("select v from CarePlanVersion v where v.person = :person order by v.recordedAt desc, v.id desc",
                        CarePlanVersion.class)
                .setParameter("person", person).setMaxResults(1).getResultStream().findFirst();
    }

    /** The newest version this provider wrote (its number is where the next one counts from). */
    public Optional<CarePlanVersion> currentOf(NhsNumber person, OdsCode provider) {
        return em.createQuery("select v from CarePlanVersion v where v.person = :person and v.provider = :provider"
                        + " order by v.version desc", CarePlanVersion.class)
                .setParameter("person", person).setParameter("provider", provider).setMaxResults(1).getResultStream().findFirst();
    }

    /** Every version, newest first. */
    public List<CarePlanVersion> history(NhsNumber person) {
        return em.createQuery("select v from CarePlanVersion v where v.person = :person order by v.recordedAt desc, v.id desc",
                        CarePlanVersion.class)
                .setParameter("person", person).getResultList();
    }

    /** The provider's people whose plan in force is past its review date (one query). */
    public List<CarePlanVersion> overdueReviews(OdsCode provider, java.time.LocalDate today) {
        return em.createQuery("select v from CarePlanVersion v where v.provider = :provider and v.reviewDate < :today"
                        + " and v.version = (select max(w.version) from CarePlanVersion w where w.person = v.person and w.provider = v.provider)"
                        + " order by v.reviewDate, v.id", CarePlanVersion.class)
                .setParameter("provider", provider).setParameter("today", today).getResultList();
    }

    public void add(DailyRecord record) {
        em.persist(record);
        em.flush();
    }

    /** These people's daily notes between two instants, oldest first (for a day's overview by resident). */
    public List<DailyRecord> notesOf(java.util.Collection<NhsNumber> people, Instant from, Instant to) {
        if (people.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select d from DailyRecord d where d.person in :people and d.kind = :note and d.recordedFor >= :from"
                        + " and d.recordedFor < :to order by d.recordedFor, d.id", DailyRecord.class)
                .setParameter("people", java.util.Set.copyOf(people)).setParameter("note", DailyRecord.Kind.NOTE).setParameter("from", from)
                .setParameter("to", to).getResultList();
    }

    public List<DailyRecord> dailyRecords(NhsNumber person, Instant from, Instant to) {
        return em.createQuery("select d from DailyRecord d where d.person = :person and d.recordedFor >= :from and d.recordedFor < :to"
                        + " order by d.recordedFor, d.id", DailyRecord.class)
                .setParameter("person", person).setParameter("from", from).setParameter("to", to).getResultList();
    }
}

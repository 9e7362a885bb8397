package uk.nhs.icr.socialcare;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;

/** The electronic MAR chart: the medicines carers give each person and the doses recorded against them. */
@ApplicationScoped
public class MarChart {

    @PersistenceContext(unitName = "socialcare")
    EntityManager em;

    public void add(CareMedicine medicine) {
        em.persist(medicine);
        em.flush();
    }

    public Optional<CareMedicine> medicineOf(NhsNumber person, long id) {
        return Optional.ofNullable(em.find(CareMedicine.class, id)).filter(medicine -> medicine.person().equals(person));
    }

    /**
     * The medicine, locked until the transaction ends: two carers recording a dose of it at the same moment take turns, so the
     * second sees the first's dose when it checks an as-required protocol (which no constraint can hold); two coordinators
     * taking it off the chart at once do too.
     */
    public Optional<CareMedicine> lockedMedicineOf(NhsNumber person, long id) {
        return Optional.ofNullable(em.find(CareMedicine.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .filter(medicine -> medicine.person().equals(person));
    }

    /** The person's medicines given at any time from {@code from} on (not stopped before it), in the order they were added. */
    public List<CareMedicine> medicinesOf(NhsNumber person, Instant from) {
        return em.createQuery("select distinct m from CareMedicine m left join fetch m.timesOfDay where m.person = :person"
                        + " and (m.stoppedAt is null or m.stoppedAt > :from) order by m.id", CareMedicine.class)
                .setParameter("person", person).setParameter("from", from)
                .getResultList();
    }

    /** Every medicine the provider gives that was in use at some time from {@code from} on (for its reports). */
    public List<CareMedicine> medicinesAt(OdsCode provider, Instant from) {
        return em.createQuery("select distinct m from CareMedicine m left join fetch m.timesOfDay where m.provider = :provider"
                        + " and (m.stoppedAt is null or m.stoppedAt > :from) order by m.id", CareMedicine.class)
                .setParameter("provider", provider).setParameter("from", from)
                .getResultList();
    }

    /** The provider's time-critical medicines in use, for the missed-dose alert. */
    public List<CareMedicine> timeCriticalAt(OdsCode provider, Instant from) {
        return em.createQuery("select distinct m from CareMedicine m left join fetch m.timesOfDay where m.provider = :provider"
                        + " and m.timeCritical = true and (m.stoppedAt is null or m.stoppedAt > :from) order by m.id", CareMedicine.class)
                .setParameter("provider", provider).setParameter("from", from)
                .getResultList();
    }

    /** The medicines of these people in use at some time from {@code from} on (a page of residents). */
    public List<CareMedicine> medicinesOf(java.util.Collection<NhsNumber> people, Instant from) {
        if (people.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select distinct m from CareMedicine m left join fetch m.timesOfDay where m.person in :people"
                        + " and (m.stoppedAt is null or m.stoppedAt > :from) order by m.id", CareMedicine.class)
                .setParameter("people", java.util.Set.copyOf(people)).setParameter("from", from)
                .getResultList();
    }

    /** A due dose recorded against one of the provider's medicines: which, when it was due, and what happened. */
    public record RecordedDose(long medicine, Instant dueAt, MedicationAdministration.Outcome outcome) {
    }

    /** The due doses recorded for the provider's medicines that were due between two instants: one query, however many. */
    public List<RecordedDose> recordedDoses(OdsCode provider, Instant from, Instant to) {
        return em.createQuery("select new uk.nhs.icr.socialcare.MarChart$RecordedDose(d.careMedicineId, d.dueAt, d.outcome)"
                        + " from MedicationAdministration d where d.dueAt >= :from and d.dueAt < :to and d.careMedicineId in"
                        + " (select m.id from CareMedicine m where m.provider = :provider)", RecordedDose.class)
                .setParameter("provider", provider).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }

    public void record(MedicationAdministration dose) {
        em.persist(dose);
        em.flush();
    }

    /**
     * The doses recorded against these medicines that were due, or (as required) given, between two instants: one query
     * for a whole chart or a whole provider.
     */
    public List<MedicationAdministration> dosesOf(Collection<Long> medicines, Instant from, Instant to) {
        if (medicines.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select d from MedicationAdministration d where d.careMedicineId in :medicines"
                        + " and ((d.dueAt >= :from and d.dueAt < :to) or (d.dueAt is null and d.occurredAt >= :from and d.occurredAt < :to))"
                        + " order by d.occurredAt, d.id", MedicationAdministration.class)
                .setParameter("medicines", medicines).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }
}

package uk.nhs.icr.socialcare;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.jpa.HibernateHints;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.SqlValues;

/** Food and fluid charts: each person's daily fluid target and the drinks recorded against it. */
@ApplicationScoped
public class FluidCharts {

    @PersistenceContext(unitName = "socialcare")
    EntityManager em;

    public void setTarget(NhsNumber person, int dailyMl, String by, Instant at) {
        em.createNativeQuery("insert into fluid_target (person_nhs_number, daily_ml, set_by, set_at) values (?1, ?2, ?3, ?4)"
                        + " on conflict (person_nhs_number) do update set daily_ml = excluded.daily_ml, set_by = excluded.set_by,"
                        + " set_at = excluded.set_at")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "fluid_target")
                .setParameter(1, person.value()).setParameter(2, dailyMl).setParameter(3, by).setParameter(4, at)
                .executeUpdate();
    }

    public Optional<Integer> targetOf(NhsNumber person) {
        List<?> rows = em.createNativeQuery("select daily_ml from fluid_target where person_nhs_number = ?1")
                .setParameter(1, person.value()).getResultList();
        return rows.stream().findFirst().map(row -> ((Number) row).intValue());
    }

    public void add(FluidIntake intake) {
        em.persist(intake);
        em.flush();
    }

    public List<FluidIntake> intakeOf(NhsNumber person, Instant from, Instant to) {
        return em.createQuery("select f from FluidIntake f where f.person = :person and f.takenAt >= :from and f.takenAt < :to"
                        + " order by f.takenAt, f.id", FluidIntake.class)
                .setParameter("person", person).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }

    /**
     * The people in the provider's care with a fluid target whose intake between two instants is below it: one query, however
     * many residents.
     */
    public List<Shortfall> belowTarget(OdsCode provider, Instant from, Instant to) {
        List<?> rows = em.createNativeQuery("select t.person_nhs_number, t.daily_ml, coalesce(sum(f.amount_ml), 0)"
                        + " from fluid_target t"
                        + " left join fluid_intake f on f.person_nhs_number = t.person_nhs_number and f.taken_at >= ?2 and f.taken_at < ?3"
                        + " where exists (select 1 from care_provision p where p.person_nhs_number = t.person_nhs_number and p.provider_ods = ?1"
                        + " and p.ended_at is null) and t.set_at < ?3"
                        + " group by t.person_nhs_number, t.daily_ml having coalesce(sum(f.amount_ml), 0) < t.daily_ml"
                        + " order by t.person_nhs_number")
                .setParameter(1, provider.value()).setParameter(2, from).setParameter(3, to)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new Shortfall(NhsNumber.parse(row[0].toString()), ((Number) row[1]).intValue(), ((Number) row[2]).intValue()))
                .toList();
    }

    /** The daily targets of these people, where they have one. */
    public Map<NhsNumber, Integer> targetsOf(java.util.Collection<NhsNumber> people) {
        Map<NhsNumber, Integer> targets = new HashMap<>();
        if (people.isEmpty()) {
            return targets;
        }
        List<?> rows = em.createNativeQuery("select person_nhs_number, daily_ml from fluid_target where person_nhs_number in (:people)")
                .setParameter("people", people.stream().map(NhsNumber::value).toList()).getResultList();
        rows.stream().map(row -> (Object[]) row).forEach(row -> targets.put(NhsNumber.parse(row[0].toString()), ((Number) row[1]).intValue()));
        return targets;
    }

    /** How much each of these people drank between two instants (none listed: nothing recorded). */
    public Map<NhsNumber, Integer> takenBy(java.util.Collection<NhsNumber> people, Instant from, Instant to) {
        Map<NhsNumber, Integer> taken = new HashMap<>();
        if (people.isEmpty()) {
            return taken;
        }
        List<?> rows = em.createNativeQuery("select person_nhs_number, sum(amount_ml) from fluid_intake where person_nhs_number in (:people)"
                        + " and taken_at >= :from and taken_at < :to group by person_nhs_number")
                .setParameter("people", people.stream().map(NhsNumber::value).toList()).setParameter("from", from).setParameter("to", to)
                .getResultList();
        rows.stream().map(row -> (Object[]) row).forEach(row -> taken.put(NhsNumber.parse(row[0].toString()), ((Number) row[1]).intValue()));
        return taken;
    }

    /** A daily target and the first whole UK day it applies to (the day after it was set: the day it was set was under way). */
    public record Target(int dailyMl, LocalDate from) {
    }

    /** The daily targets of the people in the provider's care who have one. */
    public Map<NhsNumber, Target> targetsAt(OdsCode provider) {
        List<?> rows = em.createNativeQuery("select t.person_nhs_number, t.daily_ml, cast((t.set_at at time zone 'Europe/London') as date)"
                        + " from fluid_target t where exists (select 1 from care_provision p where p.person_nhs_number = t.person_nhs_number"
                        + " and p.provider_ods = ?1 and p.ended_at is null)")
                .setParameter(1, provider.value()).getResultList();
        Map<NhsNumber, Target> targets = new HashMap<>();
        rows.stream().map(row -> (Object[]) row).forEach(row -> targets.put(NhsNumber.parse(row[0].toString()),
                new Target(((Number) row[1]).intValue(), SqlValues.localDate(row[2]).plusDays(1))));
        return targets;
    }

    /** Each person's intake per UK day between two instants, for the people in the provider's care with a target (one query). */
    public Map<NhsNumber, Map<LocalDate, Integer>> dailyTotals(OdsCode provider, Instant from, Instant to) {
        List<?> rows = em.createNativeQuery("select f.person_nhs_number, cast((f.taken_at at time zone 'Europe/London') as date),"
                        + " sum(f.amount_ml) from fluid_intake f join fluid_target t on t.person_nhs_number = f.person_nhs_number"
                        + " where f.taken_at >= ?2 and f.taken_at < ?3 and exists (select 1 from care_provision p where"
                        + " p.person_nhs_number = f.person_nhs_number and p.provider_ods = ?1 and p.ended_at is null)"
                        + " group by 1, 2")
                .setParameter(1, provider.value()).setParameter(2, from).setParameter(3, to).getResultList();
        Map<NhsNumber, Map<LocalDate, Integer>> totals = new HashMap<>();
        rows.stream().map(row -> (Object[]) row).forEach(row -> totals.computeIfAbsent(NhsNumber.parse(row[0].toString()),
                person -> new HashMap<>()).put(SqlValues.localDate(row[1]), ((Number) row[2]).intValue()));
        return totals;
    }

    public record Shortfall(NhsNumber person, int targetMl, int takenMl) {
    }
}

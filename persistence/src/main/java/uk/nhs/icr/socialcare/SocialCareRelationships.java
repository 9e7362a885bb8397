package uk.nhs.icr.socialcare;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.jpa.HibernateHints;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;

/** The social-care side of who looks after a person: social workers' caseloads and care providers. */
@ApplicationScoped
public class SocialCareRelationships {

    /** How long past its planned end a visit still checked into keeps the person's record open to its care worker. */
    public static final Duration LONGEST_OPEN_VISIT = Duration.ofHours(12);

    @PersistenceContext(unitName = "socialcare")
    EntityManager em;

    public boolean isOnCaseloadOf(NhsNumber person, String socialWorkerUsername) {
        return !em.createNativeQuery("select 1 from caseload_allocation where person_nhs_number = ?1"
                        + " and social_worker_username = ?2 and closed_at is null limit 1")
                .setParameter(1, person.value())
                .setParameter(2, socialWorkerUsername)
                .getResultList().isEmpty();
    }

    public boolean isCaredForBy(NhsNumber person, OdsCode provider) {
        return !em.createNativeQuery("select 1 from care_provision where person_nhs_number = ?1"
                        + " and provider_ods = ?2 and ended_at is null limit 1")
                .setParameter(1, person.value())
                .setParameter(2, provider.value())
                .getResultList().isEmpty();
    }

    /**
     * Whether the care worker has a visit to the person on their rota that makes now part of it: from {@code before} ahead of
     * its planned start until {@code after} past its end (its check-out, or its planned end while not checked out), and while it
     * is checked into, up to {@link #LONGEST_OPEN_VISIT} past its planned end (a visit left open does not open the record for
     * good).
     */
    public boolean isOnRotaOf(NhsNumber person, String careWorker, Instant now, Duration before, Duration after) {
        return !em.createNativeQuery("select 1 from planned_visit where person_nhs_number = ?1 and care_worker_username = ?2"
                        + " and status <> 'CANCELLED' and planned_start <= ?3"
                        + " and (coalesce(checked_out_at, planned_end) >= ?4 or (status = 'IN_PROGRESS' and planned_end >= ?5)) limit 1")
                .setParameter(1, person.value())
                .setParameter(2, careWorker)
                .setParameter(3, now.plus(before))
                .setParameter(4, now.minus(after))
                .setParameter(5, now.minus(LONGEST_OPEN_VISIT))
                .getResultList().isEmpty();
    }

    /** Whether the person lives in this care home (its staff care for every resident on their shift). */
    public boolean livesInCareHomeOf(NhsNumber person, OdsCode provider) {
        return !em.createNativeQuery("select 1 from care_provision where person_nhs_number = ?1 and provider_ods = ?2"
                        + " and setting = 'CARE_HOME' and ended_at is null limit 1")
                .setParameter(1, person.value())
                .setParameter(2, provider.value())
                .getResultList().isEmpty();
    }

    /** The people a care worker may see now: those their rota takes them to around now, and the residents of their care home. */
    public Set<NhsNumber> peopleOnRota(String careWorker, OdsCode provider, Instant now, Duration before, Duration after) {
        List<?> rows = em.createNativeQuery("select person_nhs_number from planned_visit where care_worker_username = ?1"
                        + " and status <> 'CANCELLED' and planned_start <= ?2"
                        + " and (coalesce(checked_out_at, planned_end) >= ?3 or (status = 'IN_PROGRESS' and planned_end >= ?5))"
                        + " union select person_nhs_number from care_provision where provider_ods = ?4 and setting = 'CARE_HOME'"
                        + " and ended_at is null")
                .setParameter(1, careWorker)
                .setParameter(2, now.plus(before))
                .setParameter(3, now.minus(after))
                .setParameter(4, provider.value())
                .setParameter(5, now.minus(LONGEST_OPEN_VISIT))
                .getResultList();
        Set<NhsNumber> people = new HashSet<>();
        rows.forEach(row -> people.add(NhsNumber.parse(row.toString())));
        return people;
    }

    public void allocate(NhsNumber person, String socialWorkerUsername, Instant at) {
        em.createNativeQuery("insert into caseload_allocation (person_nhs_number, social_worker_username, allocated_at)"
                        + " values (?1, ?2, ?3)")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "caseload_allocation")
                .setParameter(1, person.value())
                .setParameter(2, socialWorkerUsername)
                .setParameter(3, at)
                .executeUpdate();
    }

    /** Where a provider cares for a person: in their own home (visits) or as a resident of a care home. */
    public enum CareSetting { HOME_CARE, CARE_HOME }

    public void startCare(NhsNumber person, OdsCode provider, Instant at) {
        startCare(person, provider, CareSetting.HOME_CARE, at);
    }

    public void startCare(NhsNumber person, OdsCode provider, CareSetting setting, Instant at) {
        em.createNativeQuery("insert into care_provision (person_nhs_number, provider_ods, started_at, setting) values (?1, ?2, ?3, ?4)")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "care_provision")
                .setParameter(1, person.value())
                .setParameter(2, provider.value())
                .setParameter(3, at)
                .setParameter(4, setting.name())
                .executeUpdate();
    }

    /** A page of the people in the provider's open care (a care home's residents, an agency's clients), by NHS number. */
    public List<NhsNumber> peopleInCareOf(OdsCode provider, int first, int max) {
        List<?> rows = em.createNativeQuery("select distinct person_nhs_number from care_provision where provider_ods = ?1"
                        + " and ended_at is null order by person_nhs_number")
                .setParameter(1, provider.value())
                .setFirstResult(first).setMaxResults(max)
                .getResultList();
        return rows.stream().map(row -> NhsNumber.parse(row.toString())).toList();
    }

    /** The residents of a care home (its staff care for each of them on shift), by NHS number, at most {@code max}. */
    public List<NhsNumber> residentsOf(OdsCode careHome, int max) {
        List<?> rows = em.createNativeQuery("select distinct person_nhs_number from care_provision where provider_ods = ?1"
                        + " and setting = 'CARE_HOME' and ended_at is null order by person_nhs_number")
                .setParameter(1, careHome.value())
                .setMaxResults(max)
                .getResultList();
        return rows.stream().map(row -> NhsNumber.parse(row.toString())).toList();
    }

    public long countPeopleInCareOf(OdsCode provider) {
        return ((Number) em.createNativeQuery("select count(distinct person_nhs_number) from care_provision where provider_ods = ?1"
                        + " and ended_at is null")
                .setParameter(1, provider.value()).getSingleResult()).longValue();
    }

    /** People on this social worker's open caseload or in the open care of this organisation. */
    public Set<NhsNumber> peopleVisibleTo(String username, OdsCode organisation) {
        List<?> rows = em.createNativeQuery("select person_nhs_number from caseload_allocation"
                        + " where social_worker_username = ?1 and closed_at is null"
                        + " union select person_nhs_number from care_provision where provider_ods = ?2 and ended_at is null")
                .setParameter(1, username)
                .setParameter(2, organisation.value())
                .getResultList();
        Set<NhsNumber> people = new HashSet<>();
        rows.forEach(row -> people.add(NhsNumber.parse(row.toString())));
        return people;
    }
}

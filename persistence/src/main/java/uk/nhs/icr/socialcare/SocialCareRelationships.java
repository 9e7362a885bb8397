package uk.nhs.icr.socialcare;

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

    public void allocate(NhsNumber person, String socialWorkerUsername, Instant at) {
        em.createNativeQuery("insert into caseload_allocation (person_nhs_number, social_worker_username, allocated_at)"
                        + " values (?1, ?2, ?3)")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "caseload_allocation")
                .setParameter(1, person.value())
                .setParameter(2, socialWorkerUsername)
                .setParameter(3, at)
                .executeUpdate();
    }

    public void startCare(NhsNumber person, OdsCode provider, Instant at) {
        em.createNativeQuery("insert into care_provision (person_nhs_number, provider_ods, started_at) values (?1, ?2, ?3)")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "care_provision")
                .setParameter(1, person.value())
                .setParameter(2, provider.value())
                .setParameter(3, at)
                .executeUpdate();
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

package uk.nhs.icr.patient;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

/** Patients in the hospital database. */
@ApplicationScoped
public class PatientRepository {

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    public void add(Patient patient) {
        em.persist(patient);
    }

    /** Writes pending changes now, so that a constraint violation surfaces inside the caller's method. */
    public void flush() {
        em.flush();
    }

    public Optional<Patient> findByNhsNumber(NhsNumber nhsNumber) {
        return em.createQuery("select p from Patient p where p.identity.nhsNumber = :nhsNumber", Patient.class)
                .setParameter("nhsNumber", nhsNumber)
                .getResultStream()
                .findFirst();
    }

    public boolean exists(NhsNumber nhsNumber) {
        return !em.createQuery("select 1 from Patient p where p.identity.nhsNumber = :nhsNumber", Integer.class)
                .setParameter("nhsNumber", nhsNumber)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** Which of these NHS numbers are already registered, in one query. */
    public Set<NhsNumber> registeredAmong(Collection<NhsNumber> nhsNumbers) {
        if (nhsNumbers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select p.identity.nhsNumber from Patient p where p.identity.nhsNumber in :numbers", NhsNumber.class)
                .setParameter("numbers", nhsNumbers)
                .getResultList());
    }

    /** One page of matches, ordered by family name, given name and date of birth. */
    public List<Patient> search(PatientSearchCriteria criteria, int firstResult, int maxResults) {
        TypedQuery<Patient> query = em.createQuery(
                "select p from Patient p" + where(criteria)
                        + " order by lower(p.identity.familyName), lower(p.identity.givenName), p.identity.birthDate, p.id",
                Patient.class);
        bind(criteria).forEach(query::setParameter);
        return query.setFirstResult(firstResult).setMaxResults(maxResults).getResultList();
    }

    public long count(PatientSearchCriteria criteria) {
        TypedQuery<Long> query = em.createQuery("select count(p) from Patient p" + where(criteria), Long.class);
        bind(criteria).forEach(query::setParameter);
        return query.getSingleResult();
    }

    private static String where(PatientSearchCriteria criteria) {
        StringBuilder jpql = new StringBuilder(" where 1 = 1");
        for (int i = 0; i < criteria.nameParts().size(); i++) {
            jpql.append(" and (lower(p.identity.familyName) like :name").append(i).append(" escape '!'")
                    .append(" or lower(p.identity.givenName) like :name").append(i).append(" escape '!')");
        }
        criteria.birthDate().ifPresent(date -> jpql.append(" and p.identity.birthDate = :birthDate"));
        jpql.append(" and (p.gpPractice = :organisation")
                .append(" or exists (select 1 from CareEpisode e where e.patient = p.identity.nhsNumber")
                .append(" and e.organisation = :organisation and (e.endedAt is null or e.endedAt > :endedAfter))")
                .append(" or exists (select 1 from BreakGlassGrant g where g.patient = p.identity.nhsNumber")
                .append(" and g.staffUsername = :username and g.grantedAt <= :now and g.expiresAt > :now)");
        if (!criteria.visibleTo().alsoVisible().isEmpty()) {
            jpql.append(" or p.identity.nhsNumber in :alsoVisible");
        }
        jpql.append(")");
        return jpql.toString();
    }

    private static Map<String, Object> bind(PatientSearchCriteria criteria) {
        Map<String, Object> parameters = new HashMap<>();
        for (int i = 0; i < criteria.nameParts().size(); i++) {
            parameters.put("name" + i, escapeLike(criteria.nameParts().get(i).toLowerCase(Locale.ROOT)) + "%");
        }
        criteria.birthDate().ifPresent(date -> parameters.put("birthDate", date));
        parameters.put("organisation", criteria.visibleTo().organisation());
        parameters.put("username", criteria.visibleTo().username());
        parameters.put("endedAfter", criteria.visibleTo().episodesEndedAfter());
        parameters.put("now", criteria.visibleTo().now());
        if (!criteria.visibleTo().alsoVisible().isEmpty()) {
            parameters.put("alsoVisible", criteria.visibleTo().alsoVisible());
        }
        return parameters;
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}

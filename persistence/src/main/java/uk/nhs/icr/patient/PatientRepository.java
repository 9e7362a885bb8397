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
import jakarta.persistence.Query;

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

    /** The registered patients among these NHS numbers, in one query. */
    public List<Patient> findAllByNhsNumber(Collection<NhsNumber> nhsNumbers) {
        if (nhsNumbers.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select p from Patient p where p.identity.nhsNumber in :numbers", Patient.class)
                .setParameter("numbers", nhsNumbers)
                .getResultList();
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
        Query query = em.createNativeQuery(visible(criteria) + " select p.* from patient p join visible v on v.id = p.id"
                + " order by lower(p.family_name), lower(p.given_name), p.birth_date, p.id", Patient.class);
        bind(criteria).forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Patient> page = query.setFirstResult(firstResult).setMaxResults(maxResults).getResultList();
        return page;
    }

    public long count(PatientSearchCriteria criteria) {
        Query query = em.createNativeQuery(visible(criteria) + " select count(*) from visible");
        bind(criteria).forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /**
     * The matches the searcher may see, as a union of what each of their reasons to see a patient reaches, each part
     * starting from its own index: the practice's list ({@code patient (gp_practice_ods, lower(family_name))}, V13), the
     * organisation's open episodes, the searcher's break-glass grants, the people listed from social care. A search
     * therefore reads what its searcher can see, not every patient in the country with that name.
     */
    private static String visible(PatientSearchCriteria criteria) {
        StringBuilder matches = new StringBuilder();
        for (int i = 0; i < criteria.nameParts().size(); i++) {
            matches.append(" and (lower(p.family_name) like :name").append(i).append(" escape '!'")
                    .append(" or lower(p.given_name) like :name").append(i).append(" escape '!')");
        }
        criteria.birthDate().ifPresent(date -> matches.append(" and p.birth_date = :birthDate"));
        StringBuilder sql = new StringBuilder("with visible as (")
                .append("select p.id from patient p where p.gp_practice_ods = :organisation").append(matches)
                .append(" union select p.id from care_relationship e join patient p on p.nhs_number = e.patient_nhs_number")
                .append(" where e.organisation_ods = :organisation and (e.ended_at is null or e.ended_at > :endedAfter)")
                .append(" and (e.kind <> 'HOSPITAL_TRANSFER' or e.ended_at > :now)").append(matches)
                .append(" union select p.id from break_glass_grant g join patient p on p.nhs_number = g.patient_nhs_number")
                .append(" where g.staff_username = :username and g.granted_at <= :now and g.expires_at > :now").append(matches);
        if (!criteria.visibleTo().alsoVisible().isEmpty()) {
            sql.append(" union select p.id from patient p where p.nhs_number in (:alsoVisible)").append(matches);
        }
        return sql.append(")").toString();
    }

    private static Map<String, Object> bind(PatientSearchCriteria criteria) {
        Map<String, Object> parameters = new HashMap<>();
        for (int i = 0; i < criteria.nameParts().size(); i++) {
            parameters.put("name" + i, escapeLike(criteria.nameParts().get(i).toLowerCase(Locale.ROOT)) + "%");
        }
        criteria.birthDate().ifPresent(date -> parameters.put("birthDate", date));
        parameters.put("organisation", criteria.visibleTo().organisation().value());
        parameters.put("username", criteria.visibleTo().username());
        parameters.put("endedAfter", criteria.visibleTo().episodesEndedAfter());
        parameters.put("now", criteria.visibleTo().now());
        if (!criteria.visibleTo().alsoVisible().isEmpty()) {
            parameters.put("alsoVisible", criteria.visibleTo().alsoVisible().stream().map(NhsNumber::value).toList());
        }
        return parameters;
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}

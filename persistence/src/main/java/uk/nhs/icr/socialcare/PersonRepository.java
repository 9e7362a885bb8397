package uk.nhs.icr.socialcare;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import uk.nhs.icr.patient.NhsNumber;

/** People in the social-care database. */
@ApplicationScoped
public class PersonRepository {

    @PersistenceContext(unitName = "socialcare")
    EntityManager em;

    public void add(Person person) {
        em.persist(person);
    }

    public Optional<Person> findByNhsNumber(NhsNumber nhsNumber) {
        return em.createQuery("select p from Person p where p.identity.nhsNumber = :nhsNumber", Person.class)
                .setParameter("nhsNumber", nhsNumber)
                .getResultStream()
                .findFirst();
    }

    /** Which of these NHS numbers already have a social-care person, in one query. */
    public Set<NhsNumber> knownAmong(Collection<NhsNumber> nhsNumbers) {
        if (nhsNumbers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select p.identity.nhsNumber from Person p where p.identity.nhsNumber in :numbers", NhsNumber.class)
                .setParameter("numbers", nhsNumbers)
                .getResultList());
    }

    /** People's names ("Given Family") by NHS number, in one query: for lists such as a rota. */
    public Map<NhsNumber, String> namesOf(Collection<NhsNumber> nhsNumbers) {
        Map<NhsNumber, String> names = new HashMap<>();
        if (nhsNumbers.isEmpty()) {
            return names;
        }
        em.createQuery("select p.identity.nhsNumber, p.identity.givenName, p.identity.familyName from Person p"
                        + " where p.identity.nhsNumber in :numbers", Object[].class)
                .setParameter("numbers", Set.copyOf(nhsNumbers))
                .getResultList()
                .forEach(row -> names.put((NhsNumber) row[0], row[1] + " " + row[2]));
        return names;
    }

    /** Writes pending changes now, so that a constraint violation surfaces inside the caller's method. */
    public void flush() {
        em.flush();
    }
}

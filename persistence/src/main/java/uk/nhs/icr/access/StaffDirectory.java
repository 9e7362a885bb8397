package uk.nhs.icr.access;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.jpa.HibernateHints;

import uk.nhs.icr.platform.OdsCode;

/** Organisations and staff, in the hospital database. */
@ApplicationScoped
public class StaffDirectory {

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    @Inject
    DirectoryGeneration generation;

    /** The member of staff with this username, from the second-level cache unless the directory has changed since. */
    public Optional<StaffMember> findByUsername(String username) {
        generation.evictIfChanged();
        return em.createQuery("select s from StaffMember s where s.username = :username", StaffMember.class)
                .setParameter("username", username)
                .setHint(HibernateHints.HINT_CACHEABLE, true)
                .getResultStream()
                .findFirst();
    }

    public Optional<Organisation> findOrganisation(OdsCode code) {
        return em.createQuery("select o from Organisation o where o.odsCode = :code", Organisation.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }

    /** An organisation's name, or its ODS code when ICR does not know it (a reader is never shown nothing). */
    public String nameOf(OdsCode code) {
        return findOrganisation(code).map(Organisation::name).orElse(code.value());
    }

    /** The names of these organisations by ODS code, in one query (codes ICR does not know are left out). */
    public Map<String, String> organisationNames(Collection<String> odsCodes) {
        return organisations(odsCodes).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().name()));
    }

    /** These organisations by ODS code, in one query (codes ICR does not know are left out). */
    public Map<String, Organisation> organisations(Collection<String> odsCodes) {
        List<OdsCode> codes = odsCodes.stream().filter(code -> code != null && code.matches("[A-Z0-9]{3,10}")).map(OdsCode::new).toList();
        if (codes.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select o from Organisation o where o.odsCode in :codes", Organisation.class)
                .setParameter("codes", codes)
                .getResultStream()
                .collect(Collectors.toMap(o -> o.odsCode().value(), o -> o));
    }

    /** Organisations of these types, by name: for choosing one in a form. */
    public List<Organisation> organisationsOfType(Collection<OrganisationType> types) {
        return em.createQuery("select o from Organisation o where o.type in :types order by o.name", Organisation.class)
                .setParameter("types", types)
                .getResultList();
    }

    /** The enabled staff of an organisation who hold this role, by name (a provider's care workers for its rota). */
    public List<StaffMember> staffOf(OdsCode organisation, StaffRole role) {
        return em.createQuery("select distinct s from StaffMember s join s.roles r where s.organisation.odsCode = :code and r = :role"
                        + " order by s.displayName", StaffMember.class)
                .setParameter("code", organisation).setParameter("role", role).getResultList().stream()
                .filter(StaffMember::isEnabled).toList();
    }

    public void addOrganisation(Organisation organisation) {
        em.persist(organisation);
    }

    /** The organisation first known from an import with this identifier ({@code system|value}), if one was. */
    public Optional<Organisation> findImportedOrganisation(String importedFrom) {
        return em.createQuery("select o from Organisation o where o.importedFrom = :from", Organisation.class)
                .setParameter("from", importedFrom).getResultStream().findFirst();
    }

    /** The imported practitioners already known by these identifiers, by identifier: one query. */
    public java.util.Map<String, ImportedPractitioner> importedPractitioners(Collection<String> importedFrom) {
        if (importedFrom.isEmpty()) {
            return java.util.Map.of();
        }
        return em.createQuery("select p from ImportedPractitioner p where p.importedFrom in :from", ImportedPractitioner.class)
                .setParameter("from", importedFrom).getResultStream()
                .collect(java.util.stream.Collectors.toMap(ImportedPractitioner::importedFrom, p -> p));
    }

    public void addImportedPractitioner(ImportedPractitioner practitioner) {
        em.persist(practitioner);
    }

    /** Adds a member of staff; {@code bcryptHash} is their password already hashed (modular crypt form, $2a$...). */
    public void addStaff(String username, String displayName, Organisation organisation, Set<StaffRole> roles, String bcryptHash) {
        em.persist(new StaffMember(username, displayName, organisation, roles, bcryptHash));
    }
}

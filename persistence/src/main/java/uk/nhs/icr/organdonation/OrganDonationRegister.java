package uk.nhs.icr.organdonation;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import uk.nhs.icr.patient.NhsNumber;

/** The organ-donation register: decisions with every version, and the circumstances deemed consent depends on. */
@ApplicationScoped
public class OrganDonationRegister {

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    public Optional<OrganDonationDecision> current(NhsNumber patient) {
        return history(patient, 1).stream().findFirst();
    }

    /** The newest {@code max} versions, newest first. */
    public List<OrganDonationDecision> history(NhsNumber patient, int max) {
        return em.createQuery("select d from OrganDonationDecision d where d.patient = :patient order by d.version desc",
                        OrganDonationDecision.class)
                .setParameter("patient", patient)
                .setMaxResults(max)
                .getResultList();
    }

    public void add(OrganDonationDecision decision) {
        em.persist(decision);
        em.flush();
    }

    public Optional<DonationCircumstances> circumstances(NhsNumber patient) {
        return Optional.ofNullable(em.find(DonationCircumstances.class, patient.value()));
    }

    public void add(DonationCircumstances circumstances) {
        em.persist(circumstances);
    }
}

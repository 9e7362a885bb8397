package uk.nhs.icr.organdonation;

import java.time.Instant;
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

    /** The circumstances as last recorded. */
    public Optional<DonationCircumstances> circumstances(NhsNumber patient) {
        return em.createQuery("select c from DonationCircumstances c where c.patient = :patient order by c.version desc",
                        DonationCircumstances.class)
                .setParameter("patient", patient)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The circumstances in force at {@code moment}: the newest version recorded before it. */
    public Optional<DonationCircumstances> circumstancesRecordedBefore(NhsNumber patient, Instant moment) {
        return em.createQuery("select c from DonationCircumstances c where c.patient = :patient and c.recordedAt < :moment"
                        + " order by c.recordedAt desc, c.version desc", DonationCircumstances.class)
                .setParameter("patient", patient)
                .setParameter("moment", moment)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    public void add(DonationCircumstances circumstances) {
        em.persist(circumstances);
        em.flush();
    }
}

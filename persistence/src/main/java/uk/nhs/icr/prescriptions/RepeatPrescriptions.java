package uk.nhs.icr.prescriptions;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;

/** Repeat templates, the requests made from them, and patients' nominated pharmacies. Each read is one query. */
@ApplicationScoped
public class RepeatPrescriptions {

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    public void add(RepeatTemplate template) {
        em.persist(template);
    }

    /** Adds the request and writes it at once: the one-pending-per-repeat index answers here, as a conflict. */
    public void add(RepeatRequest request) {
        em.persist(request);
        em.flush();
    }

    /** The patient's repeats still on repeat, by medicine. */
    public List<RepeatTemplate> templatesOf(NhsNumber patient) {
        return em.createQuery("select t from RepeatTemplate t where t.patient = :patient and t.endedAt is null order by t.medicine, t.id",
                        RepeatTemplate.class)
                .setParameter("patient", patient).getResultList();
    }

    /** These of the patient's repeats, locked for the request being made (a second request for one waits for the first). */
    public List<RepeatTemplate> templatesOf(NhsNumber patient, Collection<Long> ids) {
        return em.createQuery("select t from RepeatTemplate t where t.patient = :patient and t.id in :ids order by t.id",
                        RepeatTemplate.class)
                .setParameter("patient", patient).setParameter("ids", ids).getResultList();
    }

    /** The ids of the patient's repeats with a request pending. */
    public List<Long> pendingTemplateIds(NhsNumber patient) {
        return em.createQuery("select r.template.id from RepeatRequest r where r.patient = :patient and r.status = :pending", Long.class)
                .setParameter("patient", patient).setParameter("pending", RepeatRequest.Status.PENDING).getResultList();
    }

    /** The patient's requests, newest first, with their repeats, one page. */
    public List<RepeatRequest> requestsOf(NhsNumber patient, int first, int max) {
        return em.createQuery("select r from RepeatRequest r join fetch r.template where r.patient = :patient"
                        + " order by r.requestedAt desc, r.id desc", RepeatRequest.class)
                .setParameter("patient", patient).setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long countRequestsOf(NhsNumber patient) {
        return em.createQuery("select count(r) from RepeatRequest r where r.patient = :patient", Long.class)
                .setParameter("patient", patient).getSingleResult();
    }

    /** The practice's pending requests, oldest first, with their repeats, one page. */
    public List<RepeatRequest> pendingAt(OdsCode practice, int first, int max) {
        return em.createQuery("select r from RepeatRequest r join fetch r.template where r.practice = :practice and r.status = :pending"
                        + " order by r.requestedAt, r.id", RepeatRequest.class)
                .setParameter("practice", practice).setParameter("pending", RepeatRequest.Status.PENDING)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long countPendingAt(OdsCode practice) {
        return em.createQuery("select count(r) from RepeatRequest r where r.practice = :practice and r.status = :pending", Long.class)
                .setParameter("practice", practice).setParameter("pending", RepeatRequest.Status.PENDING).getSingleResult();
    }

    /**
     * One of the practice's requests, with its repeat, both locked for the decision about to be made: a second GP deciding
     * it at the same moment waits, then finds it decided (an issue is never counted twice, a rejection never lost).
     */
    public Optional<RepeatRequest> requestForDecision(OdsCode practice, long id) {
        return em.createQuery("select r from RepeatRequest r join fetch r.template where r.id = :id and r.practice = :practice",
                        RepeatRequest.class)
                .setParameter("id", id).setParameter("practice", practice).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /** These of the practice's requests, with their repeats, in one query. */
    public List<RepeatRequest> requestsAt(OdsCode practice, Collection<Long> ids) {
        return em.createQuery("select r from RepeatRequest r join fetch r.template where r.id in :ids and r.practice = :practice"
                        + " order by r.id", RepeatRequest.class)
                .setParameter("ids", ids).setParameter("practice", practice).getResultList();
    }

    public Optional<PharmacyNomination> nominationOf(NhsNumber patient) {
        return Optional.ofNullable(em.find(PharmacyNomination.class, patient.value()));
    }

    public void add(PharmacyNomination nomination) {
        em.persist(nomination);
    }
}

package uk.nhs.icr.waits;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import uk.nhs.icr.hospital.Referral;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;

/** Referral-to-treatment pathways and the national treatment functions they are counted by. */
@ApplicationScoped
public class RttPathways {

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    public void add(RttPathway pathway) {
        em.persist(pathway);
        em.flush();
    }

    /** Adds many at once (the demo's lists), written together at the end of the transaction. */
    public void addAll(List<RttPathway> many) {
        many.forEach(em::persist);
    }

    /** Writes an event recorded on a loaded pathway now, so the answer carries the version it made. */
    public void writeNow() {
        em.flush();
    }

    public Optional<TreatmentFunction> treatmentFunction(String code) {
        return Optional.ofNullable(em.find(TreatmentFunction.class, code));
    }

    public List<TreatmentFunction> treatmentFunctions() {
        return em.createQuery("select f from TreatmentFunction f order by f.code", TreatmentFunction.class).getResultList();
    }

    /** The patient's pathways, newest clock first, each with its events, in one query. */
    public List<RttPathway> of(NhsNumber patient) {
        return em.createQuery("select distinct p from RttPathway p left join fetch p.events where p.patient = :patient"
                + " order by p.clockStart desc, p.id desc", RttPathway.class).setParameter("patient", patient).getResultList();
    }

    /** The referrals that started these pathways, by id (one query): a pathway is read as its referral is. */
    public Map<Long, Referral> referralsOf(List<RttPathway> started) {
        if (started.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select r from Referral r where r.id in :ids", Referral.class)
                .setParameter("ids", started.stream().map(RttPathway::referralEntryId).toList()).getResultStream()
                .collect(Collectors.toMap(Referral::id, Function.identity()));
    }

    /**
     * The open pathways a clinician's organisation holds, longest wait first: a trust's own (it is the provider), or a
     * GP practice's registered patients'.
     */
    public List<RttPathway> openLongestFirst(OdsCode organisation, boolean practice, int max) {
        String held = practice ? "p.patient in (select r.identity.nhsNumber from Patient r where r.gpPractice = :organisation)"
                : "p.provider = :organisation";
        return em.createQuery("select p from RttPathway p where p.clockStop is null and " + held + " order by p.clockStart, p.id",
                RttPathway.class).setParameter("organisation", organisation).setMaxResults(max).getResultList();
    }

    /** One of the patient's pathways, locked for the event about to be recorded: two at once are taken in turn. */
    public Optional<RttPathway> findForChange(NhsNumber patient, long id) {
        return em.createQuery("select p from RttPathway p where p.id = :id and p.patient = :patient", RttPathway.class)
                .setParameter("id", id).setParameter("patient", patient).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }
}

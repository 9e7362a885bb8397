package uk.nhs.icr.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.VersionedDecision;

/** Patients' consent directives and National Data Opt-out choices, every version kept, in the hospital database. */
@ApplicationScoped
public class ConsentRepository {

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    /** The directive that applies at {@code now} (see {@link DirectiveHistory#inForce}). */
    public Optional<ConsentDirective> inForce(NhsNumber patient, ConsentDirective.Scope scope, Instant now) {
        return new DirectiveHistory(history(patient, scope)).inForce(now);
    }

    /** Every version, newest first. */
    public List<ConsentDirective> history(NhsNumber patient, ConsentDirective.Scope scope) {
        return em.createQuery("select c from ConsentDirective c where c.patient = :patient and c.scope = :scope"
                        + " order by c.version desc", ConsentDirective.class)
                .setParameter("patient", patient)
                .setParameter("scope", scope)
                .getResultList();
    }

    public void add(ConsentDirective directive) {
        em.persist(directive);
        em.flush();
    }

    /**
     * Writes the patient's confirmation onto a version awaiting it, once, while it is still the newest: false when
     * another confirmation, or a newer version, got there first (nothing written).
     */
    public boolean confirm(ConsentDirective awaiting, VersionedDecision.Recorder confirmer, ConsentDirective.ConfirmationChannel channel,
                           Instant at) {
        int confirmed = em.createQuery("update ConsentDirective c set c.confirmedAt = :at, c.confirmedByKind = :kind,"
                        + " c.confirmedByName = :name, c.confirmedByUsername = :username, c.confirmationChannel = :channel"
                        + " where c.id = :id and c.awaitingConfirmation = true and c.confirmedAt is null"
                        + " and not exists (select n from ConsentDirective n where n.patient = c.patient and n.scope = c.scope"
                        + " and n.version > c.version)")
                .setParameter("at", at)
                .setParameter("kind", confirmer.kind())
                .setParameter("name", confirmer.name())
                .setParameter("username", confirmer.username())
                .setParameter("channel", channel)
                .setParameter("id", awaiting.id())
                .executeUpdate();
        if (confirmed == 1) {
            em.refresh(awaiting);
        }
        return confirmed == 1;
    }

    public Optional<DataOptOut> currentOptOut(NhsNumber patient) {
        return em.createQuery("select o from DataOptOut o where o.patient = :patient order by o.version desc", DataOptOut.class)
                .setParameter("patient", patient)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    public List<DataOptOut> optOutHistory(NhsNumber patient) {
        return em.createQuery("select o from DataOptOut o where o.patient = :patient order by o.version desc", DataOptOut.class)
                .setParameter("patient", patient)
                .getResultList();
    }

    public void add(DataOptOut choice) {
        em.persist(choice);
        em.flush();
    }

    /** True when the patient has an explicit, unwithdrawn consent to this study. */
    public boolean hasStudyConsent(NhsNumber patient, String studyId) {
        return !em.createNativeQuery("select 1 from study_consent where patient_nhs_number = ?1 and study_id = ?2"
                        + " and withdrawn_at is null")
                .setParameter(1, patient.value())
                .setParameter(2, studyId)
                .getResultList()
                .isEmpty();
    }
}

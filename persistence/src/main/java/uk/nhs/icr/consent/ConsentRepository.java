package uk.nhs.icr.consent;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import uk.nhs.icr.patient.NhsNumber;

/** Patients' consent directives and National Data Opt-out choices, every version kept, in the hospital database. */
@ApplicationScoped
public class ConsentRepository {

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    public Optional<ConsentDirective> current(NhsNumber patient, ConsentDirective.Scope scope) {
        return em.createQuery("select c from ConsentDirective c where c.patient = :patient and c.scope = :scope"
                        + " order by c.version desc", ConsentDirective.class)
                .setParameter("patient", patient)
                .setParameter("scope", scope)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * The directive that applies: the newest version that is neither entered in error nor voided by one. A
     * version entered in error voids itself and the version it corrects (the newest one before it still
     * standing), so the one before that applies again.
     */
    public Optional<ConsentDirective> inForce(NhsNumber patient, ConsentDirective.Scope scope) {
        int voids = 0;
        for (ConsentDirective version : history(patient, scope)) {
            if (version.status() == ConsentDirective.Status.ENTERED_IN_ERROR) {
                voids++;
            } else if (voids > 0) {
                voids--;
            } else {
                return Optional.of(version);
            }
        }
        return Optional.empty();
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

package uk.nhs.icr.research;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import uk.nhs.icr.platform.SqlValues;
import uk.nhs.icr.patient.NhsNumber;

/** A patient's consent to research projects ({@code study_consent}, the study being the project's reference). */
@ApplicationScoped
public class StudyConsents {

    /** One consent: to which project, since when, withdrawn when (if), recorded by whom. */
    public record StudyConsent(String project, Instant consentedAt, Instant withdrawnAt, String recordedBy) {
    }

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    /** Records consent, or renews one withdrawn before. */
    public void consent(NhsNumber patient, String project, Instant at, String recordedBy) {
        em.createNativeQuery("insert into study_consent (patient_nhs_number, study_id, consented_at, recorded_by) values (?1, ?2, ?3, ?4)"
                        + " on conflict (patient_nhs_number, study_id) do update set consented_at = excluded.consented_at,"
                        + " withdrawn_at = null, recorded_by = excluded.recorded_by")
                .setParameter(1, patient.value()).setParameter(2, project).setParameter(3, at).setParameter(4, recordedBy).executeUpdate();
    }

    /** Withdraws a current consent; answers whether there was one. */
    public boolean withdraw(NhsNumber patient, String project, Instant at) {
        return em.createNativeQuery("update study_consent set withdrawn_at = ?3 where patient_nhs_number = ?1 and study_id = ?2"
                        + " and withdrawn_at is null")
                .setParameter(1, patient.value()).setParameter(2, project).setParameter(3, at).executeUpdate() > 0;
    }

    public List<StudyConsent> of(NhsNumber patient) {
        List<?> rows = em.createNativeQuery("select study_id, consented_at, withdrawn_at, recorded_by from study_consent"
                + " where patient_nhs_number = ?1 order by consented_at desc").setParameter(1, patient.value()).getResultList();
        return rows.stream().map(Object[].class::cast).map(c -> new StudyConsent((String) c[0], SqlValues.instant(c[1]), c[2] == null ? null
                : SqlValues.instant(c[2]), (String) c[3])).toList();
    }

}

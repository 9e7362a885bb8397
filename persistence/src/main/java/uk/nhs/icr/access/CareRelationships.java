package uk.nhs.icr.access;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.jpa.HibernateHints;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;

/** The health side of a patient's care team, in the hospital database. */
@ApplicationScoped
public class CareRelationships {

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    /** True when the patient is registered with this GP practice. */
    public boolean isRegisteredWith(NhsNumber patient, OdsCode practice) {
        return exists("select 1 from patient where nhs_number = ?1 and gp_practice_ods = ?2", patient.value(), practice.value());
    }

    /** True when the organisation has an open referral, appointment or admission for the patient. */
    public boolean hasOpenEpisode(NhsNumber patient, OdsCode organisation) {
        return exists("select 1 from care_relationship where patient_nhs_number = ?1 and organisation_ods = ?2"
                + " and ended_at is null", patient.value(), organisation.value());
    }

    /**
     * An episode of care at the organisation that is open, or that ended after {@code endedAfter} (the staff who
     * discharged a patient still need the record for a while: the letter, results that come back, a follow-up).
     */
    public boolean hasCurrentEpisode(NhsNumber patient, OdsCode organisation, Instant endedAfter, Instant now) {
        return exists("select 1 from care_relationship where patient_nhs_number = ?1 and organisation_ods = ?2"
                + " and (ended_at is null or ended_at > ?3) and (kind <> 'HOSPITAL_TRANSFER' or ended_at > ?4)", patient.value(),
                organisation.value(), endedAfter, now);
    }

    /** A discharge ends the organisation's admission episodes with the patient. */
    public void endAdmissions(NhsNumber patient, OdsCode organisation, Instant at) {
        em.createNativeQuery("update care_relationship set ended_at = ?3 where patient_nhs_number = ?1 and organisation_ods = ?2"
                        + " and kind = 'ADMISSION' and ended_at is null")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "care_relationship")
                .setParameter(1, patient.value())
                .setParameter(2, organisation.value())
                .setParameter(3, at)
                .executeUpdate();
    }

    /** An episode that ends by itself at {@code endsAt} (a hospital transfer's access for the admitting trust). */
    public void openUntil(NhsNumber patient, OdsCode organisation, CareEpisode.Kind kind, Instant at, Instant endsAt) {
        CareEpisode episode = new CareEpisode(patient, organisation, kind, at);
        episode.close(endsAt);
        em.persist(episode);
    }

    public void open(NhsNumber patient, OdsCode organisation, CareEpisode.Kind kind, Instant at) {
        em.persist(new CareEpisode(patient, organisation, kind, at));
    }

    private boolean exists(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql + " limit 1");
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return !query.getResultList().isEmpty();
    }
}

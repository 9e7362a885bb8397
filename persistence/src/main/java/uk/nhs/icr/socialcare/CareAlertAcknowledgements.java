package uk.nhs.icr.socialcare;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.jpa.HibernateHints;

import uk.nhs.icr.platform.OdsCode;

/** Coordinators' answers to care alerts, by the alert's kind and subject ("visit 12", "dose 4 at …"). */
@ApplicationScoped
public class CareAlertAcknowledgements {

    @PersistenceContext(unitName = "socialcare")
    EntityManager em;

    /** Records the answer; a second answer to the same alert breaks the primary key (the caller says it was answered). */
    public void acknowledge(String kind, String subject, OdsCode provider, String by, Instant at, String note) {
        em.createNativeQuery("insert into care_alert_acknowledgement (kind, subject, provider_ods, acknowledged_by, acknowledged_at,"
                        + " note) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setHint(HibernateHints.HINT_NATIVE_SPACES, "care_alert_acknowledgement")
                .setParameter(1, kind).setParameter(2, subject).setParameter(3, provider.value()).setParameter(4, by)
                .setParameter(5, at).setParameter(6, note)
                .executeUpdate();
    }

    /** "KIND subject" of every alert the provider has answered since {@code since}. */
    public Set<String> answeredSince(OdsCode provider, Instant since) {
        List<?> rows = em.createNativeQuery("select kind || ' ' || subject from care_alert_acknowledgement where provider_ods = ?1"
                        + " and acknowledged_at >= ?2")
                .setParameter(1, provider.value()).setParameter(2, since).getResultList();
        Set<String> answered = new HashSet<>();
        rows.forEach(row -> answered.add(row.toString()));
        return answered;
    }
}

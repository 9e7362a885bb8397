package uk.nhs.icr.socialcare;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.sharedrecord.EntryRepository;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.RecordQuery;

/** People's social care records: each read one query, as in the hospital record. */
@ApplicationScoped
public class SocialCareRecordRepository extends EntryRepository<SocialCareEntry> {

    @PersistenceContext(unitName = "socialcare")
    EntityManager em;

    public SocialCareRecordRepository() {
        super(SocialCareEntry.class);
    }

    @Override
    protected EntityManager em() {
        return em;
    }


    /** Whether the person is the subject of an open safeguarding concern (the fact only, for an emergency reader). */
    public boolean hasOpenSafeguardingConcern(NhsNumber person) {
        return !em.createQuery("select e.id from SocialCareEntry e where e.patient = :person and e.entryType = :concern"
                        + " and e.status = :open", Long.class)
                .setParameter("person", person)
                .setParameter("concern", EntryType.SAFEGUARDING_CONCERN)
                .setParameter("open", EntryStatus.OPEN)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** How many incidents of each kind the organisation's staff recorded between two instants (one grouped query). */
    public Map<Incident.Kind, Long> incidentsByKind(OdsCode organisation, Instant from, Instant to) {
        Map<Incident.Kind, Long> counts = new EnumMap<>(Incident.Kind.class);
        em.createQuery("select i.kind, count(i) from Incident i where i.organisation = :organisation and i.occurredAt >= :from"
                        + " and i.occurredAt < :to group by i.kind", Object[].class)
                .setParameter("organisation", organisation).setParameter("from", from).setParameter("to", to)
                .getResultList().forEach(row -> counts.put((Incident.Kind) row[0], (Long) row[1]));
        return counts;
    }

    /** Active care plans and open safeguarding concerns, newest first, in one query. */
    public List<SocialCareEntry> summaryEntries(NhsNumber person, RecordQuery query) {
        TypedQuery<SocialCareEntry> jpql = em.createQuery("select e from SocialCareEntry e where e.patient = :person"
                + " and ((e.entryType = :carePlan and e.status = :active)"
                + " or (e.entryType = :concern and e.status = :open))" + query.conditions()
                + " order by e.occurredAt desc, e.id desc", SocialCareEntry.class);
        jpql.setParameter("person", person)
                .setParameter("carePlan", EntryType.CARE_PLAN).setParameter("active", EntryStatus.ACTIVE)
                .setParameter("concern", EntryType.SAFEGUARDING_CONCERN).setParameter("open", EntryStatus.OPEN);
        query.bind(jpql);
        return jpql.getResultList();
    }
}

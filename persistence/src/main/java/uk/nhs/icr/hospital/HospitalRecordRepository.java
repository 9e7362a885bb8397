package uk.nhs.icr.hospital;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryRepository;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.RecordQuery;

/**
 * Patients' hospital records. Every read is one query whatever the number of entries: the single-table
 * mapping needs no joins, and nothing is lazily loaded afterwards.
 */
@ApplicationScoped
public class HospitalRecordRepository extends EntryRepository<HospitalEntry> {

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    public HospitalRecordRepository() {
        super(HospitalEntry.class);
    }

    @Override
    protected EntityManager em() {
        return em;
    }

    /**
     * How many of the patient's active medications this prescriber recorded under one of these (withheld) categories:
     * what they are warned of rather than silently kept from.
     */
    public long activeMedicationsPrescribedBy(NhsNumber patient, String prescriber, Set<DataCategory> categories) {
        if (categories.isEmpty()) {
            return 0;
        }
        return em.createQuery("select count(m) from Medication m where m.patient = :patient and m.authorUsername = :prescriber"
                        + " and m.status = :active and m.category in :categories", Long.class)
                .setParameter("patient", patient)
                .setParameter("prescriber", prescriber)
                .setParameter("active", EntryStatus.ACTIVE)
                .setParameter("categories", categories)
                .getSingleResult();
    }

    /** These encounters (a ward's admissions), in one query. */
    public List<Encounter> encounters(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select e from Encounter e where e.id in :ids", Encounter.class).setParameter("ids", ids).getResultList();
    }

    /** The patient's active allergies and medications, in one query: what prescribing is checked against. */
    public List<HospitalEntry> activeAllergiesAndMedications(NhsNumber patient) {
        return em.createQuery("select e from HospitalEntry e where e.patient = :patient and e.entryType in :types"
                        + " and e.status = :active order by e.occurredAt desc, e.id desc", HospitalEntry.class)
                .setParameter("patient", patient)
                .setParameter("types", EnumSet.of(EntryType.ALLERGY, EntryType.MEDICATION))
                .setParameter("active", EntryStatus.ACTIVE)
                .getResultList();
    }

    static final Set<EntryType> SUMMARY_TYPES = EnumSet.of(EntryType.PROBLEM, EntryType.MEDICATION, EntryType.ALLERGY,
            EntryType.ALERT, EntryType.TREATMENT_PLAN, EntryType.ENCOUNTER);

    /**
     * What the summary shows, in one query: active problems, active medications, allergies, active alerts
     * and treatment plans. Results are fetched separately by {@link #latestResults}.
     */
    public List<HospitalEntry> summaryEntries(NhsNumber patient, RecordQuery query) {
        TypedQuery<HospitalEntry> jpql = em.createQuery("select e from HospitalEntry e where e.patient = :patient"
                + " and e.entryType in :summaryTypes and e.status in :current" + query.conditions()
                + " order by e.occurredAt desc, e.id desc", HospitalEntry.class);
        jpql.setParameter("patient", patient)
                .setParameter("summaryTypes", SUMMARY_TYPES)
                .setParameter("current", EnumSet.of(EntryStatus.ACTIVE, EntryStatus.OPEN));
        query.bind(jpql);
        return jpql.getResultList();
    }

    /** The newest {@code max} results of one test, oldest first: for a chart over time. */
    public List<BloodTestResult> resultsOf(NhsNumber patient, String test, RecordQuery query, int max) {
        TypedQuery<BloodTestResult> jpql = em.createQuery("select r from BloodTestResult r where r.patient = :patient and r.title = :test"
                + query.conditions("r") + " order by r.occurredAt desc, r.id desc", BloodTestResult.class);
        jpql.setParameter("patient", patient).setParameter("test", test);
        query.bind(jpql);
        List<BloodTestResult> newest = new ArrayList<>(jpql.setMaxResults(max).getResultList());
        Collections.reverse(newest);
        return newest;
    }

    /** The latest result of each test, in one query. */
    public List<BloodTestResult> latestResults(NhsNumber patient, RecordQuery query) {
        TypedQuery<BloodTestResult> jpql = em.createQuery("select r from BloodTestResult r where r.patient = :patient"
                + query.conditions("r") + " and r.occurredAt = (select max(r2.occurredAt) from BloodTestResult r2"
                + " where r2.patient = r.patient and r2.title = r.title" + query.conditions("r2") + ") order by r.title", BloodTestResult.class);
        jpql.setParameter("patient", patient);
        query.bind(jpql);
        return jpql.getResultList();
    }

    /** The patient's results that reached their own view in [from, to] (held back until then), newest first. */
    public List<BloodTestResult> resultsReleasedBetween(NhsNumber patient, Instant from, Instant to) {
        return em.createQuery("select r from BloodTestResult r where r.patient = :patient and r.hiddenFromPatient = false"
                        + " and r.releasedToPatientAt >= :from and r.releasedToPatientAt <= :to order by r.releasedToPatientAt desc",
                        BloodTestResult.class)
                .setParameter("patient", patient).setParameter("from", from).setParameter("to", to).setMaxResults(50).getResultList();
    }

    /**
     * The results of a practice's registered patients still to be reviewed (held back from the patient meanwhile), oldest
     * first, outside these categories; a page of them.
     */
    public List<BloodTestResult> awaitingReviewAt(OdsCode practice, Set<DataCategory> leftOut, int first, int max) {
        return em.createQuery("select r from BloodTestResult r where r.reviewedAt is null and r.releasedToPatientAt is not null"
                        + " and r.category not in :leftOut and r.patient in (select p.identity.nhsNumber from Patient p where p.gpPractice"
                        + " = :practice) order by r.recordedAt, r.id", BloodTestResult.class)
                .setParameter("practice", practice).setParameter("leftOut", leftOut).setFirstResult(first).setMaxResults(max)
                .getResultList();
    }

    public long countAwaitingReviewAt(OdsCode practice, Set<DataCategory> leftOut) {
        return em.createQuery("select count(r) from BloodTestResult r where r.reviewedAt is null and r.releasedToPatientAt is not null"
                        + " and r.category not in :leftOut and r.patient in (select p.identity.nhsNumber from Patient p where p.gpPractice"
                        + " = :practice)", Long.class)
                .setParameter("practice", practice).setParameter("leftOut", leftOut).getSingleResult();
    }

    /**
     * One of the patient's results, locked for its review: entries carry no version, so two clinicians reviewing at the same
     * moment are taken in turn and the second finds it reviewed (409), not a comment overwritten.
     */
    public Optional<BloodTestResult> findResultForReview(NhsNumber patient, long id) {
        return em.createQuery("select r from BloodTestResult r where r.id = :id and r.patient = :patient", BloodTestResult.class)
                .setParameter("id", id)
                .setParameter("patient", patient)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    /** The patient's latest admission still open, if any. */
    public Optional<Encounter> latestOpenAdmission(NhsNumber patient) {
        return em.createQuery("select e from Encounter e where e.patient = :patient and e.kind = :admission and e.status = :open"
                        + " order by e.occurredAt desc, e.id desc", Encounter.class)
                .setParameter("patient", patient)
                .setParameter("admission", Encounter.Kind.ADMISSION)
                .setParameter("open", EntryStatus.OPEN)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    public Optional<Encounter> findEncounter(NhsNumber patient, long id) {
        return em.createQuery("select e from Encounter e where e.id = :id and e.patient = :patient", Encounter.class)
                .setParameter("id", id)
                .setParameter("patient", patient)
                .getResultStream()
                .findFirst();
    }

}

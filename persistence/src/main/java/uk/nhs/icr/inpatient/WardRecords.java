package uk.nhs.icr.inpatient;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import uk.nhs.icr.hospital.TreatmentPlan;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.sharedrecord.EntryStatus;

/**
 * Wards, stays, prescriptions, doses and reconciliations in the hospital database. Each read fetches what its screen needs in
 * one query (prescriptions with their formulary medicine), whatever the number of patients on the ward.
 */
@ApplicationScoped
public class WardRecords {

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    public Optional<Ward> ward(OdsCode organisation, String code) {
        return em.createQuery("select w from Ward w where w.organisation = :organisation and lower(w.code) = lower(:code)", Ward.class)
                .setParameter("organisation", organisation).setParameter("code", code).getResultStream().findFirst();
    }

    public List<Ward> wardsOf(OdsCode organisation) {
        return em.createQuery("select w from Ward w where w.organisation = :organisation order by w.name", Ward.class)
                .setParameter("organisation", organisation).getResultList();
    }

    public Optional<InpatientStay> stay(long admissionId) {
        return Optional.ofNullable(em.find(InpatientStay.class, admissionId));
    }

    /** The patient's stay on a ward now, if they are on one. */
    public Optional<InpatientStay> openStayOf(NhsNumber patient) {
        return em.createQuery("select s from InpatientStay s join fetch s.ward where s.patient = :patient and s.endedAt is null",
                InpatientStay.class).setParameter("patient", patient).getResultStream().findFirst();
    }

    /** The open stays on a ward, by bed. */
    public List<InpatientStay> openStaysOn(Ward ward) {
        return em.createQuery("select s from InpatientStay s where s.ward = :ward and s.endedAt is null order by s.bed, s.admissionId",
                InpatientStay.class).setParameter("ward", ward).getResultList();
    }

    public void add(InpatientStay stay) {
        em.persist(stay);
    }

    public void add(Prescription prescription) {
        em.persist(prescription);
    }

    public void add(MedicineReconciliation reconciliation) {
        em.persist(reconciliation);
    }

    public void record(DoseAdministration dose) {
        em.persist(dose);
    }

    /** Sends pending inserts now, so a unique-constraint clash surfaces where it can be answered. */
    public void flush() {
        em.flush();
    }

    /** The prescriptions of these admissions, stopped ones too, each with its medicine, oldest first. */
    public List<Prescription> prescriptionsOf(Collection<Long> admissionIds) {
        if (admissionIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select p from Prescription p join fetch p.medicine where p.admissionId in :admissions"
                + " order by p.prescribedAt, p.id", Prescription.class).setParameter("admissions", admissionIds).getResultList();
    }

    /** The patient's prescriptions not stopped and not past their end at {@code at}, whatever the admission. */
    public List<Prescription> activePrescriptionsOf(NhsNumber patient, Instant at) {
        return em.createQuery("select p from Prescription p join fetch p.medicine where p.patient = :patient and p.stoppedAt is null"
                + " and (p.endsAt is null or p.endsAt > :at) order by p.prescribedAt, p.id", Prescription.class)
                .setParameter("patient", patient).setParameter("at", at).getResultList();
    }

    public Optional<Prescription> prescription(NhsNumber patient, long id) {
        return em.createQuery("select p from Prescription p join fetch p.medicine where p.id = :id and p.patient = :patient",
                Prescription.class).setParameter("id", id).setParameter("patient", patient).getResultStream().findFirst();
    }

    /** The prescription, locked until the transaction ends and read after the lock: two prescribers stopping it take turns. */
    public Optional<Prescription> prescriptionForUpdate(NhsNumber patient, long id) {
        return em.createQuery("select p from Prescription p where p.id = :id and p.patient = :patient", Prescription.class)
                .setParameter("id", id).setParameter("patient", patient).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /** Locks the prescription for the rest of the transaction: two nurses recording its doses at once take turns. */
    public void lock(Prescription prescription) {
        em.lock(prescription, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The doses of these prescriptions due from {@code from} (inclusive) to {@code to} (exclusive). */
    public List<DoseAdministration> dosesOf(Collection<Long> prescriptionIds, Instant from, Instant to) {
        if (prescriptionIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select d from DoseAdministration d where d.prescriptionId in :prescriptions and d.dueAt >= :from"
                        + " and d.dueAt < :to order by d.dueAt, d.id", DoseAdministration.class)
                .setParameter("prescriptions", prescriptionIds).setParameter("from", from).setParameter("to", to).getResultList();
    }

    public Optional<DoseAdministration> dose(long prescriptionId, Instant dueAt) {
        return em.createQuery("select d from DoseAdministration d where d.prescriptionId = :prescription and d.dueAt = :due",
                DoseAdministration.class).setParameter("prescription", prescriptionId).setParameter("due", dueAt)
                .getResultStream().findFirst();
    }

    public void add(WardTask task) {
        em.persist(task);
    }

    /** The tasks of these admissions, by due time. */
    public List<WardTask> tasksOf(Collection<Long> admissionIds) {
        if (admissionIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select t from WardTask t where t.admissionId in :admissions order by t.dueAt, t.id", WardTask.class)
                .setParameter("admissions", admissionIds).getResultList();
    }

    public Optional<WardTask> task(NhsNumber patient, long id) {
        return em.createQuery("select t from WardTask t where t.id = :id and t.patient = :patient", WardTask.class)
                .setParameter("id", id).setParameter("patient", patient).getResultStream().findFirst();
    }

    /** The plans in force of these admissions (one each), with the admission. */
    public List<TreatmentPlan> plansOf(Collection<Long> admissionIds) {
        if (admissionIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select p from TreatmentPlan p where p.admissionId in :admissions and p.status = :active",
                TreatmentPlan.class).setParameter("admissions", admissionIds).setParameter("active", EntryStatus.ACTIVE).getResultList();
    }

    public List<MedicineReconciliation> reconciliationsOf(long admissionId) {
        return em.createQuery("select r from MedicineReconciliation r where r.admissionId = :admission order by r.decidedAt, r.id",
                MedicineReconciliation.class).setParameter("admission", admissionId).getResultList();
    }
}

package uk.nhs.icr.appointments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.OdsCode;

/** Practices' sessions and slots, and the appointments booked in them. Each read is one query. */
@ApplicationScoped
public class Appointments {

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    private static final String FETCH_GRAPH = "jakarta.persistence.fetchgraph";

    /** An appointment with its slot and the slot's session, in the same query (the screens show all three). */
    private EntityGraph<Appointment> withSlotAndSession() {
        EntityGraph<Appointment> graph = em.createEntityGraph(Appointment.class);
        graph.addSubgraph("slot").addAttributeNodes("session");
        return graph;
    }

    public void add(AppointmentSession session, List<AppointmentSlot> slots) {
        em.persist(session);
        slots.forEach(em::persist);
    }

    /** Adds the appointment and writes it at once: the one-booking-per-slot index answers here, as a conflict. */
    public void add(Appointment appointment) {
        em.persist(appointment);
        em.flush();
    }

    /** The practice's slots starting in [from, to) that nobody has booked, earliest first, with their sessions. */
    public List<AppointmentSlot> freeSlots(OdsCode practice, Instant from, Instant to, int max) {
        return em.createQuery("select s from AppointmentSlot s join fetch s.session where s.practice = :practice"
                        + " and s.startsAt >= :from and s.startsAt < :to and not exists (select a.id from Appointment a"
                        + " where a.slot = s and a.status = :booked) order by s.startsAt, s.id", AppointmentSlot.class)
                .setParameter("practice", practice).setParameter("from", from).setParameter("to", to)
                .setParameter("booked", Appointment.Status.BOOKED).setMaxResults(max).getResultList();
    }

    public Optional<AppointmentSlot> slot(long id) {
        return em.createQuery("select s from AppointmentSlot s join fetch s.session where s.id = :id", AppointmentSlot.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /** How many booked appointments the patient holds that start after {@code now}. */
    public long futureBookedOf(NhsNumber patient, Instant now) {
        return em.createQuery("select count(a) from Appointment a where a.patient = :patient and a.status = :booked"
                        + " and a.startsAt > :now", Long.class)
                .setParameter("patient", patient).setParameter("booked", Appointment.Status.BOOKED).setParameter("now", now)
                .getSingleResult();
    }

    /** The patient's appointments, booked and cancelled, latest start first, with their slots and sessions. */
    public List<Appointment> of(NhsNumber patient, int max) {
        return em.createQuery("select a from Appointment a where a.patient = :patient"
                        + " order by a.startsAt desc, a.id desc", Appointment.class)
                .setParameter("patient", patient).setHint(FETCH_GRAPH, withSlotAndSession()).setMaxResults(max).getResultList();
    }

    public Optional<Appointment> find(NhsNumber patient, long id) {
        return em.createQuery("select a from Appointment a where a.id = :id"
                        + " and a.patient = :patient", Appointment.class)
                .setParameter("id", id).setParameter("patient", patient).setHint(FETCH_GRAPH, withSlotAndSession())
                .getResultStream().findFirst();
    }

    /**
     * One of the patient's appointments, locked for a cancellation: the patient and the practice cancelling at the same
     * moment are taken in turn, and the second finds it cancelled.
     */
    public Optional<Appointment> findForChange(NhsNumber patient, long id) {
        return em.createQuery("select a from Appointment a where a.id = :id and a.patient = :patient", Appointment.class)
                .setParameter("id", id).setParameter("patient", patient).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /** The practice's booked appointments starting in [from, to), in order, with their slots and sessions. */
    public List<Appointment> bookedAt(OdsCode practice, Instant from, Instant to) {
        return em.createQuery("select a from Appointment a where a.practice = :practice"
                        + " and a.status = :booked and a.startsAt >= :from and a.startsAt < :to order by a.startsAt, a.id", Appointment.class)
                .setParameter("practice", practice).setParameter("booked", Appointment.Status.BOOKED).setParameter("from", from)
                .setParameter("to", to).setHint(FETCH_GRAPH, withSlotAndSession()).getResultList();
    }

    /** Whether the practice has any slot starting at or after {@code from} (the demo adds its weeks only once). */
    public boolean hasSlotsFrom(OdsCode practice, Instant from) {
        return !em.createQuery("select s.id from AppointmentSlot s where s.practice = :practice and s.startsAt >= :from", Long.class)
                .setParameter("practice", practice).setParameter("from", from).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Writes the changes made to a loaded appointment now, so what the caller is answered carries the version they made (its
     * ETag).
     */
    public void writeNow() {
        em.flush();
    }
}

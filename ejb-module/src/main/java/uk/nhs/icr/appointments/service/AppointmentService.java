package uk.nhs.icr.appointments.service;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDecidedInside;
import uk.nhs.icr.access.service.AccessDecision.Purpose;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientAccess;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.PracticeLists;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.appointments.Appointment;
import uk.nhs.icr.appointments.AppointmentKind;
import uk.nhs.icr.appointments.AppointmentSession;
import uk.nhs.icr.appointments.AppointmentSlot;
import uk.nhs.icr.appointments.Appointments;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Patient;
import uk.nhs.icr.patient.PatientRepository;
import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.DatabaseFailures;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.Precondition;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.NotInPast;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;

/**
 * GP appointments (GP Connect Appointment Management): the practice's sessions and slots; the patient's search of their
 * own practice's free slots in a window of at most {@link #MAX_SEARCH_DAYS} days, booking with a reason (one booking of a
 * slot stands: a database constraint), listing, and cancelling a future appointment with If-Match; the practice's day list
 * and cancellation with a reason the patient reads.
 */
@Stateless
public class AppointmentService {

    private static final Logger LOG = Logger.getLogger(AppointmentService.class.getName());

    /** GP Connect's search window. */
    public static final int MAX_SEARCH_DAYS = 14;
    /** No session is cut into more slots at once. */
    static final int MOST_SLOTS = 2000;
    /** A search answers with at most this many slots. */
    static final int MOST_FOUND = 500;

    /** A session and the days it runs: slots of {@code slotMinutes} from {@code startTime} to {@code endTime}, weekdays only. */
    public record NewSession(@Required @Text(max = 200) @Label("clinician's name") String clinicianName,
                             @Required @Text(max = 30) @Label("clinician's role") String clinicianRole,
                             @Required @Text(max = 200) String place,
                             @Required AppointmentKind kind,
                             @Required @NotInPast @Label("first day") LocalDate from,
                             @Required @Label("last day") LocalDate to,
                             @Required @Label("start time") LocalTime startTime,
                             @Required @Label("end time") LocalTime endTime,
                             @Required @Min(5) @Max(120) @Label("slot length in minutes") Integer slotMinutes) {
    }

    public record Booking(@Required @Label("slot") Long slotId, @Required @Text(max = 100) String reason) {
    }

    public record Cancellation(@Required @Text(max = 300) String reason) {
    }

    public record SessionView(long id, String clinicianName, String clinicianRole, String place, String kind, int slots)
            implements Serializable {
    }

    public record SlotView(long id, Instant startsAt, Instant endsAt, String clinicianName, String clinicianRole, String place, String kind)
            implements Serializable {

        static SlotView of(AppointmentSlot slot) {
            AppointmentSession session = slot.session();
            return new SlotView(slot.id(), slot.startsAt(), slot.endsAt(), session.clinicianName(), session.clinicianRole(),
                    session.place(), Codes.of(session.kind()));
        }
    }

    /** An appointment as the patient and the practice see it; {@code version} is its ETag. */
    public record AppointmentView(long id, int version, Instant startsAt, Instant endsAt, String clinicianName, String clinicianRole,
                                  String place, String kind, String reason, String status, String cancelledBy, String cancellationReason,
                                  String patientNhsNumber, String patientName) implements Serializable {

        static AppointmentView of(Appointment appointment, String patientName) {
            AppointmentSlot slot = appointment.slot();
            AppointmentSession session = slot.session();
            return new AppointmentView(appointment.id(), appointment.etag(), slot.startsAt(), slot.endsAt(), session.clinicianName(),
                    session.clinicianRole(), session.place(), Codes.of(session.kind()), appointment.reason(),
                    Codes.of(appointment.status()), appointment.cancelledByName(), appointment.cancellationReason(),
                    appointment.patient().value(), patientName);
        }
    }

    @Inject
    Appointments appointments;

    @Inject
    PatientRepository patients;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PatientAccess patientAccess;

    @Inject
    PracticeLists practiceLists;

    @Inject
    UkClock clock;

    /** How many future appointments a patient may hold at once (ICR_MAX_FUTURE_APPOINTMENTS). */
    @Inject
    @ConfigProperty(name = "icr.max-future-appointments", defaultValue = "4")
    int maxFutureAppointments;

    /** A GP or administrator of a practice defines a session and its slots over a date range (weekdays). */
    @AccessDecidedInside("the practice's own diary: no patient's data")
    public SessionView defineSession(@Valid NewSession session) {
        Caller caller = practiceStaff();
        if (session.to().isBefore(session.from()) || ChronoUnit.DAYS.between(session.from(), session.to()) > 62) {
            throw InvalidInputException.of("to", "the last day is on or after the first, within about two months of it");
        }
        if (!session.endTime().isAfter(session.startTime())) {
            throw InvalidInputException.of("endTime", "must be after the start time");
        }
        AppointmentSession defined = new AppointmentSession(caller.organisation(), session.clinicianName().strip(),
                session.clinicianRole().strip(), session.place().strip(), session.kind(), caller.username(), clock.now());
        List<AppointmentSlot> slots = defined.slotsOnWeekdays(session.from(), session.to(), session.startTime(), session.endTime(),
                Duration.ofMinutes(session.slotMinutes()));
        if (slots.size() > MOST_SLOTS) {
            throw InvalidInputException.of("to", "that would make " + slots.size() + " slots; make at most " + MOST_SLOTS + " at once");
        }
        appointments.add(defined, slots);
        LOG.info(() -> "Session " + defined.id() + " defined with " + slots.size() + " slots");
        return new SessionView(defined.id(), defined.clinicianName(), defined.clinicianRole(), defined.place(), Codes.of(defined.kind()),
                slots.size());
    }

    /** The free slots at the patient's own practice starting in [from, to] (UK days, at most 14 days), from now on. */
    @PatientDataAccess(resource = Resource.APPOINTMENT, action = AuditAction.SEARCH)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SlotView> freeSlots(NhsNumber patient, Optional<LocalDate> from, Optional<LocalDate> to) {
        LocalDate first = from.orElse(clock.today());
        LocalDate last = to.orElse(first.plusDays(MAX_SEARCH_DAYS - 1));
        if (last.isBefore(first)) {
            throw InvalidInputException.of("to", "must be on or after from");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_SEARCH_DAYS) {
            throw InvalidInputException.of("to", "search a window of at most " + MAX_SEARCH_DAYS + " days");
        }
        Patient registered = patients.findByNhsNumber(patient).orElseThrow(PatientNotFoundException::new);
        Instant start = first.atStartOfDay(UkClock.ZONE).toInstant();
        Instant now = clock.now();
        return appointments.freeSlots(registered.gpPractice(), start.isBefore(now) ? now : start,
                last.plusDays(1).atStartOfDay(UkClock.ZONE).toInstant(), MOST_FOUND).stream().map(SlotView::of).toList();
    }

    /**
     * Books a free future slot at the patient's practice, with the reason (at most 100 characters). Of bookings racing for
     * one slot exactly one stands (a unique index); the rest are refused 409, as GP Connect does.
     */
    @PatientDataAccess(resource = Resource.APPOINTMENT, action = AuditAction.CREATE)
    public AppointmentView book(NhsNumber patient, @Valid Booking booking) {
        Caller caller = currentCaller.require();
        if (!caller.isPatient()) {
            throw new AccessDeniedException("Appointments here are booked by the patient or someone acting for them", false);
        }
        Patient registered = patients.findByNhsNumber(patient).orElseThrow(PatientNotFoundException::new);
        AppointmentSlot slot = appointments.slot(booking.slotId()).filter(found -> found.practice().equals(registered.gpPractice()))
                .orElseThrow(SlotNotFoundException::new);
        Instant now = clock.now();
        if (!slot.startsAt().isAfter(now)) {
            throw new AppointmentConflictException("This slot has already started: choose a future one");
        }
        if (appointments.futureBookedOf(patient, now) >= maxFutureAppointments) {
            throw new AppointmentConflictException("You already have " + maxFutureAppointments + " future appointments booked: cancel"
                    + " one to book another");
        }
        Appointment booked = new Appointment(slot, patient, booking.reason().strip(), caller.username(), now);
        try {
            appointments.add(booked);
        } catch (PersistenceException e) {
            if (DatabaseFailures.isUniqueViolation(e)) {
                throw new AppointmentConflictException("This slot is no longer free: choose another");
            }
            throw e;
        }
        patientAccess.note("appointment " + booked.id() + " booked");
        return AppointmentView.of(booked, null);
    }

    /** The patient's appointments, latest first: booked and cancelled (with who cancelled and why). */
    @PatientDataAccess(resource = Resource.APPOINTMENT, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AppointmentView> appointmentsOf(NhsNumber patient) {
        return appointments.of(patient, 200).stream().map(appointment -> AppointmentView.of(appointment, null)).toList();
    }

    /** One of the patient's appointments, with its ETag. */
    @PatientDataAccess(resource = Resource.APPOINTMENT, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AppointmentView appointment(NhsNumber patient, long id) {
        return appointments.find(patient, id).map(appointment -> AppointmentView.of(appointment, null))
                .orElseThrow(AppointmentNotFoundException::new);
    }

    /**
     * The patient (or their proxy) cancels a future appointment, naming the version they saw (If-Match: 428 without, 412
     * when it changed meanwhile); a past or cancelled one is refused (409).
     */
    @PatientDataAccess(resource = Resource.APPOINTMENT, action = AuditAction.WRITE)
    public AppointmentView cancel(NhsNumber patient, long id, Precondition precondition) {
        Caller caller = currentCaller.require();
        if (!caller.isPatient()) {
            throw new AccessDeniedException("The practice cancels with a reason the patient reads", false);
        }
        Appointment appointment = appointments.findForChange(patient, id).orElseThrow(AppointmentNotFoundException::new);
        precondition.check(appointment.etag(), "the appointment");
        cancel(appointment, caller.isThePatient(patient) ? "you" : "someone acting for you", null);
        return AppointmentView.of(appointment, null);
    }

    /** The practice (a GP or administrator) cancels a future appointment, with a reason the patient reads. */
    @PatientDataAccess(resource = Resource.APPOINTMENT, action = AuditAction.WRITE)
    public AppointmentView cancelForThePractice(NhsNumber patient, long id, @Valid Cancellation cancellation) {
        Caller caller = practiceStaff();
        Appointment appointment = appointments.findForChange(patient, id).filter(found -> found.practice().equals(caller.organisation()))
                .orElseThrow(AppointmentNotFoundException::new);
        cancel(appointment, caller.organisationName() == null ? caller.displayName() : caller.organisationName(),
                cancellation.reason().strip());
        return AppointmentView.of(appointment, null);
    }

    private void cancel(Appointment appointment, String by, String reason) {
        Instant now = clock.now();
        if (!appointment.booked()) {
            throw new AppointmentConflictException("This appointment was cancelled already");
        }
        if (!appointment.startsAt().isAfter(now)) {
            throw new AppointmentConflictException("A past appointment cannot be cancelled");
        }
        appointment.cancel(by, reason, now);
        // written now: the answer carries the new version, the ETag a next change must name
        appointments.writeNow();
        patientAccess.note("appointment " + appointment.id() + " cancelled");
    }

    /** The practice's booked appointments on a UK day, in order, with whose they are. Each patient listed is audited as read. */
    @AccessDecidedInside("the practice's own day list: its appointments, each patient listed audited as read")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AppointmentView> dayList(LocalDate day) {
        Caller caller = practiceStaff();
        List<Appointment> booked = appointments.bookedAt(caller.organisation(), day.atStartOfDay(UkClock.ZONE).toInstant(),
                day.plusDays(1).atStartOfDay(UkClock.ZONE).toInstant());
        Map<NhsNumber, String> names = practiceLists.namesShown(caller, booked.stream().map(Appointment::patient).toList(),
                Resource.APPOINTMENT, Purpose.ADMINISTRATION, PracticeLists.PracticeList.DAY_LIST);
        return booked.stream().map(appointment -> AppointmentView.of(appointment, names.get(appointment.patient()))).toList();
    }

    private Caller practiceStaff() {
        Caller caller = currentCaller.require();
        if (!caller.hasRole(StaffRole.GP) && !caller.hasRole(StaffRole.ADMIN)) {
            throw new AccessDeniedException("A practice's GPs and administrators keep its appointments", false);
        }
        return caller;
    }

    public static class AppointmentConflictException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public AppointmentConflictException(String message) {
            super(message);
        }
    }

    public static class SlotNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public SlotNotFoundException() {
            super("Your practice has no slot with that id");
        }
    }

    public static class AppointmentNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public AppointmentNotFoundException() {
            super("No appointment with that id");
        }
    }
}

package uk.nhs.icr.patient.service;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import uk.nhs.icr.access.ProxyLink;
import uk.nhs.icr.access.ProxyLinks;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientAccess;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.appointments.Appointment;
import uk.nhs.icr.appointments.Appointments;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.consent.Withholding;
import uk.nhs.icr.hospital.HospitalRecordRepository;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.prescriptions.RepeatPrescriptions;
import uk.nhs.icr.prescriptions.RepeatTemplate;

/**
 * What the patient should know now, derived from the record (nothing stored): a medication review due or overdue, a
 * repeat running out, an appointment in the coming week, a result released to them lately; each with the address of the
 * app's page about it. In a fixed number of queries. Someone acting for the patient sees the reminders of the services
 * they were granted.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ReminderService {

    /** A review this close is worth a reminder. */
    static final Duration REVIEW_SOON = Duration.ofDays(30);
    /** An appointment this close. */
    static final Duration APPOINTMENT_SOON = Duration.ofDays(7);
    /** A result released this recently. */
    static final Duration RESULT_LATELY = Duration.ofDays(14);

    public enum Kind { MEDICATION_REVIEW_DUE, REPEAT_RUNNING_OUT, UPCOMING_APPOINTMENT, RESULT_RELEASED }

    /** One reminder: what, in words, when it is about, and where in the app to act on it. */
    public record Reminder(Kind kind, String title, String detail, Instant at, String link) implements Serializable {
    }

    @Inject
    RepeatPrescriptions prescriptions;

    @Inject
    Appointments appointments;

    @Inject
    HospitalRecordRepository hospital;

    @Inject
    ProxyLinks proxyLinks;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PatientAccess patientAccess;

    @Inject
    UkClock clock;

    @PatientDataAccess(resource = Resource.SHARED_RECORD, action = AuditAction.READ)
    public List<Reminder> remindersFor(NhsNumber patient) {
        Caller caller = currentCaller.require();
        Set<ProxyLink.Service> services = caller.actsFor(patient)
                ? proxyLinks.standing(caller.self(), patient).map(ProxyLink::services).orElse(Set.of())
                : Set.of(ProxyLink.Service.values());
        String forParameter = caller.actsFor(patient) ? "?for=" + patient.value() : "";
        Instant now = clock.now();
        LocalDate today = clock.today();
        List<Reminder> reminders = new ArrayList<>();
        if (services.contains(ProxyLink.Service.PRESCRIPTIONS)) {
            for (RepeatTemplate repeat : prescriptions.templatesOf(patient)) {
                Instant review = repeat.reviewDate().atStartOfDay(UkClock.ZONE).toInstant();
                if (!repeat.reviewDate().isAfter(today.plusDays(REVIEW_SOON.toDays()))) {
                    reminders.add(new Reminder(Kind.MEDICATION_REVIEW_DUE, "Medication review " + (repeat.reviewDate().isBefore(today)
                            ? "overdue" : "due"), repeat.medicine() + ": your review is due on " + repeat.reviewDate()
                            + "; contact your practice to book it", review, "/api/me/prescriptions" + forParameter));
                } else if (repeat.issuesLeft() <= 1) {
                    reminders.add(new Reminder(Kind.REPEAT_RUNNING_OUT, "Repeat running out", repeat.medicine() + ": "
                            + (repeat.issuesLeft() == 0 ? "no issues left" : "one issue left") + "; ask your practice to renew it",
                            now, "/api/me/prescriptions" + forParameter));
                }
            }
        }
        if (services.contains(ProxyLink.Service.APPOINTMENTS)) {
            for (Appointment appointment : appointments.of(patient, 20)) {
                if (appointment.booked() && appointment.startsAt().isAfter(now) && appointment.startsAt().isBefore(now.plus(APPOINTMENT_SOON))) {
                    reminders.add(new Reminder(Kind.UPCOMING_APPOINTMENT, "Upcoming appointment", appointment.slot().session().clinicianName()
                            + ", " + appointment.slot().session().place(), appointment.startsAt(), "/api/me/appointments/"
                            + appointment.id() + forParameter));
                }
            }
        }
        if (services.contains(ProxyLink.Service.RECORD)) {
            Withholding withholding = patientAccess.withholding(patient);
            hospital.resultsReleasedBetween(patient, now.minus(RESULT_LATELY), now).stream()
                    .filter(result -> !withholding.withholds(result))
                    .forEach(result -> reminders.add(new Reminder(Kind.RESULT_RELEASED, "New test result", result.title()
                            + (result.reviewed() ? ", reviewed by " + result.reviewedByName() : ""), result.releasedToPatientAt(),
                            "/api/me/results" + forParameter)));
        }
        reminders.sort(Comparator.comparing(Reminder::at));
        return reminders;
    }
}

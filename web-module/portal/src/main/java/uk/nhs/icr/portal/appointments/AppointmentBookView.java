package uk.nhs.icr.portal.appointments;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.appointments.AppointmentKind;
import uk.nhs.icr.appointments.service.AppointmentService;
import uk.nhs.icr.appointments.service.AppointmentService.AppointmentView;
import uk.nhs.icr.appointments.service.AppointmentService.Cancellation;
import uk.nhs.icr.appointments.service.AppointmentService.NewSession;
import uk.nhs.icr.appointments.service.AppointmentService.SessionView;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.web.CommandBinder;
import uk.nhs.icr.platform.web.FieldParsers;
import uk.nhs.icr.portal.FieldMessages;

/**
 * The practice's appointment book for its GPs and administrators: a day's booked appointments with whose they are, each
 * cancellable with a reason the patient reads; and a new session cut into slots over a range of weekdays.
 */
@Named
@ViewScoped
public class AppointmentBookView implements Serializable {

    private static final long serialVersionUID = 1L;

    static final Set<String> SESSION_FIELDS = Set.of("clinicianName", "clinicianRole", "place", "kind", "from", "to", "startTime",
            "endTime", "slotMinutes");

    @Inject
    AppointmentService appointments;

    @Inject
    CommandBinder binder;

    @Inject
    UkClock clock;

    private String day;
    private List<AppointmentView> dayList = List.of();
    private final Map<Long, String> reasons = new HashMap<>();
    private final Map<String, String> session = new HashMap<>();

    @PostConstruct
    void init() {
        day = clock.today().toString();
        session.put("slotMinutes", "15");
        show();
    }

    /** The day list of the day chosen. */
    public void show() {
        try {
            LocalDate chosen = FieldParsers.date("day", true).apply(day);
            dayList = appointments.dayList(chosen);
        } catch (InvalidValueException | AccessDeniedException e) {
            FieldMessages.error("day:date", e.getMessage());
            dayList = List.of();
        }
    }

    public void cancel(AppointmentView appointment) {
        try {
            appointments.cancelForThePractice(NhsNumber.parse(appointment.patientNhsNumber()), appointment.id(),
                    new Cancellation(reasons.get(appointment.id())));
            FieldMessages.info("The appointment of " + appointment.patientName() + " is cancelled; they see your reason");
            reasons.remove(appointment.id());
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.error(null, "Give the reason the patient will read");
        } catch (AccessDeniedException | ConflictException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
        show();
    }

    public void defineSession() {
        try {
            SessionView defined = appointments.defineSession(binder.bind(NewSession.class, session));
            FieldMessages.info(defined.slots() + " slots made for " + defined.clinicianName());
            session.clear();
            session.put("slotMinutes", "15");
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.show("session", SESSION_FIELDS, e);
        } catch (AccessDeniedException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    /** How patients are seen, as the form offers it. */
    public Map<String, String> getKinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (AppointmentKind kind : AppointmentKind.values()) {
            kinds.put(Codes.phrase(kind), Codes.of(kind));
        }
        return kinds;
    }

    public String getDay() { return day; }
    public void setDay(String day) { this.day = day; }
    public List<AppointmentView> getDayList() { return dayList; }
    public Map<Long, String> getReasons() { return reasons; }
    public Map<String, String> getSession() { return session; }
}

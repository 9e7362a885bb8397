package uk.nhs.icr.portal.socialcare;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.web.CommandBinder;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.portal.access.SignedInUser;
import uk.nhs.icr.socialcare.service.CareAlertService;
import uk.nhs.icr.socialcare.service.CareAlertService.Acknowledgement;
import uk.nhs.icr.socialcare.service.CareAlertService.AlertView;
import uk.nhs.icr.socialcare.service.HomeCareService;
import uk.nhs.icr.socialcare.service.HomeCareService.VisitView;

/**
 * The coordinator's day: open alerts first (refreshed while the page is open; each answered with a note), then the day's rota by
 * care worker.
 */
@Named
@ViewScoped
public class CareTodayView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CareAlertService alertService;

    @Inject
    HomeCareService homeCare;

    @Inject
    SignedInUser user;

    @Inject
    CommandBinder binder;

    @Inject
    UkClock clock;

    private LocalDate day;
    private List<AlertView> alerts = List.of();
    private List<VisitView> rota = List.of();
    private final Map<String, String> notes = new HashMap<>();
    private final Map<String, String> visit = new HashMap<>();
    private List<HomeCareService.CareWorker> careWorkers = List.of();

    static final Set<String> VISIT_FIELDS = Set.of("nhsNumber", "careWorker", "plannedStart", "plannedEnd", "tasks");

    public void load() {
        day = clock.today();
        try {
            rota = homeCare.rotaOf(provider(), day);
            careWorkers = homeCare.careWorkersOf(provider());
            refreshAlerts();
        } catch (AccessDeniedException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    public void refreshAlerts() {
        alerts = alertService.alertsOf(provider());
    }

    public void answer(String kind, String subject) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", kind);
        fields.put("subject", subject);
        fields.put("note", notes.get(kind + " " + subject));
        try {
            alertService.acknowledge(provider(), binder.bind(Acknowledgement.class, fields));
            FieldMessages.info("Alert answered");
            notes.remove(kind + " " + subject);
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.refusedFields(e).forEach(error -> FieldMessages.error(null, "Your answer: " + error.message()));
        } catch (ConflictException | AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
        refreshAlerts();
    }

    /** Plans a visit from the form: the person by NHS number, a care worker, start and end (UK time), tasks one per line. */
    public void plan() {
        NhsNumber person;
        try {
            person = NhsNumber.parse(visit.get("nhsNumber"));
        } catch (InvalidValueException e) {
            FieldMessages.error("plan:nhsNumber", e.getMessage());
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>(visit);
        fields.remove("nhsNumber");
        String tasks = visit.get("tasks");
        fields.put("tasks", tasks == null ? List.of() : Arrays.stream(tasks.split("\\R")).map(String::strip).filter(t -> !t.isEmpty()).toList());
        try {
            VisitView planned = homeCare.plan(person, binder.bind(HomeCareService.NewVisit.class, fields));
            FieldMessages.info("Visit planned for " + planned.personName() + " with " + planned.careWorkerName());
            visit.clear();
            rota = homeCare.rotaOf(provider(), day);
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.show("plan", VISIT_FIELDS, e);
        } catch (AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error("plan:nhsNumber", e.getMessage());
        }
    }

    private OdsCode provider() {
        return user.getProfile().organisation();
    }

    public LocalDate getDay() { return day; }
    public List<AlertView> getAlerts() { return alerts; }
    public List<VisitView> getRota() { return rota; }
    public Map<String, String> getNotes() { return notes; }
    public Map<String, String> getVisit() { return visit; }
    public List<HomeCareService.CareWorker> getCareWorkers() { return careWorkers; }
}

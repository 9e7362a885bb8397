package uk.nhs.icr.portal.socialcare;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import uk.nhs.icr.access.service.AccessDeniedException;
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

    public void load() {
        day = clock.today();
        try {
            rota = homeCare.rotaOf(provider(), day);
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

    private OdsCode provider() {
        return user.getProfile().organisation();
    }

    public LocalDate getDay() { return day; }
    public List<AlertView> getAlerts() { return alerts; }
    public List<VisitView> getRota() { return rota; }
    public Map<String, String> getNotes() { return notes; }
}

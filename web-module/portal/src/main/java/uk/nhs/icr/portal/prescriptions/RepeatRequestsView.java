package uk.nhs.icr.portal.prescriptions;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.prescriptions.service.RepeatPrescriptionService;
import uk.nhs.icr.prescriptions.service.RepeatPrescriptionService.Rejection;
import uk.nhs.icr.prescriptions.service.RepeatPrescriptionService.RequestView;

/**
 * A GP's queue of the practice's repeat requests, oldest first: each issued to the pharmacy the patient named (one issue of
 * the repeat used) or rejected with a reason the patient reads; or every request shown issued at once.
 */
@Named
@ViewScoped
public class RepeatRequestsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One screen of the queue. */
    static final int SHOWN = 50;

    @Inject
    RepeatPrescriptionService prescriptions;

    private List<RequestView> queue;
    private long waiting;
    private final Map<Long, String> reasons = new HashMap<>();

    @PostConstruct
    void load() {
        Page<RequestView> page = prescriptions.queue(new PageRequest(0, SHOWN));
        queue = page.items();
        waiting = page.totalItems();
    }

    public void issue(RequestView request) {
        if (issued(request)) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(request.medicine() + " for " + request.patientName()
                    + " issued to " + request.pharmacyOdsCode()));
        }
        load();
    }

    /** Every request on the screen, each on its own: one that cannot go is said, the others still go. */
    public void issueAll() {
        int issued = 0;
        for (RequestView request : queue) {
            if (issued(request)) {
                issued++;
            }
        }
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(issued + " of " + queue.size() + " requests issued"));
        load();
    }

    private boolean issued(RequestView request) {
        try {
            prescriptions.issue(NhsNumber.parse(request.patientNhsNumber()), request.id());
            return true;
        } catch (ConflictException | ResourceNotFoundException e) {
            FieldMessages.error(null, request.medicine() + " for " + request.patientName() + ": " + e.getMessage());
            return false;
        }
    }

    public void reject(RequestView request) {
        try {
            prescriptions.reject(NhsNumber.parse(request.patientNhsNumber()), request.id(), new Rejection(reasons.get(request.id())));
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(request.medicine() + " for " + request.patientName()
                    + " rejected; the patient sees your reason"));
            reasons.remove(request.id());
            load();
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.refusedFields(e).forEach(error -> FieldMessages.error(null, "Give the reason the patient will read: "
                    + error.message()));
        } catch (ConflictException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
            load();
        }
    }

    public String formatted(String nhsNumber) {
        return NhsNumber.parse(nhsNumber).formatted();
    }

    public List<RequestView> getQueue() {
        return queue;
    }

    public long getWaiting() {
        return waiting;
    }

    public Map<Long, String> getReasons() {
        return reasons;
    }
}

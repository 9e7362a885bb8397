package uk.nhs.icr.portal.prescriptions;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.web.CommandBinder;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.prescriptions.service.RepeatPrescriptionService;
import uk.nhs.icr.prescriptions.service.RepeatPrescriptionService.NewRepeat;
import uk.nhs.icr.prescriptions.service.RepeatPrescriptionService.RepeatView;

/** A patient's repeats for their GP ({@code ?nhsNumber=}): issues left, review date, whether requestable; a new one authorised. */
@Named
@ViewScoped
public class PatientRepeatsView implements Serializable {

    private static final long serialVersionUID = 1L;

    static final Set<String> FIELDS = Set.of("medicine", "dose", "quantity", "issuesAllowed", "reviewDate");

    @Inject
    RepeatPrescriptionService prescriptions;

    @Inject
    CommandBinder binder;

    private NhsNumber nhsNumber;
    private List<RepeatView> repeats = List.of();
    private boolean opened;
    private final Map<String, String> repeat = new HashMap<>();

    public void load() {
        opened = false;
        try {
            repeats = prescriptions.repeatsOf(nhsNumber);
            opened = true;
        } catch (AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    public void authorise() {
        try {
            RepeatView authorised = prescriptions.authorise(nhsNumber, binder.bind(NewRepeat.class, repeat));
            FieldMessages.info(authorised.medicine() + " authorised for " + authorised.issuesAllowed() + " issues");
            repeat.clear();
            load();
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.show("authorise", FIELDS, e);
        } catch (AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    public NhsNumber getNhsNumber() { return nhsNumber; }
    public void setNhsNumber(NhsNumber nhsNumber) { this.nhsNumber = nhsNumber; }
    public List<RepeatView> getRepeats() { return repeats; }
    public boolean isOpened() { return opened; }
    public Map<String, String> getRepeat() { return repeat; }
}

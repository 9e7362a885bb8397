package uk.nhs.icr.portal.waits;

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
import uk.nhs.icr.access.service.NamedOrganisation;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.web.CommandBinder;
import uk.nhs.icr.platform.web.FieldParsers;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.waits.service.ReferralToTreatmentService;
import uk.nhs.icr.waits.service.ReferralToTreatmentService.NewEvent;
import uk.nhs.icr.waits.service.ReferralToTreatmentService.NewPathway;
import uk.nhs.icr.waits.service.ReferralToTreatmentService.PathwayView;
import uk.nhs.icr.waits.service.ReferralToTreatmentService.TreatmentFunctionView;
import uk.nhs.icr.waits.service.WaitingListStatistics;

/**
 * A patient's referral-to-treatment pathways for the clinicians caring for them ({@code ?nhsNumber=}): each with its
 * weeks waited and events; a referral received starts one; an event moves one on, by the clock rules.
 */
@Named
@ViewScoped
public class PatientPathwaysView implements Serializable {

    private static final long serialVersionUID = 1L;

    static final Set<String> START_FIELDS = Set.of("providerOdsCode", "treatmentFunction", "priority", "clockStart", "reason");
    static final Set<String> EVENT_FIELDS = Set.of("pathway", "kind", "occurredOn", "toProviderOdsCode", "stopReason", "detail");

    @Inject
    ReferralToTreatmentService waits;

    @Inject
    WaitingListStatistics statistics;

    @Inject
    CommandBinder binder;

    private NhsNumber nhsNumber;
    private List<PathwayView> pathways = List.of();
    private List<TreatmentFunctionView> specialties = List.of();
    private List<NamedOrganisation> trusts = List.of();
    private boolean opened;
    private final Map<String, String> started = new HashMap<>();
    private final Map<String, String> event = new HashMap<>();

    public void load() {
        opened = false;
        try {
            pathways = waits.pathwaysOf(nhsNumber);
            specialties = waits.treatmentFunctions();
            trusts = statistics.trusts();
            opened = true;
        } catch (AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    /** A referral received: its pathway starts. */
    public void start() {
        try {
            PathwayView pathway = waits.start(nhsNumber, binder.bind(NewPathway.class, started));
            FieldMessages.info("The pathway for " + pathway.treatmentFunctionName() + " has started: its clock runs from " + pathway.clockStart());
            started.clear();
            load();
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.show("start", START_FIELDS, e);
        } catch (AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    /** An event on one of the open pathways. */
    public void record() {
        try {
            long pathway = FieldErrors.parseOne("pathway", event.get("pathway"), FieldParsers.wholeNumber("pathway"));
            PathwayView after = waits.recordEvent(nhsNumber, pathway, binder.bind(NewEvent.class, event));
            FieldMessages.info("Recorded on the " + after.treatmentFunctionName() + " pathway: " + after.events().get(after.events().size() - 1)
                    .inWords());
            event.clear();
            load();
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.show("event", EVENT_FIELDS, e);
        } catch (ConflictException | AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    /** The open pathways, which take events. */
    public List<PathwayView> getOpenPathways() {
        return pathways.stream().filter(pathway -> pathway.clockStop() == null).toList();
    }

    public NhsNumber getNhsNumber() { return nhsNumber; }
    public void setNhsNumber(NhsNumber nhsNumber) { this.nhsNumber = nhsNumber; }
    public List<PathwayView> getPathways() { return pathways; }
    public List<TreatmentFunctionView> getSpecialties() { return specialties; }
    public List<NamedOrganisation> getTrusts() { return trusts; }
    public boolean isOpened() { return opened; }
    public Map<String, String> getStarted() { return started; }
    public Map<String, String> getEvent() { return event; }
}

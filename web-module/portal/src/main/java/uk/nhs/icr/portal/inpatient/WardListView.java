package uk.nhs.icr.portal.inpatient;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.inpatient.service.AdmissionPlanService;
import uk.nhs.icr.inpatient.service.WardService;
import uk.nhs.icr.inpatient.service.WardService.WardCode;
import uk.nhs.icr.inpatient.service.WardService.WardList;
import uk.nhs.icr.inpatient.service.WardService.WardView;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.portal.FieldMessages;

/** The ward list ({@code ?ward=OAK}): the trust's wards to choose from, the chosen ward's patients and what is overdue on it. */
@Named
@ViewScoped
public class WardListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    WardService wards;

    @Inject
    AdmissionPlanService plans;

    private String ward;
    private List<WardView> choices = List.of();
    private WardList list;

    public void load() {
        try {
            choices = wards.wards();
            if ((ward == null || ward.isBlank()) && !choices.isEmpty()) {
                ward = choices.get(0).code();
            }
            list = ward == null ? null : wards.wardList(new WardCode(ward), null);
        } catch (AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
            list = null;
        } catch (IllegalArgumentException e) {
            FieldMessages.error(null, "No ward has that code");
            list = null;
        }
    }

    /** A task done, in one click from the list. */
    public void completeTask(String nhsNumber, long admissionId, long taskId) {
        try {
            plans.completeTask(NhsNumber.parse(nhsNumber), admissionId, taskId);
            FieldMessages.info("Task done");
        } catch (ConflictException | AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
        load();
    }

    public String getWard() { return ward; }
    public void setWard(String ward) { this.ward = ward; }
    public List<WardView> getChoices() { return choices; }
    public WardList getList() { return list; }
}

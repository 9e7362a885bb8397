package uk.nhs.icr.portal.hospital;

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

import uk.nhs.icr.hospital.service.HospitalRecordService;
import uk.nhs.icr.hospital.service.HospitalRecordService.ResultReview;
import uk.nhs.icr.hospital.service.HospitalRecordService.ResultToReview;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.portal.FieldMessages;

/** A GP's queue of the practice's results to review, oldest first: each reviewed with a comment the patient reads. */
@Named
@ViewScoped
public class ResultsToReviewView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One screen of the queue. */
    static final int SHOWN = 50;

    @Inject
    HospitalRecordService record;

    private List<ResultToReview> queue;
    private long waiting;
    private final Map<Long, String> comments = new HashMap<>();

    @PostConstruct
    void load() {
        Page<ResultToReview> page = record.resultsAwaitingReview(new PageRequest(0, SHOWN));
        queue = page.items();
        waiting = page.totalItems();
    }

    public void review(ResultToReview result) {
        try {
            record.reviewResult(NhsNumber.parse(result.patientNhsNumber()), result.id(), new ResultReview(comments.get(result.id())));
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(result.test() + " for " + result.patientName()
                    + " reviewed: it is released to them" + (blank(comments.get(result.id())) ? "" : ", with your comment")));
            comments.remove(result.id());
            load();
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.refusedFields(e).forEach(error -> FieldMessages.error(null, error.message()));
        } catch (ConflictException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
            load();
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public String formatted(String nhsNumber) {
        return NhsNumber.parse(nhsNumber).formatted();
    }

    public List<ResultToReview> getQueue() {
        return queue;
    }

    public long getWaiting() {
        return waiting;
    }

    public Map<Long, String> getComments() {
        return comments;
    }
}

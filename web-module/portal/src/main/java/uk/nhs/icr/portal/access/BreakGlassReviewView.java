package uk.nhs.icr.portal.access;

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

import uk.nhs.icr.access.BreakGlassGrant;
import uk.nhs.icr.access.service.BreakGlassService;
import uk.nhs.icr.access.service.BreakGlassView;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.audit.service.AuditVerificationService;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.portal.FieldMessages;

/** The privacy officer's queue of break-glass accesses to review, and the audit log's integrity check. */
@Named
@ViewScoped
public class BreakGlassReviewView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    BreakGlassService breakGlass;

    @Inject
    AuditVerificationService verification;

    private List<BreakGlassView> queue;
    private final Map<Long, String> notes = new HashMap<>();
    private AuditVerificationService.Verification lastVerification;

    @PostConstruct
    void load() {
        queue = breakGlass.awaitingReview();
    }

    public void appropriate(long grantId) {
        review(grantId, BreakGlassGrant.Review.APPROPRIATE);
    }

    public void escalate(long grantId) {
        review(grantId, BreakGlassGrant.Review.ESCALATED);
    }

    private void review(long grantId, BreakGlassGrant.Review outcome) {
        try {
            breakGlass.review(grantId, outcome, notes.get(grantId));
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage("Break-glass access " + grantId + " marked " + Codes.phrase(outcome)));
            load();
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.refusedFields(e).forEach(error -> FieldMessages.error(null, error.message()));
        }
    }

    public void verifyAuditLog() {
        lastVerification = verification.verify();
    }

    /** An NHS number as people read it, 943 476 5919. */
    public String formatted(String nhsNumber) {
        return NhsNumber.parse(nhsNumber).formatted();
    }

    public List<BreakGlassView> getQueue() {
        return queue;
    }

    public Map<Long, String> getNotes() {
        return notes;
    }

    public AuditVerificationService.Verification getLastVerification() {
        return lastVerification;
    }
}

package uk.nhs.icr.portal.organdonation;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.organdonation.service.OrganDonationService;
import uk.nhs.icr.organdonation.service.OrganDonationService.DecisionView;
import uk.nhs.icr.organdonation.service.OrganDonationService.Evaluation;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.portal.FieldMessages;

/**
 * The specialist nurse's look-up on the organ-donation register: the decision in force, its history and
 * what applies on a date (deemed consent or not). Every look-up is audited; other roles are refused.
 */
@Named
@ViewScoped
public class DonationLookupView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OrganDonationService register;

    private NhsNumber nhsNumber;
    private LocalDate at;
    private Evaluation evaluation;
    private List<DecisionView> history = List.of();

    public void lookUp() {
        evaluation = null;
        history = List.of();
        try {
            evaluation = register.evaluate(nhsNumber, Optional.ofNullable(at));
            history = register.history(nhsNumber);
        } catch (InvalidInputException e) {
            FieldMessages.show("lookup", Set.of("nhsNumber", "at"), e);
        } catch (AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    public Evaluation getEvaluation() { return evaluation; }
    public List<DecisionView> getHistory() { return history; }
    public NhsNumber getNhsNumber() { return nhsNumber; }
    public void setNhsNumber(NhsNumber nhsNumber) { this.nhsNumber = nhsNumber; }
    public LocalDate getAt() { return at; }
    public void setAt(LocalDate at) { this.at = at; }
}

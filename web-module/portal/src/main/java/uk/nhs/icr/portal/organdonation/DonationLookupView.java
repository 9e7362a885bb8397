package uk.nhs.icr.portal.organdonation;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.organdonation.service.OrganDonationService;
import uk.nhs.icr.organdonation.service.OrganDonationService.DecisionView;
import uk.nhs.icr.organdonation.service.OrganDonationService.Evaluation;
import uk.nhs.icr.organdonation.Organ;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.sharedrecord.service.PatientBanner;

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
    private PatientBanner person;

    public void lookUp() {
        evaluation = null;
        history = List.of();
        person = null;
        try {
            evaluation = register.evaluate(nhsNumber, Optional.ofNullable(at));
            history = register.history(nhsNumber);
            // who the decision is about, so the nurse confirms the person: read with the look-up, never on its own
            person = register.person(nhsNumber);
        } catch (InvalidInputException e) {
            FieldMessages.show("lookup", Set.of("nhsNumber", "at"), e);
        } catch (AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    /** The outcome as the nurse reads it at the bedside: words, never the code. */
    public String outcomeWords(Evaluation.Outcome outcome) {
        return switch (outcome) {
            case EXPRESS_OPT_IN -> "Opted in to donate";
            case OPT_OUT -> "Opted out: do not proceed";
            case REPRESENTATIVES -> "Appointed representatives decide";
            case DEEMED_CONSENT -> "Deemed consent applies";
            case NOT_APPLICABLE -> "Deemed consent does not apply";
        };
    }

    /** A decision to donate, not to, or someone else's to make, told apart at a glance (and not by colour alone). */
    public String outcomeStyle(Evaluation.Outcome outcome) {
        return switch (outcome) {
            case EXPRESS_OPT_IN, DEEMED_CONSENT -> "icr-decision icr-decision-in";
            case OPT_OUT -> "icr-decision icr-decision-out";
            default -> "icr-decision icr-decision-other";
        };
    }

    /** "kidneys, corneas and heart valves"; none listed with an opt-in means all. */
    public String organWords(List<Organ> organs, boolean optIn) {
        if (organs == null || organs.isEmpty()) {
            return optIn ? "all organs and tissue" : "none";
        }
        return wordsOf(organs);
    }

    /** "face, hands and arms and legs": codes of a list as words. */
    public String wordsOf(List<? extends Enum<?>> codes) {
        return codes == null || codes.isEmpty() ? "none"
                : codes.stream().map(code -> code.name().toLowerCase(Locale.UK).replace('_', ' ')).collect(Collectors.joining(", "));
    }

    /** A register version's decision in words. */
    public String decisionWords(String decision) {
        return switch (decision == null ? "" : decision) {
            case "opt-in" -> "Opted in";
            case "opt-out" -> "Opted out";
            case "representatives" -> "Representatives appointed";
            default -> decision;
        };
    }

    public Evaluation getEvaluation() { return evaluation; }
    /** Who the last look-up was about (null before one). */
    public PatientBanner getPerson() { return person; }
    public List<DecisionView> getHistory() { return history; }
    public NhsNumber getNhsNumber() { return nhsNumber; }
    public void setNhsNumber(NhsNumber nhsNumber) { this.nhsNumber = nhsNumber; }
    public LocalDate getAt() { return at; }
    public void setAt(LocalDate at) { this.at = at; }
}

package uk.nhs.icr.portal.organdonation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.organdonation.Organ;
import uk.nhs.icr.organdonation.service.IdentityMismatchException;
import uk.nhs.icr.organdonation.service.OrganDonationService;
import uk.nhs.icr.organdonation.service.OrganDonationService.DecisionView;
import uk.nhs.icr.organdonation.service.OrganDonationService.NewDonationDecision;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.Precondition;
import uk.nhs.icr.platform.service.PreconditionFailedException;
import uk.nhs.icr.platform.service.PreconditionRequiredException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.web.CommandBinder;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.portal.access.SignedInUser;

/**
 * Records or changes a person's organ-donation decision on their behalf ({@code ?nhsNumber=}), after checking
 * their date of birth against the NHS number. Each save is a new version on the register.
 */
@Named
@ViewScoped
public class DonationDecisionView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One representative's row on the form, as typed. */
    static final class RepresentativeRow implements Serializable {

        private static final long serialVersionUID = 1L;

        String name;
        String relationship;
        String contact;

        boolean isFilledIn() {
            return !blank(name) || !blank(relationship) || !blank(contact);
        }

        Map<String, String> typed() {
            Map<String, String> row = new HashMap<>();
            row.put("name", name);
            row.put("relationship", relationship);
            row.put("contact", contact);
            return row;
        }
    }

    @Inject
    OrganDonationService register;

    @Inject
    CommandBinder binder;

    @Inject
    SignedInUser signedInUser;

    private NhsNumber nhsNumber;
    /** As the browser's date field sends it (YYYY-MM-DD), read with the rest of the form so every error shows at once. */
    private String birthDate;
    private String decision;
    private List<String> organs = new ArrayList<>();
    private boolean faithDeclaration;
    private final List<RepresentativeRow> representatives = List.of(new RepresentativeRow(), new RepresentativeRow());
    private DecisionView recorded;
    private boolean replaceRegistered;

    public void save() {
        Map<String, Object> typed = new HashMap<>();
        typed.put("birthDate", birthDate);
        typed.put("decision", decision);
        typed.put("organs", "opt-in".equals(decision) ? organs : List.of());
        typed.put("representatives", "representatives".equals(decision)
                ? representatives.stream().filter(RepresentativeRow::isFilledIn).map(RepresentativeRow::typed).toList() : List.of());
        typed.put("faithDeclaration", faithDeclaration);
        try {
            // staff do not read the register: a decision already on it is replaced only when they say they mean to
            Precondition replacing = replaceRegistered ? Precondition.anyVersion() : Precondition.nothingSaid();
            recorded = register.record(nhsNumber, binder.bind(NewDonationDecision.class, typed), replacing);
            FieldMessages.info("Decision recorded on the register as version " + recorded.version());
            replaceRegistered = false;
        } catch (PreconditionRequiredException e) {
            FieldMessages.error("decisionForm:replaceRegistered", "A decision is already on the register for this person: recording"
                    + " this one replaces it. Tick the box if that is what they want, and record again.");
        } catch (PreconditionFailedException e) {
            FieldMessages.error("decisionForm:replaceRegistered", "No decision is on the register to replace: untick the box and"
                    + " record again.");
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.refusedFields(e).forEach(error -> FieldMessages.error(inputFor(error.field()), error.message()));
        } catch (IdentityMismatchException e) {
            FieldMessages.error("decisionForm:birthDate", e.getMessage());
        } catch (AccessDeniedException | ConflictException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    /** The input a refused field belongs beside: representatives[1].contact is the second contact. */
    static String inputFor(String field) {
        if (Set.of("birthDate", "decision").contains(field) || field.startsWith("organs")) {
            return "decisionForm:" + (field.startsWith("organs") ? "organs" : field);
        }
        if (field.startsWith("representatives")) {
            String row = field.startsWith("representatives[1]") ? "second" : "first";
            String part = field.endsWith(".relationship") ? "Relationship" : field.endsWith(".contact") ? "Contact" : "Name";
            return "decisionForm:" + row + part;
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Whether the signed-in member of staff may record a decision (an organ-donation nurse reads them in the look-up). */
    public boolean isRecordable() {
        return signedInUser.getProfile() != null && Resource.ORGAN_DONATION.writableBy(signedInUser.getProfile().role());
    }

    public List<Organ> getOrganOptions() {
        return List.of(Organ.values());
    }

    public DecisionView getRecorded() { return recorded; }
    public NhsNumber getNhsNumber() { return nhsNumber; }
    public void setNhsNumber(NhsNumber nhsNumber) { this.nhsNumber = nhsNumber; }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String birthDate) { this.birthDate = birthDate; }
    public String getDecision() { return decision; }
    public void setDecision(String decision) { this.decision = decision; }
    public List<String> getOrgans() { return organs; }
    public void setOrgans(List<String> organs) { this.organs = organs == null ? new ArrayList<>() : new ArrayList<>(organs); }
    public boolean isFaithDeclaration() { return faithDeclaration; }
    public void setFaithDeclaration(boolean faithDeclaration) { this.faithDeclaration = faithDeclaration; }
    public String getFirstName() { return representatives.get(0).name; }
    public void setFirstName(String v) { representatives.get(0).name = v; }
    public String getFirstRelationship() { return representatives.get(0).relationship; }
    public void setFirstRelationship(String v) { representatives.get(0).relationship = v; }
    public String getFirstContact() { return representatives.get(0).contact; }
    public void setFirstContact(String v) { representatives.get(0).contact = v; }
    public String getSecondName() { return representatives.get(1).name; }
    public void setSecondName(String v) { representatives.get(1).name = v; }
    public String getSecondRelationship() { return representatives.get(1).relationship; }
    public void setSecondRelationship(String v) { representatives.get(1).relationship = v; }
    public String getSecondContact() { return representatives.get(1).contact; }
    public void setSecondContact(String v) { representatives.get(1).contact = v; }

    public boolean isReplaceRegistered() { return replaceRegistered; }
    public void setReplaceRegistered(boolean value) { replaceRegistered = value; }
}

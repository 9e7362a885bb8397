package uk.nhs.icr.organdonation.service;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientAccess;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.organdonation.DonationCircumstances;
import uk.nhs.icr.organdonation.DonationCircumstances.Residency;
import uk.nhs.icr.organdonation.Organ;
import uk.nhs.icr.organdonation.OrganDonationDecision;
import uk.nhs.icr.organdonation.OrganDonationDecision.Choice;
import uk.nhs.icr.organdonation.OrganDonationRegister;
import uk.nhs.icr.organdonation.Representative;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Patient;
import uk.nhs.icr.patient.PatientRepository;
import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.VersionedDecision;
import uk.nhs.icr.platform.service.DecisionVersions;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.Fields;
import uk.nhs.icr.platform.service.ResourceNotFoundException;

/**
 * The organ-donation register. A person (or staff on their behalf, after checking NHS number and date of
 * birth) records opt-in, opt-out or representatives; every change is a new version, written in one
 * transaction with its audit entry. Only the specialist nurse for organ donation, or the person, may look a
 * decision up, and each look-up is audited.
 */
@Stateless
public class OrganDonationService {

    /** Versions read for a history or an evaluation: far more than anyone changes their decision. */
    static final int MAX_VERSIONS = 1000;

    /** Adults are deemed to consent from this age. */
    static final int ADULT_AGE = 18;

    /** Rare or novel transplants deemed consent never covers: they always need express consent. */
    public enum NovelTransplant { FACE, HANDS, ARMS_AND_LEGS, UTERUS, PENIS, LARYNX }

    static final List<NovelTransplant> NEEDS_EXPRESS_CONSENT = List.of(NovelTransplant.values());

    /** As typed: birthDate (the identity check), decision (opt-in, opt-out, representatives), organs (opt-in; none: all), representatives, faithDeclaration. */
    public record DecisionForm(String birthDate, String decision, List<String> organs, List<RepresentativeForm> representatives,
                               String faithDeclaration) {
    }

    public record RepresentativeForm(String name, String relationship, String contact) {
    }

    public record DecisionView(int version, String decision, List<Organ> organs, List<Representative> representatives,
                               boolean faithDeclaration, String recordedBy, String recordedByName, Instant recordedAt) implements Serializable {

        static DecisionView of(OrganDonationDecision d) {
            return new DecisionView(d.version(), Codes.of(d.choice()), d.organs(), d.representatives(),
                    d.faithDeclaration(), Codes.phrase(d.recordedBy()), d.recordedByName(), d.recordedAt());
        }
    }

    /**
     * What the register means for donation on a date: the express decision in force then, or deemed consent,
     * or why deemed consent does not apply. The family is always consulted.
     */
    public record Evaluation(LocalDate at, Outcome outcome, String reason, List<Organ> organs, List<Representative> representatives,
                             boolean faithDeclaration, Integer decisionVersion, List<NovelTransplant> needsExpressConsent,
                             boolean familyToBeConsulted) implements Serializable {

        /** An express decision (opt in, opt out, representatives), deemed consent, or neither. */
        public enum Outcome { EXPRESS_OPT_IN, OPT_OUT, REPRESENTATIVES, DEEMED_CONSENT, NOT_APPLICABLE }
    }

    /** As typed: lacksCapacity (true/false), residency (ordinarily-resident, not-ordinarily-resident, visitor). */
    public record CircumstancesForm(String lacksCapacity, String residency) {
    }

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PatientAccess patientAccess;

    @Inject
    PatientRepository patients;

    @Inject
    OrganDonationRegister register;

    @Inject
    UkClock clock;

    @PatientDataAccess(resource = Resource.ORGAN_DONATION, action = AuditAction.RECORD)
    public DecisionView record(NhsNumber number, DecisionForm form) {
        Caller caller = currentCaller.require();
        DecisionForm f = form == null ? new DecisionForm(null, null, null, null, null) : form;
        FieldErrors errors = new FieldErrors();
        LocalDate birthDate = errors.parse("birthDate", f.birthDate(), Fields.date("date of birth", true));
        Choice choice = errors.parse("decision", f.decision(), Fields.oneOf("decision", Choice.class));
        List<Organ> organs = new ArrayList<>();
        if (f.organs() != null) {
            for (int i = 0; i < f.organs().size(); i++) {
                Organ organ = errors.parse("organs[" + i + "]", f.organs().get(i), Fields.oneOf("organ", Organ.class));
                if (organ != null && !organs.contains(organ)) {
                    organs.add(organ);
                }
            }
            if (choice != null && choice != Choice.OPT_IN && !f.organs().isEmpty()) {
                errors.add("organs", "organs are chosen only with an opt-in");
            }
        }
        List<Representative> representatives = representatives(f.representatives(), choice, errors);
        Boolean faith = errors.parse("faithDeclaration", f.faithDeclaration(), Fields.yesNo("faith declaration", false));
        errors.throwIfAny();
        Patient patient = patients.findByNhsNumber(number).orElseThrow(PatientNotFoundException::new);
        if (!patient.identity().birthDate().equals(birthDate)) {
            throw new IdentityMismatchException();
        }
        int version = VersionedDecision.nextVersion(register.current(number));
        patientAccess.note("version " + version);
        OrganDonationDecision decision = DecisionVersions.append(new OrganDonationDecision(number, version, choice, organs,
                representatives, Boolean.TRUE.equals(faith), caller.recorder(), clock.now()), register::add, "the organ-donation decision");
        return DecisionView.of(decision);
    }

    @PatientDataAccess(resource = Resource.ORGAN_DONATION, action = AuditAction.LOOK_UP)
    public DecisionView current(NhsNumber number) {
        return register.current(number).map(DecisionView::of).orElseThrow(NoDecisionException::new);
    }

    /** Every version, newest first. */
    @PatientDataAccess(resource = Resource.ORGAN_DONATION, action = AuditAction.HISTORY)
    public List<DecisionView> history(NhsNumber number) {
        return register.history(number, MAX_VERSIONS).stream().map(DecisionView::of).toList();
    }

    /** What applies on {@code at} (empty: today in the UK). */
    @PatientDataAccess(resource = Resource.ORGAN_DONATION, action = AuditAction.EVALUATE)
    public Evaluation evaluate(NhsNumber number, Optional<LocalDate> at) {
        LocalDate day = at.orElseGet(clock::today);
        Patient patient = patients.findByNhsNumber(number).orElseThrow(PatientNotFoundException::new);
        Instant endOfDay = day.plusDays(1).atStartOfDay(UkClock.ZONE).toInstant();
        Optional<OrganDonationDecision> inForce = register.history(number, MAX_VERSIONS).stream()
                .filter(d -> d.recordedAt().isBefore(endOfDay)).findFirst();
        return evaluate(day, patient.identity().birthDate(), inForce, register.circumstances(number));
    }

    /** The rule: an express decision stands; otherwise adults are deemed to consent unless an exclusion applies. */
    static Evaluation evaluate(LocalDate day, LocalDate birthDate, Optional<OrganDonationDecision> inForce,
                               Optional<DonationCircumstances> circumstances) {
        if (inForce.isPresent()) {
            OrganDonationDecision d = inForce.get();
            Evaluation.Outcome outcome = switch (d.choice()) {
                case OPT_IN -> Evaluation.Outcome.EXPRESS_OPT_IN;
                case OPT_OUT -> Evaluation.Outcome.OPT_OUT;
                case REPRESENTATIVES -> Evaluation.Outcome.REPRESENTATIVES;
            };
            String reason = switch (d.choice()) {
                case OPT_IN -> d.organs().isEmpty() ? "registered to donate all organs and tissue" : "registered to donate the organs listed";
                case OPT_OUT -> "registered a decision not to donate";
                case REPRESENTATIVES -> "appointed representatives to decide";
            };
            List<Organ> organs = d.choice() == Choice.OPT_IN && d.organs().isEmpty() ? List.of(Organ.values()) : d.organs();
            return new Evaluation(day, outcome, reason, organs, d.representatives(), d.faithDeclaration(), d.version(),
                    NEEDS_EXPRESS_CONSENT, true);
        }
        String exclusion = null;
        if (Period.between(birthDate, day).getYears() < ADULT_AGE) {
            exclusion = "under " + ADULT_AGE + " on " + day;
        } else if (circumstances.map(DonationCircumstances::lacksCapacity).orElse(false)) {
            exclusion = "lacked the capacity to understand deemed consent for a significant period";
        } else if (circumstances.map(DonationCircumstances::residency).orElse(Residency.ORDINARILY_RESIDENT) == Residency.NOT_ORDINARILY_RESIDENT) {
            exclusion = "not ordinarily resident in England for the 12 months before";
        } else if (circumstances.map(DonationCircumstances::residency).orElse(Residency.ORDINARILY_RESIDENT) == Residency.VISITOR) {
            exclusion = "a visitor to England";
        }
        if (exclusion != null) {
            return new Evaluation(day, Evaluation.Outcome.NOT_APPLICABLE, "no decision registered and deemed consent does not apply: " + exclusion,
                    List.of(), List.of(), false, null, NEEDS_EXPRESS_CONSENT, true);
        }
        return new Evaluation(day, Evaluation.Outcome.DEEMED_CONSENT, "no decision registered: an adult ordinarily resident in England is deemed to consent",
                List.of(Organ.values()), List.of(), false, null, NEEDS_EXPRESS_CONSENT, true);
    }

    /** Capacity and residence as recorded. */
    public record CircumstancesView(boolean lacksCapacity, String residency, Instant recordedAt) implements Serializable {
    }

    /** Records capacity and residence as a clinician has established them (what deemed consent depends on besides age). */
    @PatientDataAccess(resource = Resource.ORGAN_DONATION, action = AuditAction.CIRCUMSTANCES)
    public CircumstancesView recordCircumstances(NhsNumber number, CircumstancesForm form) {
        Caller caller = currentCaller.require();
        CircumstancesForm f = form == null ? new CircumstancesForm(null, null) : form;
        FieldErrors errors = new FieldErrors();
        Boolean lacksCapacity = errors.parse("lacksCapacity", f.lacksCapacity(), Fields.yesNo("lacks capacity", true));
        Residency residency = errors.parse("residency", f.residency(), Fields.oneOf("residency", Residency.class));
        errors.throwIfAny();
        Instant now = clock.now();
        Optional<DonationCircumstances> existing = register.circumstances(number);
        existing.ifPresentOrElse(c -> c.record(lacksCapacity, residency, caller.username(), now),
                () -> register.add(new DonationCircumstances(number, lacksCapacity, residency, caller.username(), now)));
        return new CircumstancesView(lacksCapacity, Codes.of(residency), now);
    }

    /** No decision on the register for this person. */
    public static class NoDecisionException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public NoDecisionException() {
            super("No organ-donation decision is registered for this person: ask for the evaluation to see whether deemed consent applies");
        }
    }

    private static List<Representative> representatives(List<RepresentativeForm> forms, Choice choice, FieldErrors errors) {
        List<Representative> representatives = new ArrayList<>();
        List<RepresentativeForm> given = forms == null ? List.of() : forms;
        if (choice == Choice.REPRESENTATIVES && (given.isEmpty() || given.size() > OrganDonationDecision.MAX_REPRESENTATIVES)) {
            errors.add("representatives", "appoint one or two representatives");
            return representatives;
        }
        if (choice != null && choice != Choice.REPRESENTATIVES && !given.isEmpty()) {
            errors.add("representatives", "representatives are appointed only with the representatives decision");
            return representatives;
        }
        for (int i = 0; i < given.size(); i++) {
            RepresentativeForm r = given.get(i);
            String at = "representatives[" + i + "].";
            if (r == null) {
                errors.add("representatives[" + i + "]", "a representative must be an object");
                continue;
            }
            String name = errors.parse(at + "name", r.name(), Fields.text("name", 200));
            String relationship = errors.parse(at + "relationship", r.relationship(), Fields.text("relationship", 100));
            String contact = errors.parse(at + "contact", r.contact(), Fields.text("contact", 200));
            representatives.add(new Representative(name, relationship, contact));
        }
        return representatives;
    }
}

package uk.nhs.icr.organdonation.service;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;

import uk.nhs.icr.access.StaffDirectory;
import uk.nhs.icr.access.service.AccessDeniedException;
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
import uk.nhs.icr.patient.PatientIdentity;
import uk.nhs.icr.patient.PatientRepository;
import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.DecisionVersions;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.Precondition;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.validation.Items;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.sharedrecord.service.PatientBanner;

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

    /** More than there are organs and tissues: a longer list is a mistake. */
    static final int MAX_ORGANS = 50;

    /** Rare or novel transplants deemed consent never covers: they always need express consent. */
    public enum NovelTransplant { FACE, HANDS, ARMS_AND_LEGS, UTERUS, PENIS, LARYNX }

    static final List<NovelTransplant> NEEDS_EXPRESS_CONSENT = List.of(NovelTransplant.values());

    /**
     * A new decision: the date of birth (checked against the register: the identity check), the decision, the
     * organs of an opt-in (none: all), the one or two representatives of a representatives decision, and
     * whether the person wants their faith or beliefs discussed with their family.
     */
    public record NewDonationDecision(@Required @Label("date of birth") LocalDate birthDate,
                                      @Required Choice decision,
                                      @Items(max = MAX_ORGANS) List<Organ> organs,
                                      @Items(max = MAX_ORGANS) List<@Valid NewRepresentative> representatives,
                                      Boolean faithDeclaration) {
    }

    /** The person's own decision, in the app: their sign-in is the identity check, so no date of birth is asked. */
    public record OwnDonationDecision(@Required Choice decision,
                                      @Items(max = MAX_ORGANS) List<Organ> organs,
                                      @Items(max = MAX_ORGANS) List<@Valid NewRepresentative> representatives,
                                      Boolean faithDeclaration) {
    }

    public record NewRepresentative(@Required @Text(max = 200) String name,
                                    @Required @Text(max = 100) String relationship,
                                    @Required @Text(max = 200) String contact) {
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

    /** Capacity and residence as a clinician has established them. */
    public record NewCircumstances(@Required Boolean lacksCapacity, @Required Residency residency) {
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

    @Inject
    StaffDirectory directory;

    @PatientDataAccess(resource = Resource.ORGAN_DONATION, action = AuditAction.RECORD)
    public DecisionView record(NhsNumber number, @Valid NewDonationDecision made, Precondition precondition) {
        return record(number, made.decision(), made.organs(), made.representatives(), made.faithDeclaration(),
                Optional.of(made.birthDate()), precondition);
    }

    /** The person records their own decision in the app, signed in as themselves: that sign-in is the identity check. */
    @PatientDataAccess(resource = Resource.ORGAN_DONATION, action = AuditAction.RECORD)
    public DecisionView recordOwn(NhsNumber number, @Valid OwnDonationDecision made, Precondition precondition) {
        Caller caller = currentCaller.require();
        if (!caller.isPatient() || !caller.self().equals(number)) {
            throw new AccessDeniedException("Only the person themselves records their decision without the identity check", false);
        }
        return record(number, made.decision(), made.organs(), made.representatives(), made.faithDeclaration(), Optional.empty(),
                precondition);
    }

    /** A decision after the identity check ({@code birthDate} against the register; none when the person signed in themselves). */
    private DecisionView record(NhsNumber number, Choice choice, List<Organ> chosenOrgans, List<NewRepresentative> appointed,
                                Boolean faithDeclaration, Optional<LocalDate> birthDate, Precondition precondition) {
        Caller caller = currentCaller.require();
        FieldErrors errors = new FieldErrors();
        if (choice != Choice.OPT_IN && !chosenOrgans.isEmpty()) {
            errors.add("organs", "organs are chosen only with an opt-in");
        }
        if (choice != Choice.OPT_IN && Boolean.TRUE.equals(faithDeclaration)) {
            errors.add("faithDeclaration", "a faith or beliefs declaration goes with an opt-in: it asks that they be respected in a donation");
        }
        List<Representative> representatives = representatives(appointed, choice, errors);
        errors.throwIfAny();
        List<Organ> organs = chosenOrgans.stream().distinct().toList();
        Patient patient = patients.findByNhsNumber(number).orElseThrow(PatientNotFoundException::new);
        if (birthDate.isPresent() && !patient.identity().birthDate().equals(birthDate.get())) {
            throw new IdentityMismatchException();
        }
        // after the identity check: the age rule would otherwise tell a caller without it how old the person is
        if (choice == Choice.REPRESENTATIVES && patient.identity().ageOn(clock.today()) < PatientIdentity.ADULT_AGE) {
            throw InvalidInputException.of("decision", "only adults (" + PatientIdentity.ADULT_AGE + " or over) appoint representatives");
        }
        OrganDonationDecision decision = DecisionVersions.appendAfter(register.current(number), precondition,
                version -> new OrganDonationDecision(number, version, choice, organs, representatives,
                        Boolean.TRUE.equals(faithDeclaration), caller.recorder(), clock.now()), register::add,
                "the organ-donation decision");
        patientAccess.note("version " + decision.version());
        return DecisionView.of(decision);
    }

    @PatientDataAccess(resource = Resource.ORGAN_DONATION, action = AuditAction.LOOK_UP)
    public DecisionView current(NhsNumber number) {
        return register.current(number).map(DecisionView::of).orElseThrow(NoDecisionException::new);
    }

    /**
     * Who the person looked up is, for the banner over a donation look-up (name, date of birth, gender, NHS number,
     * practice), so the nurse confirms the person before acting on a decision. Audited as a look-up, under the same rule
     * (the nurse, or the person); the portal reads it only with a look-up.
     */
    @PatientDataAccess(resource = Resource.ORGAN_DONATION, action = AuditAction.LOOK_UP)
    public PatientBanner person(NhsNumber number) {
        Patient patient = patients.findByNhsNumber(number).orElseThrow(PatientNotFoundException::new);
        return PatientBanner.of(patient, directory.nameOf(patient.gpPractice()), false, null, clock.today());
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
        return evaluate(day, patient.identity().birthDate(), inForce, register.circumstancesRecordedBefore(number, endOfDay));
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
        if (Period.between(birthDate, day).getYears() < PatientIdentity.ADULT_AGE) {
            exclusion = "under " + PatientIdentity.ADULT_AGE + " on " + day;
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

    /** Capacity and residence as recorded, with the version and who recorded it. */
    public record CircumstancesView(int version, boolean lacksCapacity, String residency, String recordedByName, Instant recordedAt)
            implements Serializable {

        static CircumstancesView of(DonationCircumstances c) {
            return new CircumstancesView(c.version(), c.lacksCapacity(), Codes.of(c.residency()), c.recordedByName(), c.recordedAt());
        }
    }

    /** Capacity and residence as last recorded. */
    @PatientDataAccess(resource = Resource.DONATION_CIRCUMSTANCES, action = AuditAction.READ)
    public CircumstancesView circumstances(NhsNumber number) {
        return register.circumstances(number).map(CircumstancesView::of).orElseThrow(NoCircumstancesException::new);
    }

    /** No capacity or residence recorded for this person: deemed consent assumes capacity and residence in England. */
    public static class NoCircumstancesException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public NoCircumstancesException() {
            super("No capacity or residence is recorded for this person: an adult is taken to have capacity and to live in England");
        }
    }

    /**
     * Records capacity and residence as a clinician caring for the person has established them (what deemed
     * consent depends on besides age), as the next version.
     */
    @PatientDataAccess(resource = Resource.DONATION_CIRCUMSTANCES, action = AuditAction.CIRCUMSTANCES)
    public CircumstancesView recordCircumstances(NhsNumber number, @Valid NewCircumstances circumstances, Precondition precondition) {
        Caller caller = currentCaller.require();
        DonationCircumstances recorded = DecisionVersions.appendAfter(register.circumstances(number), precondition,
                version -> new DonationCircumstances(number, version, circumstances.lacksCapacity(), circumstances.residency(),
                        caller.recorder(), clock.now()), register::add, "the donation circumstances");
        patientAccess.note("version " + recorded.version());
        return CircumstancesView.of(recorded);
    }

    /** No decision on the register for this person. */
    public static class NoDecisionException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public NoDecisionException() {
            super("No organ-donation decision is registered for this person: ask for the evaluation to see whether deemed consent applies");
        }
    }

    /** One or two different people with the representatives decision; none with any other. */
    private static List<Representative> representatives(List<NewRepresentative> given, Choice choice, FieldErrors errors) {
        if (choice == Choice.REPRESENTATIVES && (given.isEmpty() || given.size() > OrganDonationDecision.MAX_REPRESENTATIVES)) {
            errors.add("representatives", "appoint one or two representatives");
        } else if (choice != Choice.REPRESENTATIVES && !given.isEmpty()) {
            errors.add("representatives", "representatives are appointed only with the representatives decision");
        } else if (given.stream().map(r -> r.name().strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")).distinct().count()
                < given.size()) {
            errors.add("representatives", "appoint two different people");
        }
        return given.stream().map(r -> new Representative(r.name(), r.relationship(), r.contact())).toList();
    }
}

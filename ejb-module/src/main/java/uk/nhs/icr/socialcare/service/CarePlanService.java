package uk.nhs.icr.socialcare.service;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientAccess;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ChangedMeanwhileException;
import uk.nhs.icr.platform.service.DatabaseFailures;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.validation.Items;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.NotInPast;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.socialcare.CarePlanSection;
import uk.nhs.icr.socialcare.CarePlanSection.Area;
import uk.nhs.icr.socialcare.CarePlanSection.PlannedTask;
import uk.nhs.icr.socialcare.CarePlanSection.Risk;
import uk.nhs.icr.socialcare.CarePlanSection.RiskTool;
import uk.nhs.icr.socialcare.CarePlanVersion;
import uk.nhs.icr.socialcare.CarePlans;
import uk.nhs.icr.socialcare.SocialCareRelationships;

/**
 * The care plan care staff work from: sections (what matters to the person, communication, personal care, eating and drinking,
 * medication support, mobility and falls, skin integrity), each with needs, outcomes, tasks with times of day and risks with
 * their assessment (a falls score, a Waterlow score: the level is worked out from the score). A change is a new version;
 * every version is kept; the person (or someone acting for them) says whether they agree with the one in force.
 */
@Stateless
public class CarePlanService {

    private static final Logger LOG = Logger.getLogger(CarePlanService.class.getName());
    private static final Pattern TIME_OF_DAY = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    public record NewTask(@Required @Text(max = 200) String task, @Items(max = 12) @Label("times of day") List<String> timesOfDay) {
    }

    public record NewRisk(@Required @Text(max = 200) String risk, @Required RiskTool tool, Integer score,
                          @Text(max = 200) String level, @Required @Text(max = 1000) String actions) {
    }

    public record NewSection(@Required Area area, @Required @Text(max = 2000) String needs, @Text(max = 2000) String outcomes,
                             @Items(max = 20) List<@Valid NewTask> tasks, @Items(max = 10) List<@Valid NewRisk> risks) {
    }

    /** A new version of the plan; {@code replacing} is the version it was written from (none for the first), so no change is lost. */
    public record NewCarePlan(@Required @Items(max = 7) List<@Valid NewSection> sections,
                              @Required @NotInPast @Label("review date") LocalDate reviewDate,
                              Integer replacing) {
    }

    public record Agreement(@Required CarePlanVersion.Agreement agreement, @Text(max = 1000) String comment) {
    }

    public record RiskView(String risk, String tool, Integer score, String level, String actions) implements Serializable {
    }

    /** A section as clients read it: codes as the API writes them ("mobility-and-falls"). */
    public record SectionView(String area, String needs, String outcomes, List<PlannedTask> tasks, List<RiskView> risks)
            implements Serializable {

        static SectionView of(CarePlanSection section) {
            return new SectionView(Codes.of(section.area()), section.needs(), section.outcomes(), section.tasks(), section.risks().stream()
                    .map(r -> new RiskView(r.risk(), Codes.of(r.tool()), r.score(), r.level(), r.actions())).toList());
        }
    }

    public record CarePlanView(long id, int version, String provider, List<SectionView> sections, LocalDate reviewDate,
                               boolean reviewOverdue, String recordedBy, Instant recordedAt, String agreement, String agreementComment,
                               String agreementBy, Instant agreementAt) implements Serializable {

        static CarePlanView of(CarePlanVersion plan, LocalDate today) {
            return new CarePlanView(plan.id(), plan.version(), plan.provider().value(), plan.sections().stream().map(SectionView::of).toList(),
                    plan.reviewDate(),
                    plan.reviewDate().isBefore(today), plan.recordedByName(), plan.recordedAt(),
                    plan.agreement() == null ? null : Codes.of(plan.agreement()), plan.agreementComment(), plan.agreementBy(),
                    plan.agreementAt());
        }
    }

    @Inject
    CarePlans plans;

    @Inject
    SocialCareRelationships relationships;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PatientAccess patientAccess;

    @Inject
    UkClock clock;

    /** The provider's coordinator (or the person's social worker) records a new version of the plan. */
    @PatientDataAccess(resource = Resource.CARE_PLAN, action = AuditAction.CREATE)
    public CarePlanView record(NhsNumber person, @Valid NewCarePlan plan) {
        Caller caller = currentCaller.require();
        List<CarePlanSection> sections = sections(plan.sections());
        int current = plans.currentOf(person, caller.organisation()).map(CarePlanVersion::version).orElse(0);
        int replacing = plan.replacing() == null ? 0 : plan.replacing();
        if (replacing != current) {
            throw new ChangedMeanwhileException("the care plan (now at version " + current + ", not " + replacing + ")");
        }
        CarePlanVersion version = new CarePlanVersion(person, caller.organisation(), current + 1, sections, plan.reviewDate(),
                caller.username(), caller.displayName(), clock.now());
        try {
            plans.add(version);
        } catch (PersistenceException e) {
            if (DatabaseFailures.isUniqueViolation(e)) {
                throw new ChangedMeanwhileException("the care plan");
            }
            throw e;
        }
        patientAccess.note("care plan version " + version.version());
        LOG.info(() -> "Care plan version " + version.id() + " recorded");
        return CarePlanView.of(version, clock.today());
    }

    /** The plan in force (for the person and the people caring for them: a care worker around their visits). */
    @PatientDataAccess(resource = Resource.CARE_PLAN, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CarePlanView current(NhsNumber person) {
        return plans.current(person).map(plan -> CarePlanView.of(plan, clock.today())).orElseThrow(NoCarePlanException::new);
    }

    /** Every version, newest first. */
    @PatientDataAccess(resource = Resource.CARE_PLAN, action = AuditAction.HISTORY)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<CarePlanView> history(NhsNumber person) {
        LocalDate today = clock.today();
        return plans.history(person).stream().map(plan -> CarePlanView.of(plan, today)).toList();
    }

    /** The person (or their proxy) says whether they agree with the plan in force; the coordinator may record what they said. */
    @PatientDataAccess(resource = Resource.CARE_PLAN_AGREEMENT, action = AuditAction.WRITE)
    public CarePlanView agree(NhsNumber person, @Valid Agreement agreement) {
        Caller caller = currentCaller.require();
        CarePlanVersion plan = plans.current(person).orElseThrow(NoCarePlanException::new);
        if (!caller.isPatient() && !plan.provider().equals(caller.organisation())) {
            throw new AccessDeniedException("The person's agreement is recorded by the provider whose plan it is ("
                    + plan.provider().value() + "), or by the person", false);
        }
        if (!caller.isPatient() && plan.agreement() != null && !plan.agreementBy().endsWith("(as the person said)")) {
            throw new AgreementGivenException();
        }
        if (agreement.agreement() == CarePlanVersion.Agreement.DISAGREED && (agreement.comment() == null || agreement.comment().isBlank())) {
            throw InvalidInputException.of("comment", "say what you disagree with, so the plan can be changed");
        }
        String who = caller.isPatient() ? (caller.isThePatient(person) ? "the person" : "someone acting for the person")
                : caller.displayName() + " (as the person said)";
        plan.recordAgreement(agreement.agreement(), agreement.comment() == null || agreement.comment().isBlank() ? null
                : agreement.comment().strip(), who, clock.now());
        patientAccess.note("care plan version " + plan.version() + " " + Codes.phrase(agreement.agreement()));
        return CarePlanView.of(plan, clock.today());
    }

    private static List<CarePlanSection> sections(List<NewSection> given) {
        Set<Area> seen = EnumSet.noneOf(Area.class);
        List<CarePlanSection> sections = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            NewSection section = given.get(i);
            if (!seen.add(section.area())) {
                throw InvalidInputException.of("sections[" + i + "].area", "each area once: " + Codes.phrase(section.area()) + " is twice");
            }
            List<PlannedTask> tasks = new ArrayList<>();
            List<NewTask> newTasks = section.tasks() == null ? List.of() : section.tasks();
            for (int t = 0; t < newTasks.size(); t++) {
                List<String> times = newTasks.get(t).timesOfDay() == null ? List.of() : newTasks.get(t).timesOfDay();
                for (String time : times) {
                    if (time == null || !TIME_OF_DAY.matcher(time).matches()) {
                        throw InvalidInputException.of("sections[" + i + "].tasks[" + t + "].timesOfDay", "times of day as HH:MM, 00:00 to 23:59");
                    }
                }
                tasks.add(new PlannedTask(newTasks.get(t).task().strip(), List.copyOf(times)));
            }
            List<Risk> risks = new ArrayList<>();
            List<NewRisk> newRisks = section.risks() == null ? List.of() : section.risks();
            for (int r = 0; r < newRisks.size(); r++) {
                NewRisk risk = newRisks.get(r);
                if (!risk.tool().allows(risk.score())) {
                    throw InvalidInputException.of("sections[" + i + "].risks[" + r + "].score", switch (risk.tool()) {
                        case FALLS -> "a falls score is 5 to 20";
                        case WATERLOW -> "a Waterlow score is 1 to 64";
                        case JUDGEMENT -> "a judgement has no score: give its level in words";
                    });
                }
                String level = risk.tool() == RiskTool.JUDGEMENT ? risk.level() : risk.tool().levelOf(risk.score());
                if (level == null || level.isBlank()) {
                    throw InvalidInputException.of("sections[" + i + "].risks[" + r + "].level", "say how high the risk is");
                }
                risks.add(new Risk(risk.risk().strip(), risk.tool(), risk.score(), level.strip(), risk.actions().strip()));
            }
            sections.add(new CarePlanSection(section.area(), section.needs().strip(), section.outcomes() == null ? null
                    : section.outcomes().strip(), tasks, risks));
        }
        sections.sort(java.util.Comparator.comparing(CarePlanSection::area));
        return sections;
    }

    /** Staff do not record over what the person (or someone acting for them) said themselves. */
    public static class AgreementGivenException extends uk.nhs.icr.platform.service.ConflictException {

        private static final long serialVersionUID = 1L;

        public AgreementGivenException() {
            super("The person said whether they agree with this version themselves; a change of mind is theirs to record, or comes"
                    + " with a new version of the plan");
        }
    }

    public static class NoCarePlanException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public NoCarePlanException() {
            super("This person has no care plan yet");
        }
    }
}

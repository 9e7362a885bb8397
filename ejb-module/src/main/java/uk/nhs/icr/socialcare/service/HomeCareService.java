package uk.nhs.icr.socialcare.service;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import uk.nhs.icr.access.StaffMember;
import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.AccessDecidedInside;
import uk.nhs.icr.access.service.AccessDecision;
import uk.nhs.icr.access.service.AccessDecision.Purpose;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.access.StaffDirectory;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.validation.InOrder;
import uk.nhs.icr.platform.validation.Items;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.sharedrecord.service.RecordWriter;
import uk.nhs.icr.socialcare.CareVisit;
import uk.nhs.icr.socialcare.HomeCareRota;
import uk.nhs.icr.socialcare.PersonRepository;
import uk.nhs.icr.socialcare.PlannedVisit;
import uk.nhs.icr.socialcare.SocialCareRecordRepository;
import uk.nhs.icr.socialcare.SocialCareRelationships;
import uk.nhs.icr.socialcare.VisitTask;

/**
 * Home care as an agency runs it: the coordinator plans visits onto care workers' rotas (who, when, which tasks, the order of
 * the round); the care worker sees their round, checks in, ticks the tasks and checks out, and check-out writes the visit into
 * the person's record. A rota names people, so reading one is audited (one entry per list, as a search is).
 */
@Stateless
public class HomeCareService {

    private static final Logger LOG = Logger.getLogger(HomeCareService.class.getName());

    /** A visit longer than this is not a home-care visit (a live-in placement is planned differently). */
    static final long LONGEST_VISIT_HOURS = 12;

    @InOrder(earlier = "plannedStart", later = "plannedEnd", message = "must be after planned start")
    public record NewVisit(@Required @Text(max = 64) @Label("care worker") String careWorker,
                           @Required @Label("planned start") Instant plannedStart,
                           @Required @Label("planned end") Instant plannedEnd,
                           @Min(1) @Max(50) @Label("travel order") Integer travelOrder,
                           @Required @Items(max = 20) List<String> tasks) {
    }

    public record TaskOutcome(@Required Boolean done, @Text(max = 1000) String note) {
    }

    public record CheckOut(@Text(max = 4000) String notes) {
    }

    public record Cancellation(@Required @Text(max = 500) String reason) {
    }

    public record TaskView(int position, String task, Boolean done, String note) implements Serializable {
    }

    /** A visit as a rota lists it and a care worker works through it. */
    public record VisitView(long id, String nhsNumber, String personName, String careWorker, String careWorkerName, Instant plannedStart,
                            Instant plannedEnd, int travelOrder, String status, Instant checkedInAt, Instant checkedOutAt, Long recordEntryId,
                            List<TaskView> tasks) implements Serializable {

        static VisitView of(PlannedVisit visit, String personName) {
            List<TaskView> tasks = new ArrayList<>();
            List<VisitTask> planned = visit.tasks();
            for (int i = 0; i < planned.size(); i++) {
                tasks.add(new TaskView(i + 1, planned.get(i).task(), planned.get(i).done(), planned.get(i).note()));
            }
            return new VisitView(visit.id(), visit.person().value(), personName, visit.careWorker(), visit.careWorkerName(),
                    visit.plannedStart(), visit.plannedEnd(), visit.travelOrder(), Codes.of(visit.status()),
                    visit.checkedInAt(), visit.checkedOutAt(), visit.visitEntryId(), tasks);
        }
    }

    /** How many different care workers started visits to a person in a week, of how many visits: continuity of care. */
    public record ContinuityView(String nhsNumber, String personName, long careWorkers, long visits) implements Serializable {
    }

    @Inject
    HomeCareRota rota;

    @Inject
    PersonRepository people;

    @Inject
    SocialCareRelationships relationships;

    @Inject
    SocialCareRecordRepository record;

    @Inject
    StaffDirectory directory;

    @Inject
    RecordWriter writer;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AccessControl access;

    @Inject
    ProviderCoordinators coordinators;


    @Inject
    UkClock clock;

    /** The coordinator puts a visit on one of their care workers' rotas, for a person their provider cares for. */
    @PatientDataAccess(resource = Resource.ROTA, action = AuditAction.CREATE)
    public VisitView plan(NhsNumber person, @Valid NewVisit visit) {
        Caller caller = currentCaller.require();
        if (visit.plannedStart().plusSeconds(LONGEST_VISIT_HOURS * 3600).isBefore(visit.plannedEnd())) {
            throw InvalidInputException.of("plannedEnd", "a visit lasts at most " + LONGEST_VISIT_HOURS + " hours");
        }
        List<String> tasks = new ArrayList<>();
        for (String task : visit.tasks()) {
            if (task == null || task.isBlank() || task.strip().length() > 200) {
                throw InvalidInputException.of("tasks", "each task is 1 to 200 characters");
            }
            tasks.add(task.strip());
        }
        if (!relationships.isCaredForBy(person, caller.organisation())) {
            throw InvalidInputException.of("nhsNumber", "your organisation does not provide this person's care: start the care package first");
        }
        StaffMember worker = directory.findByUsername(visit.careWorker().strip())
                .filter(member -> member.roles().contains(StaffRole.CARE_WORKER) && member.isEnabled())
                .filter(member -> member.organisation().odsCode().equals(caller.organisation()))
                .orElseThrow(() -> InvalidInputException.of("careWorker", "no care worker of your organisation has this username"));
        PlannedVisit planned = new PlannedVisit(person, caller.organisation(), worker.username(), worker.displayName(),
                visit.plannedStart(), visit.plannedEnd(), visit.travelOrder() == null ? 1 : visit.travelOrder(), tasks,
                caller.username(), clock.now());
        rota.add(planned);
        LOG.info(() -> "Visit " + planned.id() + " planned");
        return VisitView.of(planned, nameOf(person));
    }

    /** One visit of the person's, for the care worker doing it or the coordinator. */
    @PatientDataAccess(resource = Resource.CARE_VISIT, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public VisitView visit(NhsNumber person, long visitId) {
        return VisitView.of(visitOf(person, visitId), nameOf(person));
    }

    /** The care worker arrives: the visit starts now. */
    @PatientDataAccess(resource = Resource.CARE_VISIT, action = AuditAction.WRITE)
    public VisitView checkIn(NhsNumber person, long visitId) {
        PlannedVisit visit = visitOf(person, visitId);
        AccessControl.RotaWindow window = access.careWorkerWindow();
        change(() -> visit.checkIn(currentCaller.require().username(), clock.now(), window.before(), window.after()));
        return VisitView.of(visit, nameOf(person));
    }

    /** A task of the visit done, or not done and why. */
    @PatientDataAccess(resource = Resource.CARE_VISIT, action = AuditAction.WRITE)
    public VisitView recordTask(NhsNumber person, long visitId, int position, @Valid TaskOutcome outcome) {
        PlannedVisit visit = visitOf(person, visitId);
        if (!outcome.done() && (outcome.note() == null || outcome.note().isBlank())) {
            throw InvalidInputException.of("note", "say why the task was not done");
        }
        String note = outcome.note() == null || outcome.note().isBlank() ? null : outcome.note().strip();
        change(() -> visit.recordTask(currentCaller.require().username(), position, outcome.done(), note));
        return VisitView.of(visit, nameOf(person));
    }

    /** The care worker leaves: the visit, what was done and their notes go into the person's record in the same transaction. */
    @PatientDataAccess(resource = Resource.CARE_VISIT, action = AuditAction.WRITE)
    public VisitView checkOut(NhsNumber person, long visitId, @Valid CheckOut checkOut) {
        PlannedVisit visit = visitOf(person, visitId);
        Caller caller = currentCaller.require();
        change(() -> visit.confirmCheckOutBy(caller.username()));
        Instant now = clock.now();
        String notes = checkOut.notes() == null || checkOut.notes().isBlank() ? null : checkOut.notes().strip();
        CareVisit entry = new CareVisit(person, visit.plannedStart(), visit.plannedEnd(), visit.checkedInAt(), now, visit.tasksInWords(),
                notes, writer.author(), now);
        record.add(entry);
        record.flush();
        change(() -> visit.checkOut(caller.username(), now, entry.id()));
        return VisitView.of(visit, nameOf(person));
    }

    /** The coordinator takes a visit not yet started off the rota, saying why (the person is in hospital, say). */
    @PatientDataAccess(resource = Resource.ROTA, action = AuditAction.WRITE)
    public VisitView cancel(NhsNumber person, long visitId, @Valid Cancellation cancellation) {
        PlannedVisit visit = visitOf(person, visitId);
        if (!visit.provider().equals(currentCaller.require().organisation())) {
            throw new VisitNotFoundException();
        }
        change(visit::cancel);
        LOG.info(() -> "Visit " + visitId + " cancelled");
        return VisitView.of(visit, nameOf(person));
    }

    /** The signed-in care worker's round on a day, in travel order. */
    @AccessDecidedInside("a care worker's own round: the visits planned for them, audited as one read of their rota")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<VisitView> myRound(LocalDate day) {
        Caller caller = currentCaller.require();
        if (!caller.hasRole(StaffRole.CARE_WORKER)) {
            refuse(caller, "only care workers have a round of visits");
        }
        List<PlannedVisit> visits = rota.roundOf(caller.username(), startOf(day), startOf(day.plusDays(1)));
        access.record(caller, null, Resource.ROTA, AuditAction.READ, AccessDecision.grant(Purpose.DIRECT_CARE,
                "own round on " + day + ": " + visits.size() + " visits"));
        return views(visits);
    }

    /** A care worker a coordinator can plan a visit for: username and name. */
    public record CareWorker(String username, String name) implements Serializable {
    }

    /** The provider's care workers, for its coordinators to plan visits onto their rotas. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<CareWorker> careWorkersOf(OdsCode provider) {
        coordinators.require(provider, Resource.ROTA, AuditAction.READ);
        return directory.staffOf(provider, StaffRole.CARE_WORKER).stream()
                .map(member -> new CareWorker(member.username(), member.displayName())).toList();
    }

    /** A care home's resident as its staff's list shows them. */
    public record ResidentView(String nhsNumber, String name) implements Serializable {
    }

    /** The most residents one care home's list shows (a large home is larger than any list a carer scrolls). */
    static final int MOST_RESIDENTS = 200;

    /** The residents of the signed-in care worker's care home (none for a home-care agency's carers), by name. */
    @AccessDecidedInside("a care home's residents for its own care workers, who care for each of them: audited as one read")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ResidentView> myResidents() {
        Caller caller = currentCaller.require();
        if (!caller.hasRole(StaffRole.CARE_WORKER)) {
            refuse(caller, "only care workers have a care home's residents to care for");
        }
        List<NhsNumber> residents = relationships.residentsOf(caller.organisation(), MOST_RESIDENTS);
        Map<NhsNumber, String> names = namesOf(residents);
        access.record(caller, null, Resource.ROTA, AuditAction.READ, AccessDecision.grant(Purpose.DIRECT_CARE,
                "residents of " + caller.organisation().value() + ": " + residents.size()));
        return residents.stream().map(person -> new ResidentView(person.value(), names.get(person)))
                .sorted(java.util.Comparator.comparing(ResidentView::name, java.util.Comparator.nullsLast(String::compareTo))).toList();
    }

    /** Every visit the coordinator's provider planned on a day, by care worker. */
    @AccessDecidedInside("a provider's rota: its own coordinators only, audited as one read")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<VisitView> rotaOf(OdsCode provider, LocalDate day) {
        Caller caller = coordinators.require(provider, Resource.ROTA, AuditAction.READ);
        List<PlannedVisit> visits = rota.visitsOf(provider, startOf(day), startOf(day.plusDays(1)));
        access.record(caller, null, Resource.ROTA, AuditAction.READ, AccessDecision.grant(Purpose.DIRECT_CARE,
                "rota of " + provider.value() + " on " + day + ": " + visits.size() + " visits"));
        return views(visits);
    }

    /** Continuity of care in the week (Monday to Sunday) that holds {@code day}: per person, how many different carers came. */
    @AccessDecidedInside("a provider's report: its own coordinators only, audited as one read")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ContinuityView> continuity(OdsCode provider, LocalDate day) {
        Caller caller = coordinators.require(provider, Resource.ROTA, AuditAction.READ);
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        List<HomeCareRota.Continuity> rows = rota.continuity(provider, startOf(monday), startOf(monday.plusWeeks(1)));
        Map<NhsNumber, String> names = namesOf(rows.stream().map(HomeCareRota.Continuity::person).toList());
        access.record(caller, null, Resource.ROTA, AuditAction.READ, AccessDecision.grant(Purpose.DIRECT_CARE,
                "continuity report of " + provider.value() + " for the week of " + monday));
        return rows.stream().map(row -> new ContinuityView(row.person().value(), names.get(row.person()), row.careWorkers(), row.visits()))
                .toList();
    }

    private void refuse(Caller caller, String why) {
        access.record(caller, null, Resource.ROTA, AuditAction.READ, AccessDecision.deny(Purpose.DIRECT_CARE, why, false));
        throw new AccessDeniedException(Character.toUpperCase(why.charAt(0)) + why.substring(1), false);
    }

    private List<VisitView> views(List<PlannedVisit> visits) {
        Map<NhsNumber, String> names = namesOf(visits.stream().map(PlannedVisit::person).toList());
        return visits.stream().map(visit -> VisitView.of(visit, names.get(visit.person()))).toList();
    }

    private Map<NhsNumber, String> namesOf(Collection<NhsNumber> persons) {
        return people.namesOf(persons);
    }

    private String nameOf(NhsNumber person) {
        return people.namesOf(List.of(person)).get(person);
    }

    private PlannedVisit visitOf(NhsNumber person, long visitId) {
        return rota.visitOf(person, visitId).orElseThrow(VisitNotFoundException::new);
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(UkClock.ZONE).toInstant();
    }

    /** A change to a visit, written at once: a refusal in words, or a change someone made meanwhile, is a 409 before commit. */
    private void change(Runnable change) {
        try {
            change.run();
            rota.flush();
        } catch (PlannedVisit.VisitStateException e) {
            throw new VisitConflictException(e.getMessage());
        } catch (OptimisticLockException e) {
            throw new VisitConflictException("the visit was changed at the same moment by someone else; look again");
        }
    }

    public static class VisitConflictException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public VisitConflictException(String why) {
            super(sentence(why));
        }
    }

    public static class VisitNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public VisitNotFoundException() {
            super("This person has no visit with that id");
        }
    }
}

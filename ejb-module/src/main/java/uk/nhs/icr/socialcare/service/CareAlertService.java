package uk.nhs.icr.socialcare.service;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;


import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.AccessDecidedInside;
import uk.nhs.icr.access.service.AccessDecision;
import uk.nhs.icr.access.service.AccessDecision.Purpose;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.DatabaseFailures;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.socialcare.CareAlertAcknowledgements;
import uk.nhs.icr.socialcare.CareMedicine;
import uk.nhs.icr.socialcare.FluidCharts;
import uk.nhs.icr.socialcare.HomeCareRota;
import uk.nhs.icr.socialcare.MarChart;
import uk.nhs.icr.socialcare.MedicationAdministration;
import uk.nhs.icr.socialcare.PersonRepository;
import uk.nhs.icr.socialcare.PlannedVisit;

/**
 * A provider's alerts, worked out from the rota and the charts whenever they are read, so none is stale or lost to a missed
 * timer: a visit not started {@code icr.visits.late-after} (30 minutes) after its planned start is late, and missed once its
 * planned end has passed; a time-critical dose with nothing recorded {@code icr.mar.time-critical-grace} (30 minutes) after
 * it was due; a person whose fluid intake by the check time is below their target. An alert stays on the list until a
 * coordinator answers it with a note. Only the provider's own coordinators see it; each read is one audit entry.
 */
@Stateless
public class CareAlertService {

    /** How far back the list looks: a week of visits, three days of doses, yesterday's and today's drinks. */
    static final Duration VISITS_LOOK_BACK = Duration.ofDays(7);
    static final Duration DOSES_LOOK_BACK = Duration.ofDays(3);

    public enum Kind { LATE_VISIT, MISSED_VISIT, MISSED_TIME_CRITICAL_MEDICINE, FLUIDS_BELOW_TARGET }

    /** One alert: its kind, what it is about ({@code subject}, the key an answer names), whose, since when, in words. */
    public record AlertView(String kind, String subject, String nhsNumber, String personName, Instant since, String careWorker,
                            String message) implements Serializable {
    }

    public record Acknowledgement(@Required Kind kind, @Required @Text(max = 120) String subject, @Required @Text(max = 1000) String note) {
    }

    @Inject
    HomeCareRota rota;

    @Inject
    MarChart mar;

    @Inject
    FluidCharts fluids;

    @Inject
    CareAlertAcknowledgements acknowledgements;

    @Inject
    PersonRepository people;

    @Inject
    ProviderCoordinators coordinators;

    @Inject
    AccessControl access;

    @Inject
    UkClock clock;

    @Inject
    CareRules rules;

    /** The provider's open alerts, oldest first. */
    @AccessDecidedInside("a provider's alert list: its own coordinators only, audited as one read")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AlertView> alertsOf(OdsCode provider) {
        Caller caller = coordinators.require(provider, Resource.CARE_ALERT, AuditAction.READ);
        List<AlertView> alerts = open(provider, clock.now());
        access.record(caller, null, Resource.CARE_ALERT, AuditAction.READ, AccessDecision.grant(Purpose.DIRECT_CARE,
                alerts.size() + " open alerts of " + provider.value()));
        return alerts;
    }

    /** A coordinator answers an open alert (the carer was delayed and is on the way; the GP was told), which takes it off the list. */
    @AccessDecidedInside("a provider's alert: its own coordinators only, audited as one write")
    public void acknowledge(OdsCode provider, @Valid Acknowledgement answer) {
        Caller caller = coordinators.require(provider, Resource.CARE_ALERT, AuditAction.WRITE);
        Instant now = clock.now();
        boolean open = open(provider, now).stream()
                .anyMatch(alert -> alert.kind().equals(Codes.of(answer.kind())) && alert.subject().equals(answer.subject()));
        if (!open) {
            throw new AlertNotFoundException();
        }
        try {
            acknowledgements.acknowledge(answer.kind().name(), answer.subject(), provider, caller.username(), now, answer.note().strip());
        } catch (PersistenceException e) {
            if (DatabaseFailures.isUniqueViolation(e)) {
                throw new AlertAnsweredException();
            }
            throw e;
        }
        access.record(caller, null, Resource.CARE_ALERT, AuditAction.WRITE, AccessDecision.grant(Purpose.DIRECT_CARE,
                "alert answered: " + answer.kind() + " " + answer.subject()));
    }

    List<AlertView> open(OdsCode provider, Instant now) {
        Set<String> answered = acknowledgements.answeredSince(provider, now.minus(VISITS_LOOK_BACK));
        List<Raised> raised = new ArrayList<>();
        for (PlannedVisit visit : rota.notStarted(provider, now.minus(VISITS_LOOK_BACK), now)) {
            CareRules.VisitTiming timing = rules.timingOf(visit, now);
            if (timing == CareRules.VisitTiming.NOT_DUE) {
                continue;
            }
            boolean missed = timing == CareRules.VisitTiming.MISSED;
            raised.add(new Raised(missed ? Kind.MISSED_VISIT : Kind.LATE_VISIT, "visit " + visit.id(), visit.person(),
                    visit.plannedStart(), visit.careWorkerName(), missed
                    ? "Visit planned " + time(visit.plannedStart()) + " to " + time(visit.plannedEnd()) + " did not start: missed"
                    : "Visit planned for " + time(visit.plannedStart()) + " has not started ("
                    + Duration.between(visit.plannedStart(), now).toMinutes() + " minutes late)"));
        }
        raised.addAll(missedTimeCriticalDoses(provider, now));
        raised.addAll(fluidsBelowTarget(provider, now));
        Map<NhsNumber, String> names = people.namesOf(raised.stream().map(Raised::person).toList());
        return raised.stream()
                .filter(alert -> !answered.contains(alert.kind().name() + " " + alert.subject()))
                .sorted(Comparator.comparing(Raised::since).thenComparing(Raised::subject))
                .map(alert -> new AlertView(Codes.of(alert.kind()), alert.subject(), alert.person().value(),
                        names.get(alert.person()), alert.since(), alert.careWorker(), alert.message()))
                .toList();
    }

    /** Time-critical doses due in the last day, past their grace, with nothing recorded: two queries for the whole provider. */
    private List<Raised> missedTimeCriticalDoses(OdsCode provider, Instant now) {
        Instant from = now.minus(DOSES_LOOK_BACK);
        Instant overdueBefore = now.minus(rules.timeCriticalGrace());
        List<CareMedicine> medicines = mar.timeCriticalAt(provider, from);
        Set<String> recorded = new HashSet<>();
        for (MedicationAdministration dose : mar.dosesOf(medicines.stream().map(CareMedicine::id).toList(), from, now)) {
            if (dose.dueAt() != null) {
                recorded.add(dose.careMedicineId() + " " + dose.dueAt());
            }
        }
        List<Raised> missed = new ArrayList<>();
        for (CareMedicine medicine : medicines) {
            for (Instant due : medicine.dosesDue(from, overdueBefore, UkClock.ZONE)) {
                if (!recorded.contains(medicine.id() + " " + due)) {
                    missed.add(new Raised(Kind.MISSED_TIME_CRITICAL_MEDICINE, "dose " + medicine.id() + " " + due, medicine.person(), due,
                            null, "Time-critical " + medicine.medicine() + " due at " + time(due) + " is not recorded ("
                            + Duration.between(due, now).toMinutes() + " minutes)"));
                }
            }
        }
        return missed;
    }

    /** Residents whose intake by the check time was below their target: yesterday's, and today's once it is past (a query each). */
    private List<Raised> fluidsBelowTarget(OdsCode provider, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, UkClock.ZONE);
        List<Raised> below = new ArrayList<>();
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            Instant check = rules.fluidCheckOn(day);
            if (now.isBefore(check)) {
                continue;
            }
            fluids.belowTarget(provider, day.atStartOfDay(UkClock.ZONE).toInstant(), check).forEach(shortfall -> below.add(
                    new Raised(Kind.FLUIDS_BELOW_TARGET, "fluids " + shortfall.person().value() + " " + day, shortfall.person(), check, null,
                            "Fluid intake on " + day + " by " + rules.fluidCheckTime() + " was " + shortfall.takenMl() + " ml of a "
                            + shortfall.targetMl() + " ml daily target: dehydration risk")));
        }
        return below;
    }

    private static String time(Instant at) {
        ZonedDateTime local = at.atZone(UkClock.ZONE);
        return local.toLocalDate() + " " + local.toLocalTime().withSecond(0).withNano(0);
    }

    private record Raised(Kind kind, String subject, NhsNumber person, Instant since, String careWorker, String message) {
    }

    public static class AlertNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public AlertNotFoundException() {
            super("Your organisation has no open alert of this kind about this subject");
        }
    }

    public static class AlertAnsweredException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public AlertAnsweredException() {
            super("This alert was answered already");
        }
    }
}

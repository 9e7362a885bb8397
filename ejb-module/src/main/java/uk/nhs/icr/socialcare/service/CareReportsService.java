package uk.nhs.icr.socialcare.service;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

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
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.socialcare.CareMedicine;
import uk.nhs.icr.socialcare.CarePlanVersion;
import uk.nhs.icr.socialcare.CarePlans;
import uk.nhs.icr.socialcare.FluidCharts;
import uk.nhs.icr.socialcare.HomeCareRota;
import uk.nhs.icr.socialcare.Incident;
import uk.nhs.icr.socialcare.MarChart;
import uk.nhs.icr.socialcare.MedicationAdministration;
import uk.nhs.icr.socialcare.PersonRepository;
import uk.nhs.icr.socialcare.PlannedVisit;
import uk.nhs.icr.socialcare.SocialCareRecordRepository;

/**
 * What a registered manager shows the CQC, for a period: visits (on time, late, missed), medication administration completeness,
 * fluid targets met, incidents by type and care plan reviews overdue. Each figure is counted from the records in a fixed number
 * of queries, whatever the size of the provider; each report is one audit entry.
 */
@Stateless
public class CareReportsService {

    /** The longest period one report covers. */
    static final int MOST_DAYS = 92;

    public record VisitFigures(long planned, long onTime, long late, long missed, long notYetDue, long cancelled) implements Serializable {
    }

    public record MedicationFigures(long dosesDue, long dosesRecorded, long dosesGiven, double completenessPercent) implements Serializable {
    }

    public record FluidFigures(long personDays, long targetMet, double metPercent) implements Serializable {
    }

    public record OverdueReview(String nhsNumber, String personName, LocalDate reviewDate, int version) implements Serializable {
    }

    public record DayOfVisits(LocalDate day, long onTime, long late, long missed) implements Serializable {
    }

    public record CareReport(String provider, LocalDate from, LocalDate to, VisitFigures visits, List<DayOfVisits> visitsByDay,
                             MedicationFigures medication, FluidFigures fluids, Map<String, Long> incidentsByKind,
                             List<OverdueReview> overdueReviews) implements Serializable {
    }

    @Inject
    HomeCareRota rota;

    @Inject
    MarChart mar;

    @Inject
    FluidCharts fluids;

    @Inject
    SocialCareRecordRepository record;

    @Inject
    CarePlans plans;

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

    /** The report for the days {@code from} to {@code to}, both included (up to today: the future has no figures). */
    @AccessDecidedInside("a provider's report: its own coordinators only, audited as one read")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CareReport report(OdsCode provider, LocalDate from, LocalDate to) {
        Caller caller = coordinators.require(provider, Resource.CARE_REPORT, AuditAction.READ);
        if (to.isBefore(from)) {
            throw InvalidInputException.of("to", "must be on or after from");
        }
        if (from.plusDays(MOST_DAYS - 1).isBefore(to)) {
            throw InvalidInputException.of("to", "a report covers at most " + MOST_DAYS + " days");
        }
        Instant now = clock.now();
        Instant start = from.atStartOfDay(UkClock.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(UkClock.ZONE).toInstant();
        Instant countedTo = end.isAfter(now) ? now : end;
        CareReport report = new CareReport(provider.value(), from, to, null, null, medication(provider, start, countedTo),
                fluids(provider, from, to, now), incidents(provider, start, end), overdue(provider, clock.today()));
        report = withVisits(report, rota.visitsOf(provider, start, end), now);
        access.record(caller, null, Resource.CARE_REPORT, AuditAction.READ, AccessDecision.grant(Purpose.DIRECT_CARE,
                "care report of " + provider.value() + " from " + from + " to " + to));
        return report;
    }

    /** The same report as CSV, one section after another, each with its header row. */
    @AccessDecidedInside("a provider's report: its own coordinators only, audited as one read")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String csv(OdsCode provider, LocalDate from, LocalDate to) {
        CareReport report = report(provider, from, to);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("section", "measure", "value");
            VisitFigures v = report.visits();
            csv.printRecord("visits", "planned", v.planned());
            csv.printRecord("visits", "on time", v.onTime());
            csv.printRecord("visits", "late", v.late());
            csv.printRecord("visits", "missed", v.missed());
            csv.printRecord("visits", "not yet due", v.notYetDue());
            csv.printRecord("visits", "cancelled", v.cancelled());
            MedicationFigures m = report.medication();
            csv.printRecord("medication", "doses due", m.dosesDue());
            csv.printRecord("medication", "doses recorded", m.dosesRecorded());
            csv.printRecord("medication", "doses given", m.dosesGiven());
            csv.printRecord("medication", "completeness %", m.completenessPercent());
            csv.printRecord("fluids", "person-days with a target", report.fluids().personDays());
            csv.printRecord("fluids", "target met", report.fluids().targetMet());
            csv.printRecord("fluids", "met %", report.fluids().metPercent());
            for (Map.Entry<String, Long> kind : report.incidentsByKind().entrySet()) {
                csv.printRecord("incidents", kind.getKey(), kind.getValue());
            }
            csv.printRecord("care plan reviews", "overdue", report.overdueReviews().size());
            csv.println();
            csv.printRecord("day", "visits on time", "visits late", "visits missed");
            for (DayOfVisits day : report.visitsByDay()) {
                csv.printRecord(day.day(), day.onTime(), day.late(), day.missed());
            }
            csv.println();
            csv.printRecord("overdue review: NHS number", "name", "review date", "plan version");
            for (OverdueReview review : report.overdueReviews()) {
                csv.printRecord(review.nhsNumber(), review.personName(), review.reviewDate(), review.version());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private CareReport withVisits(CareReport report, List<PlannedVisit> visits, Instant now) {
        long planned = 0, onTime = 0, late = 0, missed = 0, notYetDue = 0, cancelled = 0;
        Map<LocalDate, long[]> byDay = new java.util.TreeMap<>();
        for (LocalDate day = report.from(); !day.isAfter(report.to()); day = day.plusDays(1)) {
            byDay.put(day, new long[3]);
        }
        for (PlannedVisit visit : visits) {
            if (visit.status() == PlannedVisit.Status.CANCELLED) {
                cancelled++;
                continue;
            }
            planned++;
            long[] day = byDay.get(LocalDate.ofInstant(visit.plannedStart(), UkClock.ZONE));
            if (visit.checkedInAt() != null) {
                if (rules.arrivedLate(visit)) {
                    late++;
                    day[1]++;
                } else {
                    onTime++;
                    day[0]++;
                }
            } else if (!visit.plannedEnd().isAfter(now)) {
                missed++;
                day[2]++;
            } else {
                notYetDue++;
            }
        }
        List<DayOfVisits> days = byDay.entrySet().stream()
                .map(e -> new DayOfVisits(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        return new CareReport(report.provider(), report.from(), report.to(), new VisitFigures(planned, onTime, late, missed, notYetDue,
                cancelled), days, report.medication(), report.fluids(), report.incidentsByKind(), report.overdueReviews());
    }

    /** Doses due in the period (up to now) against those recorded for them; as-required doses are not "due". */
    private MedicationFigures medication(OdsCode provider, Instant start, Instant countedTo) {
        if (!countedTo.isAfter(start)) {
            return new MedicationFigures(0, 0, 0, 0);
        }
        List<CareMedicine> medicines = mar.medicinesAt(provider, start);
        Set<String> recorded = new HashSet<>();
        long given = 0;
        for (MarChart.RecordedDose dose : mar.recordedDoses(provider, start, countedTo)) {
            recorded.add(dose.medicine() + " " + dose.dueAt());
            if (dose.outcome() == MedicationAdministration.Outcome.GIVEN || dose.outcome() == MedicationAdministration.Outcome.SELF_ADMINISTERED) {
                given++;
            }
        }
        long due = 0;
        long answered = 0;
        for (CareMedicine medicine : medicines) {
            for (Instant at : medicine.dosesDue(start, countedTo, UkClock.ZONE)) {
                due++;
                if (recorded.contains(medicine.id() + " " + at)) {
                    answered++;
                }
            }
        }
        return new MedicationFigures(due, answered, given, percent(answered, due));
    }

    /** Person-days (up to yesterday, or today after it ends) with a target, and on how many intake reached it. */
    private FluidFigures fluids(OdsCode provider, LocalDate from, LocalDate to, Instant now) {
        LocalDate lastWholeDay = LocalDate.ofInstant(now, UkClock.ZONE).minusDays(1);
        LocalDate last = to.isAfter(lastWholeDay) ? lastWholeDay : to;
        if (last.isBefore(from)) {
            return new FluidFigures(0, 0, 0);
        }
        Map<NhsNumber, FluidCharts.Target> targets = fluids.targetsAt(provider);
        Map<NhsNumber, Map<LocalDate, Integer>> totals = fluids.dailyTotals(provider, from.atStartOfDay(UkClock.ZONE).toInstant(),
                last.plusDays(1).atStartOfDay(UkClock.ZONE).toInstant());
        long personDays = 0;
        long met = 0;
        for (Map.Entry<NhsNumber, FluidCharts.Target> target : targets.entrySet()) {
            Map<LocalDate, Integer> days = totals.getOrDefault(target.getKey(), Map.of());
            // counted from the first whole day the target applied to
            LocalDate first = target.getValue().from().isAfter(from) ? target.getValue().from() : from;
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                personDays++;
                if (days.getOrDefault(day, 0) >= target.getValue().dailyMl()) {
                    met++;
                }
            }
        }
        return new FluidFigures(personDays, met, percent(met, personDays));
    }

    private Map<String, Long> incidents(OdsCode provider, Instant start, Instant end) {
        Map<Incident.Kind, Long> counts = record.incidentsByKind(provider, start, end);
        Map<String, Long> byKind = new java.util.LinkedHashMap<>();
        for (Incident.Kind kind : Incident.Kind.values()) {
            byKind.put(Codes.of(kind), counts.getOrDefault(kind, 0L));
        }
        return byKind;
    }

    private List<OverdueReview> overdue(OdsCode provider, LocalDate today) {
        List<CarePlanVersion> overdue = plans.overdueReviews(provider, today);
        Map<NhsNumber, String> names = people.namesOf(overdue.stream().map(CarePlanVersion::person).toList());
        List<OverdueReview> reviews = new ArrayList<>();
        for (CarePlanVersion plan : overdue) {
            reviews.add(new OverdueReview(plan.person().value(), names.get(plan.person()), plan.reviewDate(), plan.version()));
        }
        return reviews;
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
    }
}

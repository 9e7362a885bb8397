package uk.nhs.icr.socialcare.service;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import uk.nhs.icr.access.StaffDirectory;
import uk.nhs.icr.access.StaffMember;
import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.consent.Withholding;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.AsRequiredLimits;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.DatabaseFailures;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.validation.Items;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.NotInFuture;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.service.RecordWriter;
import uk.nhs.icr.socialcare.CareMedicine;
import uk.nhs.icr.socialcare.MarChart;
import uk.nhs.icr.socialcare.MedicationAdministration;
import uk.nhs.icr.socialcare.MedicationAdministration.Outcome;
import uk.nhs.icr.socialcare.SocialCareRelationships;
import uk.nhs.icr.terminology.CodedTerms;
import uk.nhs.icr.terminology.Medicine;

/**
 * Medicines in social care: the coordinator transcribes a person's medicines onto the electronic MAR chart (coded against ICR's
 * medicines table: times of day, or as required under a protocol; time-critical; controlled drug); carers record each dose as
 * given, refused, not available or self-administered. One dose is recorded once (a database constraint on the medicine and
 * its due time, so two carers cannot both give it); a controlled drug given needs a witness who is someone else.
 */
@Stateless
public class MarService {

    private static final Logger LOG = Logger.getLogger(MarService.class.getName());

    public record NewCareMedicine(@Required @Text(max = 300) @Label("medicine") String medicine,
                                  @Required @Text(max = 100) String dose,
                                  @Text(max = 50) String route,
                                  DataCategory category,
                                  @Items(max = 12) @Label("times of day") List<LocalTime> timesOfDay,
                                  Boolean asRequired,
                                  @Text(max = 1000) String protocol,
                                  @Min(1) @Max(1440) @Label("minimum interval (minutes)") Integer minimumIntervalMinutes,
                                  @Min(1) @Max(24) @Label("most doses in 24 hours") Integer mostPerDay,
                                  Boolean timeCritical,
                                  Boolean controlledDrug,
                                  @Label("started on") LocalDate startedOn) {
    }

    /** Why a medicine comes off the chart: the prescriber's decision, as the coordinator was told it. */
    public record StopCareMedicine(@Required @Text(max = 500) String reason) {
    }

    /** A dose recorded: against its due time, or (as required) none; when it happened (now when absent). */
    public record NewDose(@Required @Label("care medicine") Long careMedicine,
                          @Label("due at") Instant dueAt,
                          @Required Outcome outcome,
                          @NotInFuture Instant at,
                          @Text(max = 64) String witness,
                          @Text(max = 1000) String note) {
    }

    public record DoseView(long entryId, Instant dueAt, String outcome, Instant at, String recordedBy, String witnessedBy, String note)
            implements Serializable {
    }

    /** One due time on the chart: recorded, or still open (and overdue once past). */
    public record DueDose(Instant dueAt, DoseView recorded, boolean overdue) implements Serializable {
    }

    public record MedicineLine(long id, String medicine, String dose, String route, boolean asRequired, String protocol,
                               Integer minimumIntervalMinutes, Integer mostPerDay, boolean timeCritical, boolean controlledDrug,
                               List<LocalTime> timesOfDay, List<DueDose> due, List<DoseView> asRequiredGiven) implements Serializable {
    }

    /** A day of the person's MAR chart; {@code withheld} medicines the patient's own directive keeps from the reader. */
    public record MarChartView(LocalDate date, List<MedicineLine> medicines, int withheld, String withheldNote) implements Serializable {
    }

    @Inject
    MarChart chart;

    @Inject
    CodedTerms terms;

    @Inject
    SocialCareRelationships relationships;

    @Inject
    StaffDirectory directory;

    @Inject
    RecordWriter writer;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AccessControl access;

    @Inject
    UkClock clock;

    /** The coordinator puts a medicine on the chart of a person their provider cares for. */
    @PatientDataAccess(resource = Resource.CARE_MEDICINE, action = AuditAction.CREATE)
    public MedicineLine addMedicine(NhsNumber person, @Valid NewCareMedicine medicine) {
        Caller caller = currentCaller.require();
        Medicine coded = terms.medicine(medicine.medicine())
                .orElseThrow(() -> InvalidInputException.of("medicine", "not in ICR's medicines table: choose the medicine by its dm+d name"));
        if (!relationships.isCaredForBy(person, caller.organisation())) {
            throw InvalidInputException.of("nhsNumber", "your organisation does not provide this person's care");
        }
        String route = medicine.route() == null || medicine.route().isBlank() ? coded.route() : medicine.route().strip();
        DataCategory category = medicine.category() == null ? DataCategory.GENERAL : medicine.category();
        LocalDate startedOn = medicine.startedOn() == null ? clock.today() : medicine.startedOn();
        // what the formulary says of the medicine holds whatever the transcription says: a controlled drug is witnessed, a
        // time-critical one alerts when late
        boolean controlled = Boolean.TRUE.equals(medicine.controlledDrug()) || coded.controlledDrug();
        CareMedicine added;
        if (Boolean.TRUE.equals(medicine.asRequired())) {
            if (medicine.timesOfDay() != null && !medicine.timesOfDay().isEmpty()) {
                throw InvalidInputException.of("timesOfDay", "a medicine given as required has no set times");
            }
            if (medicine.protocol() == null || medicine.protocol().isBlank() || medicine.minimumIntervalMinutes() == null
                    || medicine.mostPerDay() == null) {
                throw InvalidInputException.of("protocol", "a medicine given as required needs its protocol: when to give it, the"
                        + " minimum interval and the most doses in 24 hours");
            }
            if (Boolean.TRUE.equals(medicine.timeCritical())) {
                throw InvalidInputException.of("timeCritical", "a time-critical medicine is given at set times, not as required");
            }
            added = CareMedicine.asRequired(person, caller.organisation(), coded.name(), medicine.dose().strip(), route, category,
                    medicine.protocol().strip(), medicine.minimumIntervalMinutes(), medicine.mostPerDay(), controlled, startedOn,
                    caller.username(), clock.now());
        } else {
            if (medicine.timesOfDay() == null || medicine.timesOfDay().isEmpty()) {
                throw InvalidInputException.of("timesOfDay", "give the times of day it is due, or say it is given as required");
            }
            added = CareMedicine.regular(person, caller.organisation(), coded.name(), medicine.dose().strip(), route, category,
                    medicine.timesOfDay(), Boolean.TRUE.equals(medicine.timeCritical()) || coded.timeCritical(), controlled, startedOn,
                    caller.username(), clock.now());
        }
        chart.add(added);
        LOG.info(() -> "Care medicine " + added.id() + " added to a MAR chart");
        return line(added, List.of(), clock.now(), clock.now(), clock.now());
    }

    /**
     * The provider's coordinator takes a medicine off the chart (the prescriber stopped it): no dose falls due from now, the
     * doses recorded stay; who and why are kept.
     */
    @PatientDataAccess(resource = Resource.CARE_MEDICINE, action = AuditAction.WRITE)
    public MedicineLine stopMedicine(NhsNumber person, long careMedicine, @Valid StopCareMedicine stop) {
        Caller caller = currentCaller.require();
        // locked: two coordinators taking it off at once take turns, and the second is told it is off already
        CareMedicine medicine = chart.lockedMedicineOf(person, careMedicine).orElseThrow(CareMedicineNotFoundException::new);
        if (!medicine.provider().equals(caller.organisation())) {
            throw new AccessDeniedException("A medicine comes off the chart of the provider whose chart it is ("
                    + medicine.provider().value() + ")", false);
        }
        Instant now = clock.now();
        if (medicine.stoppedAt() != null) {
            throw new DoseNotRecordableException("this medicine was taken off the chart already");
        }
        medicine.stop(caller.username(), stop.reason().strip(), now);
        LOG.info(() -> "Care medicine " + medicine.id() + " taken off a MAR chart");
        return line(medicine, List.of(), now, now, now);
    }

    /**
     * A day of the person's MAR chart: each medicine with its due doses and what was recorded. Medicines of a category the
     * patient's directive denies the reader are left out and counted; withheld-by-default categories are shown to those who
     * give them (hazard H-051).
     */
    @PatientDataAccess(resource = Resource.MEDICATION_ADMINISTRATION, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public MarChartView chartOf(NhsNumber person, LocalDate day) {
        Instant from = day.atStartOfDay(UkClock.ZONE).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(UkClock.ZONE).toInstant();
        Withholding denied = access.medicinesWithheldFrom(currentCaller.require(), person);
        List<CareMedicine> all = chart.medicinesOf(person, from).stream().filter(m -> !m.startedOn().isAfter(day)).toList();
        List<CareMedicine> shown = all.stream().filter(m -> !denied.withholds(EntryType.MEDICATION_ADMINISTRATION, m.category())).toList();
        List<MedicationAdministration> doses = chart.dosesOf(shown.stream().map(CareMedicine::id).toList(), from, to);
        Instant now = clock.now();
        List<MedicineLine> lines = shown.stream().map(m -> line(m, doses, from, to, now)).toList();
        int withheld = all.size() - shown.size();
        return new MarChartView(day, lines, withheld, withheld == 0 ? null
                : withheld + " medicine(s) on this chart are withheld from you by the person's consent; the coordinator or the"
                + " prescriber decides who gives them");
    }

    /** A carer records a dose: given, refused, not available, self-administered, or (with a reason) missed or not required. */
    @PatientDataAccess(resource = Resource.MEDICATION_ADMINISTRATION, action = AuditAction.WRITE)
    public DoseView record(NhsNumber person, @Valid NewDose dose) {
        Caller caller = currentCaller.require();
        CareMedicine medicine = chart.lockedMedicineOf(person, dose.careMedicine())
                .filter(m -> !access.medicinesWithheldFrom(caller, person).withholds(EntryType.MEDICATION_ADMINISTRATION, m.category()))
                .orElseThrow(CareMedicineNotFoundException::new);
        if (!medicine.provider().equals(caller.organisation())) {
            throw new AccessDeniedException("Doses are recorded by the staff of the provider whose chart it is ("
                    + medicine.provider().value() + ")", false);
        }
        Instant now = clock.now();
        Instant at = dose.at() == null ? now : dose.at();
        if (medicine.stoppedAt() != null && !at.isBefore(medicine.stoppedAt())) {
            throw new DoseNotRecordableException(medicine.medicine() + " was stopped");
        }
        if (medicine.asRequired()) {
            if (dose.dueAt() != null) {
                throw InvalidInputException.of("dueAt", "a medicine given as required has no due time: leave it out");
            }
            if (dose.outcome() == Outcome.GIVEN) {
                checkProtocol(medicine, at);
            }
        } else {
            if (dose.dueAt() == null || !medicine.isDueAt(dose.dueAt(), UkClock.ZONE)) {
                throw InvalidInputException.of("dueAt", "not a time this medicine is due: it is due at " + medicine.timesOfDay());
            }
            if (dose.dueAt().isAfter(now.plus(Duration.ofHours(2)))) {
                throw InvalidInputException.of("dueAt", "a dose is recorded at most two hours before it is due");
            }
        }
        if ((dose.outcome() == Outcome.MISSED || dose.outcome() == Outcome.NOT_REQUIRED || dose.outcome() == Outcome.NOT_AVAILABLE
                || dose.outcome() == Outcome.REFUSED) && (dose.note() == null || dose.note().isBlank())) {
            throw InvalidInputException.of("note", "say what happened (a dose " + Codes.phrase(dose.outcome()) + " needs a note)");
        }
        EntryAuthor witness = witnessOf(medicine, dose, caller);
        String note = dose.note() == null || dose.note().isBlank() ? null : dose.note().strip();
        MedicationAdministration line = MedicationAdministration.ofDose(medicine, dose.dueAt(), dose.outcome(), at, note,
                writer.author(), witness, now);
        try {
            chart.record(line);
        } catch (PersistenceException e) {
            if (DatabaseFailures.isUniqueViolation(e)) {
                throw new DoseNotRecordableException("this dose of " + medicine.medicine() + " was recorded already: look at the chart"
                        + " before giving it again");
            }
            throw e;
        }
        return view(line);
    }

    /**
     * An as-required dose keeps to its protocol: at least the minimum interval from any other dose given, before or after it (a
     * dose recorded late may be earlier than one already recorded), and no more than the most in any 24 hours around it. The
     * medicine is locked while this is checked, so two carers recording at once take turns.
     */
    private void checkProtocol(CareMedicine medicine, Instant at) {
        List<Instant> given = chart.dosesOf(List.of(medicine.id()), at.minus(AsRequiredLimits.DAY), at.plus(AsRequiredLimits.DAY))
                .stream().filter(d -> d.outcome() == Outcome.GIVEN).map(MedicationAdministration::occurredAt).toList();
        medicine.limits().breach(medicine.medicine(), given, at).ifPresent(why -> {
            throw new DoseNotRecordableException(why + " (the protocol)");
        });
    }

    /** A controlled drug given is witnessed by another member of the same organisation's staff; no witness otherwise needed. */
    private EntryAuthor witnessOf(CareMedicine medicine, NewDose dose, Caller caller) {
        boolean needed = medicine.controlledDrug() && dose.outcome() == Outcome.GIVEN;
        if (dose.witness() == null || dose.witness().isBlank()) {
            if (needed) {
                throw InvalidInputException.of("witness", "a controlled drug is given with a witness: their username");
            }
            return null;
        }
        String username = dose.witness().strip();
        if (username.equals(caller.username())) {
            throw InvalidInputException.of("witness", "the witness is someone other than the person giving the medicine");
        }
        StaffMember witness = directory.findByUsername(username)
                .filter(StaffMember::isEnabled)
                .filter(member -> member.organisation().odsCode().equals(caller.organisation()))
                .filter(member -> !member.roles().contains(StaffRole.RESEARCHER))
                .orElseThrow(() -> InvalidInputException.of("witness", "no member of your organisation's staff has this username"));
        return new EntryAuthor(witness.username(), witness.displayName(), caller.organisation());
    }

    private MedicineLine line(CareMedicine medicine, List<MedicationAdministration> doses, Instant from, Instant to, Instant now) {
        List<MedicationAdministration> own = doses.stream().filter(d -> medicine.id().equals(d.careMedicineId())).toList();
        Map<Instant, MedicationAdministration> byDue = own.stream().filter(d -> d.dueAt() != null)
                .collect(Collectors.toMap(MedicationAdministration::dueAt, Function.identity(), (a, b) -> a));
        List<DueDose> due = new ArrayList<>();
        for (Instant at : medicine.dosesDue(from, to, UkClock.ZONE)) {
            MedicationAdministration recorded = byDue.get(at);
            due.add(new DueDose(at, recorded == null ? null : view(recorded), recorded == null && at.isBefore(now)));
        }
        List<DoseView> asRequired = own.stream().filter(d -> d.dueAt() == null).map(MarService::view).toList();
        return new MedicineLine(medicine.id(), medicine.medicine(), medicine.dose(), medicine.route(), medicine.asRequired(),
                medicine.protocol(), medicine.minimumIntervalMinutes(), medicine.mostPerDay(), medicine.timeCritical(),
                medicine.controlledDrug(), medicine.timesOfDay(), due, asRequired);
    }

    private static DoseView view(MedicationAdministration dose) {
        return new DoseView(dose.id(), dose.dueAt(), Codes.of(dose.outcome()), dose.occurredAt(), dose.authorName(),
                dose.witnessName(), dose.details());
    }

    public static class DoseNotRecordableException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public DoseNotRecordableException(String why) {
            super(sentence(why));
        }
    }

    public static class CareMedicineNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public CareMedicineNotFoundException() {
            super("This person's MAR chart has no medicine with that id that you may see");
        }
    }
}

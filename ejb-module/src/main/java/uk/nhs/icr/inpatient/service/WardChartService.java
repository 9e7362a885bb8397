package uk.nhs.icr.inpatient.service;

import java.io.Serializable;
import java.math.BigDecimal;
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
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Positive;

import uk.nhs.icr.access.StaffDirectory;
import uk.nhs.icr.access.StaffMember;
import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.access.service.StaffPasswords;
import uk.nhs.icr.access.service.StaffSignInService;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.consent.Withholding;
import uk.nhs.icr.hospital.Encounter;
import uk.nhs.icr.hospital.HospitalRecordRepository;
import uk.nhs.icr.inpatient.DoseAdministration;
import uk.nhs.icr.inpatient.DoseAdministration.Outcome;
import uk.nhs.icr.inpatient.DoseAdministration.Reason;
import uk.nhs.icr.inpatient.Prescription;
import uk.nhs.icr.inpatient.WardRecords;
import uk.nhs.icr.inpatient.service.Admissions.AdmissionNotFoundException;
import uk.nhs.icr.inpatient.service.PrescribingService.PrescriptionNotFoundException;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.AsRequiredLimits;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.DatabaseFailures;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.NotInFuture;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.service.RecordWriter;

/**
 * The ward medicines chart of an admission: each prescription with its doses due through the day, and what the nurses recorded.
 * A dose is given (how much, when; a controlled drug with a second nurse who co-signs with their own password), not given
 * with a reason code, or delayed and given later on the same line. One line per dose (a database constraint on prescription
 * and due time); an as-required dose keeps to its minimum interval and 24-hour maximum, checked under a lock.
 */
@Stateless
public class WardChartService {

    private static final Logger LOG = Logger.getLogger(WardChartService.class.getName());

    /** How long before its due time a dose may be recorded (a drug round starts a little early). */
    static final Duration EARLIEST = Duration.ofHours(1);

    public record NewDose(@Required @Positive @Label("prescription") Long prescriptionId,
                          @Label("due at") Instant dueAt,
                          @Required Outcome outcome,
                          Reason reason,
                          @Positive @DecimalMax("100000") @Digits(integer = 6, fraction = 3) BigDecimal dose,
                          @NotInFuture @Label("given at") Instant givenAt,
                          @Text(max = 64) String witness,
                          @Text(max = 200) @Label("witness password") String witnessPassword,
                          @Text(max = 1000) String note) {
    }

    public record DoseView(long id, Instant dueAt, String outcome, String reason, BigDecimal dose, Instant givenAt, String givenBy,
                           String witnessedBy, String note) implements Serializable {

        static DoseView of(DoseAdministration d) {
            return new DoseView(d.id(), d.dueAt(), Codes.of(d.outcome()), d.reason() == null ? null : Codes.of(d.reason()), d.dose(),
                    d.givenAt(), d.nurseName(), d.witnessName(), d.note());
        }
    }

    /** A due time on the chart: what was recorded, or open (and overdue once past the ward's rule). */
    public record DueDose(Instant dueAt, DoseView recorded, boolean overdue) implements Serializable {
    }

    public record ChartLine(long prescriptionId, String medicine, String kind, BigDecimal dose, String doseUnit, String route,
                            List<LocalTime> timesOfDay, Integer minimumIntervalMinutes, Integer mostPer24Hours, boolean controlledDrug,
                            boolean timeCritical, String status, String indication, List<DueDose> due, List<DoseView> asRequiredGiven)
            implements Serializable {
    }

    /** A day of an admission's chart; {@code withheld} prescriptions the patient's consent keeps from the reader. */
    public record MedicinesChart(long admissionId, LocalDate date, List<ChartLine> lines, int withheld) implements Serializable {
    }

    @Inject
    WardRecords ward;

    @Inject
    HospitalRecordRepository hospital;

    @Inject
    Admissions admissions;

    @Inject
    WardRules rules;

    @Inject
    StaffDirectory directory;

    @Inject
    StaffPasswords passwords;

    @Inject
    StaffSignInService signIns;

    @Inject
    AccessControl access;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    RecordWriter writer;

    @Inject
    UkClock clock;

    /** A day of the admission's medicines chart: every prescription in force that day, its due doses and what was recorded. */
    @PatientDataAccess(resource = Resource.WARD_MEDICINES_CHART, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public MedicinesChart chartOf(NhsNumber patient, long admissionId, LocalDate day) {
        admissions.of(patient, admissionId);
        Instant from = day.atStartOfDay(UkClock.ZONE).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(UkClock.ZONE).toInstant();
        Withholding withholding = access.withholdingFromStaff(currentCaller.require(), patient);
        List<Prescription> all = ward.prescriptionsOf(List.of(admissionId)).stream()
                .filter(p -> p.startsAt().isBefore(to) && (p.stoppedAt() == null || p.stoppedAt().isAfter(from))
                        && (p.endsAt() == null || p.endsAt().isAfter(from)))
                .toList();
        List<Prescription> shown = all.stream().filter(p -> !withholding.withholds(EntryType.MEDICATION, p.category())).toList();
        List<DoseAdministration> doses = ward.dosesOf(shown.stream().map(Prescription::id).toList(), from, to);
        Instant now = clock.now();
        List<ChartLine> lines = shown.stream().map(p -> line(p, doses, from, to, now)).toList();
        return new MedicinesChart(admissionId, day, lines, all.size() - shown.size());
    }

    /** A nurse records a dose: given, not given (with a reason) or delayed; a delayed dose is later given on the same line. */
    @PatientDataAccess(resource = Resource.WARD_MEDICINES_CHART, action = AuditAction.RECORD)
    public DoseView record(NhsNumber patient, @Valid NewDose dose) {
        Caller caller = currentCaller.require();
        // a prescription the patient's consent withholds from this nurse is not theirs to give (or to learn of)
        Withholding withholding = access.withholdingFromStaff(caller, patient);
        Prescription prescription = ward.prescription(patient, dose.prescriptionId())
                .filter(p -> !withholding.withholds(EntryType.MEDICATION, p.category()))
                .orElseThrow(PrescriptionNotFoundException::new);
        if (!prescription.organisation().equals(caller.organisation())) {
            throw new AccessDeniedException("Doses are recorded by the staff of the organisation whose prescription it is", false);
        }
        Encounter admission = hospital.findEncounter(patient, prescription.admissionId()).orElseThrow(AdmissionNotFoundException::new);
        if (!admission.isOpenAdmission()) {
            throw new DoseNotRecordableException("the admission has ended");
        }
        Instant now = clock.now();
        Instant at = dose.givenAt() == null ? now : dose.givenAt();
        String note = dose.note() == null || dose.note().isBlank() ? null : dose.note().strip();
        switch (dose.outcome()) {
            case NOT_GIVEN -> {
                if (dose.reason() == null) {
                    throw InvalidInputException.of("reason", "say why the dose was not given");
                }
            }
            case DELAYED -> {
                if (note == null) {
                    throw InvalidInputException.of("note", "say why the dose is delayed and until when");
                }
            }
            case GIVEN -> {
                if (dose.reason() != null) {
                    throw InvalidInputException.of("reason", "a dose given has no reason code: leave it out");
                }
            }
        }
        Instant due = dueTime(prescription, dose, at, now);
        if (dose.outcome() == Outcome.GIVEN && prescription.stoppedAt() != null && !at.isBefore(prescription.stoppedAt())) {
            throw new DoseNotRecordableException(prescription.medicine().name() + " was stopped");
        }
        BigDecimal given = dose.dose() == null ? prescription.dose() : dose.dose();
        if (dose.outcome() == Outcome.GIVEN && given.compareTo(prescription.dose()) > 0) {
            throw InvalidInputException.of("dose", "more than the " + prescription.dose().stripTrailingZeros().toPlainString() + " "
                    + prescription.doseUnit() + " prescribed");
        }
        EntryAuthor nurse = writer.author();
        EntryAuthor witness = dose.outcome() == Outcome.GIVEN ? witnessOf(prescription, dose, caller) : null;
        DoseAdministration line = ward.dose(prescription.id(), due).orElse(null);
        if (line != null) {
            if (line.outcome() != Outcome.DELAYED || dose.outcome() == Outcome.DELAYED) {
                throw new DoseNotRecordableException("this dose of " + prescription.medicine().name() + " was recorded already ("
                        + Codes.phrase(line.outcome()) + " by " + line.nurseName() + "): look at the chart before giving it again");
            }
            if (dose.outcome() == Outcome.GIVEN) {
                line.give(given, at, nurse, witness, note, now);
            } else {
                line.notGiven(dose.reason(), nurse, note, now);
            }
            try {
                ward.flush();
            } catch (OptimisticLockException e) {
                throw new DoseNotRecordableException("this delayed dose of " + prescription.medicine().name() + " was recorded a moment"
                        + " ago: look at the chart before giving it again");
            }
            return DoseView.of(line);
        }
        DoseAdministration recorded = dose.outcome() == Outcome.GIVEN
                ? DoseAdministration.given(prescription.id(), due, given, at, nurse, witness, note, now)
                : DoseAdministration.notGiven(prescription.id(), due, dose.outcome(), dose.reason(), nurse, note, now);
        try {
            ward.record(recorded);
            ward.flush();
        } catch (PersistenceException e) {
            if (DatabaseFailures.isUniqueViolation(e)) {
                throw new DoseNotRecordableException("this dose of " + prescription.medicine().name() + " was recorded a moment ago:"
                        + " look at the chart before giving it again");
            }
            throw e;
        }
        return DoseView.of(recorded);
    }

    /**
     * The due time a dose is recorded against: one of the prescription's due times (not long before it), or for an as-required
     * dose the time it was given, after checking its limits with the prescription locked.
     */
    private Instant dueTime(Prescription prescription, NewDose dose, Instant at, Instant now) {
        if (prescription.kind() == Prescription.Kind.AS_REQUIRED) {
            if (dose.dueAt() != null) {
                throw InvalidInputException.of("dueAt", "an as-required dose has no due time: leave it out");
            }
            if (dose.outcome() != Outcome.GIVEN) {
                throw InvalidInputException.of("outcome", "an as-required dose is recorded when it is given");
            }
            if (at.isBefore(prescription.startsAt()) || prescription.endsAt() != null && !at.isBefore(prescription.endsAt())) {
                throw new DoseNotRecordableException("that time is outside the prescription's dates");
            }
            ward.lock(prescription);
            List<Instant> given = ward.dosesOf(List.of(prescription.id()), at.minus(AsRequiredLimits.DAY), at.plus(AsRequiredLimits.DAY))
                    .stream().filter(d -> d.outcome() == Outcome.GIVEN).map(DoseAdministration::givenAt).toList();
            prescription.limits().breach(prescription.medicine().name(), given, at).ifPresent(why -> {
                throw new DoseNotRecordableException(why + " (as prescribed)");
            });
            return at;
        }
        // the due time as the schedule has it: a time sent a fraction of a second off names no dose, never a second line
        Instant due = dose.dueAt() == null ? null : prescription.dueTimeAt(dose.dueAt(), UkClock.ZONE).orElse(null);
        if (due == null) {
            throw InvalidInputException.of("dueAt", "not a time this prescription is due"
                    + (prescription.kind() == Prescription.Kind.REGULAR ? ": it is due at " + prescription.timesOfDay() : ""));
        }
        if (due.isAfter(now.plus(EARLIEST))) {
            throw InvalidInputException.of("dueAt", "a dose is recorded at most an hour before it is due");
        }
        return due;
    }

    /**
     * A controlled drug given needs a witness: another nurse or doctor of the same organisation, signed in at the bedside with
     * their own password (a wrong one counts towards locking their account). Anyone else's dose needs none, and names none.
     */
    private EntryAuthor witnessOf(Prescription prescription, NewDose dose, Caller caller) {
        boolean needed = prescription.medicine().controlledDrug();
        if (dose.witness() == null || dose.witness().isBlank()) {
            if (needed) {
                throw InvalidInputException.of("witness", "a controlled drug is given with a second nurse as witness: their username");
            }
            return null;
        }
        String username = dose.witness().strip();
        if (username.equals(caller.username())) {
            throw InvalidInputException.of("witness", "the witness is another nurse, not the one giving the dose");
        }
        // one answer for an unknown witness and a wrong password: a co-signature does not tell who has an account
        StaffMember witness = directory.findByUsername(username)
                .filter(StaffMember::isEnabled)
                .filter(member -> member.organisation().odsCode().equals(caller.organisation()))
                .filter(member -> member.roles().contains(StaffRole.NURSE) || member.roles().contains(StaffRole.HOSPITAL_CLINICIAN))
                .orElse(null);
        if (witness == null || witness.isLockedAt(clock.now()) || !passwords.matches(witness.passwordHash(), dose.witnessPassword())) {
            if (witness != null) {
                signIns.recordFailedCoSignature(username);
            }
            LOG.warning(() -> "A controlled-drug witness signature was refused");
            throw InvalidInputException.of("witnessPassword", "the witness's username or password is not right (or their account is"
                    + " locked): a nurse or doctor of your organisation signs as the witness");
        }
        return new EntryAuthor(witness.username(), witness.displayName(), caller.organisation());
    }

    private ChartLine line(Prescription p, List<DoseAdministration> doses, Instant from, Instant to, Instant now) {
        List<DoseAdministration> own = doses.stream().filter(d -> p.id().equals(d.prescriptionId())).toList();
        Map<Instant, DoseAdministration> byDue = own.stream()
                .collect(Collectors.toMap(DoseAdministration::dueAt, Function.identity(), (a, b) -> a));
        List<DueDose> due = new ArrayList<>();
        for (Instant at : p.dosesDue(from, to, UkClock.ZONE)) {
            DoseAdministration recorded = byDue.get(at);
            boolean open = recorded == null || recorded.outcome() == Outcome.DELAYED;
            due.add(new DueDose(at, recorded == null ? null : DoseView.of(recorded),
                    open && rules.overdue(p.medicine().timeCritical(), at, now)));
        }
        List<DoseView> asRequired = p.kind() == Prescription.Kind.AS_REQUIRED ? own.stream().map(DoseView::of).toList() : List.of();
        String status = p.stoppedAt() != null ? "stopped" : p.isActiveAt(now) ? "active" : "ended";
        return new ChartLine(p.id(), p.medicine().name(), Codes.of(p.kind()), p.dose(), p.doseUnit(), p.route(), p.timesOfDay(),
                p.minimumIntervalMinutes(), p.mostPer24Hours(), p.medicine().controlledDrug(), p.medicine().timeCritical(), status,
                p.indication(), due, asRequired);
    }

    public static class DoseNotRecordableException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public DoseNotRecordableException(String why) {
            super(sentence(why));
        }
    }
}

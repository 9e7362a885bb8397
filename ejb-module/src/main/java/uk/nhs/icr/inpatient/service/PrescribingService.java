package uk.nhs.icr.inpatient.service;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientAccess;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.consent.Withholding;
import uk.nhs.icr.hospital.Allergy;
import uk.nhs.icr.hospital.Encounter;
import uk.nhs.icr.hospital.HospitalEntry;
import uk.nhs.icr.hospital.HospitalRecordRepository;
import uk.nhs.icr.hospital.Medication;
import uk.nhs.icr.inpatient.MedicineReconciliation;
import uk.nhs.icr.inpatient.PrescribingAlert;
import uk.nhs.icr.inpatient.Prescription;
import uk.nhs.icr.inpatient.WardRecords;
import uk.nhs.icr.inpatient.service.Admissions.AdmissionNotFoundException;
import uk.nhs.icr.inpatient.service.PrescribingChecks.CurrentMedicine;
import uk.nhs.icr.inpatient.service.PrescribingChecks.KnownAllergy;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.AsRequiredLimits;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.validation.Items;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.SensitiveContent;
import uk.nhs.icr.sharedrecord.service.RecordWriter;
import uk.nhs.icr.socialcare.CareMedicine;
import uk.nhs.icr.socialcare.MarChart;
import uk.nhs.icr.terminology.CodedTerms;
import uk.nhs.icr.terminology.Medicine;

/**
 * Inpatient prescribing on an open admission. Every prescription is checked as it is written, against what the prescriber may
 * see of both records: the patient's allergies, the medicines on their record (less those reconciled on this admission), on
 * their social care MAR chart and already prescribed. Hard stops (an allergy, a severe interaction) need a reason to
 * override, kept on the prescription and noted on the audit entry; entries the patient's consent withholds are left out
 * and the prescriber is told the checks may be incomplete. A fixed number of queries, whatever the number of medicines.
 */
@Stateless
public class PrescribingService {

    private static final Logger LOG = Logger.getLogger(PrescribingService.class.getName());

    public record NewPrescription(@Required @Positive @Label("admission id") Long admissionId,
                                  @Required @Text(max = 300) @Label("medicine") String medicine,
                                  @Required Prescription.Kind kind,
                                  @Required @Positive @DecimalMax("100000") @Digits(integer = 6, fraction = 3) BigDecimal dose,
                                  @Text(max = 50) String route,
                                  @Items(max = 12) @Label("times of day") List<LocalTime> timesOfDay,
                                  @Min(1) @Max(1440) @Label("minimum interval (minutes)") Integer minimumIntervalMinutes,
                                  @Min(1) @Max(24) @Label("most doses in 24 hours") Integer mostPer24Hours,
                                  @Label("start") Instant startsAt,
                                  @Label("end") Instant endsAt,
                                  @Label("review date") LocalDate reviewOn,
                                  @Text(max = 500) String indication,
                                  DataCategory category,
                                  @Text(max = 1000) @Label("override reason") String overrideReason) {
    }

    public record StopPrescription(@Required @Text(max = 500) String reason) {
    }

    public record AlertView(String kind, String level, boolean hardStop, String message) implements Serializable {

        static AlertView of(PrescribingAlert alert) {
            return new AlertView(Codes.of(alert.kind()), Codes.of(alert.level()), alert.hardStop(), alert.message());
        }
    }

    /** What the checks found for a prescription not yet written: whether it needs an override, and whether they saw everything. */
    public record CheckOutcome(List<AlertView> alerts, boolean hardStop, boolean checksIncomplete) implements Serializable {
    }

    public record PrescriptionView(long id, long admissionId, String medicine, String moiety, String kind, BigDecimal dose,
                                   String doseUnit, String route, List<LocalTime> timesOfDay, Integer minimumIntervalMinutes,
                                   Integer mostPer24Hours, Instant startsAt, Instant endsAt, LocalDate reviewOn, String indication,
                                   boolean controlledDrug, boolean timeCritical, String prescribedBy, Instant prescribedAt,
                                   String status, List<AlertView> alerts, String overrideReason, boolean checksIncomplete,
                                   Instant stoppedAt, String stopReason) implements Serializable {

        static PrescriptionView of(Prescription p, Instant now) {
            String status = p.stoppedAt() != null ? "stopped" : p.isActiveAt(now) ? "active" : "ended";
            return new PrescriptionView(p.id(), p.admissionId(), p.medicine().name(), p.medicine().moiety(), Codes.of(p.kind()), p.dose(),
                    p.doseUnit(), p.route(), p.timesOfDay(), p.minimumIntervalMinutes(), p.mostPer24Hours(), p.startsAt(), p.endsAt(),
                    p.reviewOn(), p.indication(), p.medicine().controlledDrug(), p.medicine().timeCritical(), p.prescriberName(),
                    p.prescribedAt(), status, p.alerts().stream().map(AlertView::of).toList(), p.overrideReason(), p.checksIncomplete(),
                    p.stoppedAt(), p.stopReason());
        }
    }

    /** An admission's prescriptions, with whether the reader may be missing some the patient's consent withholds. */
    public record PrescriptionList(List<PrescriptionView> prescriptions, int withheld) implements Serializable {
    }

    @Inject
    WardRecords ward;

    @Inject
    Admissions admissions;

    @Inject
    HospitalRecordRepository hospital;

    @Inject
    MarChart marChart;

    @Inject
    CodedTerms terms;

    @Inject
    AccessControl access;

    @Inject
    PatientAccess patientAccess;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    RecordWriter writer;

    @Inject
    UkClock clock;

    /** The checks for a prescription as the prescriber has it so far: nothing is written (the form shows them as they type). */
    @PatientDataAccess(resource = Resource.PRESCRIPTION, action = AuditAction.EVALUATE)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CheckOutcome check(NhsNumber patient, @Valid NewPrescription prescription) {
        Encounter admission = admissions.openHereNamed(patient, prescription.admissionId(), "prescribe on the admission");
        Checked checked = checked(patient, admission, order(prescription));
        return checked.outcome();
    }

    /**
     * Writes the prescription after its checks. A hard stop refuses it unless the prescriber gives a reason to override, kept on
     * the prescription with the alerts it overrode and noted on the audit entry.
     */
    @PatientDataAccess(resource = Resource.PRESCRIPTION, action = AuditAction.CREATE)
    public PrescriptionView prescribe(NhsNumber patient, @Valid NewPrescription prescription) {
        Encounter admission = admissions.openHereNamed(patient, prescription.admissionId(), "prescribe on the admission");
        Prescription.Order order = order(prescription);
        Checked checked = checked(patient, admission, order);
        String override = prescription.overrideReason() == null || prescription.overrideReason().isBlank() ? null
                : prescription.overrideReason().strip();
        List<PrescribingAlert> hardStops = checked.alerts().stream().filter(PrescribingAlert::hardStop).toList();
        if (!hardStops.isEmpty() && override == null) {
            throw InvalidInputException.of("overrideReason", "a hard stop: " + hardStops.stream()
                    .map(alert -> alert.message().endsWith(".") ? alert.message().substring(0, alert.message().length() - 1) : alert.message())
                    .collect(Collectors.joining("; ")) + ". To prescribe it all the same, give your reason for overriding");
        }
        Instant now = clock.now();
        Prescription written = new Prescription(admission.id(), patient, order, writer.author(), now, checked.alerts(),
                hardStops.isEmpty() ? null : override, checked.incomplete());
        ward.add(written);
        ward.flush();
        if (!hardStops.isEmpty()) {
            patientAccess.note("hard stop overridden (" + hardStops.stream().map(a -> Codes.of(a.kind())).distinct()
                    .collect(Collectors.joining(", ")) + ") with a reason, prescription " + written.id());
            LOG.info(() -> "Prescription " + written.id() + " written over a hard stop, with the prescriber's reason");
        }
        return PrescriptionView.of(written, now);
    }

    /** A prescriber stops a prescription, with a reason; its doses stop falling due. */
    @PatientDataAccess(resource = Resource.PRESCRIPTION, action = AuditAction.WRITE)
    public PrescriptionView stop(NhsNumber patient, long prescriptionId, @Valid StopPrescription stop) {
        Withholding withholding = access.withholdingFromStaff(currentCaller.require(), patient);
        Prescription prescription = ward.prescriptionForUpdate(patient, prescriptionId)
                .filter(p -> !withholding.withholds(EntryType.MEDICATION, p.category()))
                .orElseThrow(PrescriptionNotFoundException::new);
        EntryAuthor author = writer.author();
        if (!prescription.organisation().equals(author.organisation())) {
            throw new AccessDeniedException("Prescriptions are stopped by the organisation that wrote them", false);
        }
        Instant now = clock.now();
        if (prescription.stoppedAt() != null) {
            throw new PrescriptionStoppedException("This prescription was stopped already");
        }
        prescription.stop(author.username(), stop.reason().strip(), now);
        return PrescriptionView.of(prescription, now);
    }

    /**
     * An admission's prescriptions (stopped ones too), the patient's latest open admission when none is named; those in a
     * category the patient's consent withholds are counted, not shown.
     */
    @PatientDataAccess(resource = Resource.PRESCRIPTION, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public PrescriptionList prescriptionsOf(NhsNumber patient, Long admission) {
        long admissionId = admission == null ? hospital.latestOpenAdmission(patient).orElseThrow(AdmissionNotFoundException::new).id()
                : admissions.of(patient, admission).id();
        Withholding withholding = access.withholdingFromStaff(currentCaller.require(), patient);
        List<Prescription> all = ward.prescriptionsOf(List.of(admissionId));
        Instant now = clock.now();
        List<PrescriptionView> shown = all.stream().filter(p -> !withholding.withholds(EntryType.MEDICATION, p.category()))
                .map(p -> PrescriptionView.of(p, now)).toList();
        return new PrescriptionList(shown, all.size() - shown.size());
    }

    private record Checked(List<PrescribingAlert> alerts, boolean incomplete) {

        CheckOutcome outcome() {
            return new CheckOutcome(alerts.stream().map(AlertView::of).toList(), alerts.stream().anyMatch(PrescribingAlert::hardStop),
                    incomplete);
        }
    }

    private Checked checked(NhsNumber patient, Encounter admission, Prescription.Order order) {
        Withholding withholding = access.withholdingFromStaff(currentCaller.require(), patient);
        Instant now = clock.now();
        int withheld = 0;

        List<MedicineReconciliation> reconciliations = ward.reconciliationsOf(admission.id());
        Set<Long> reconciled = reconciliations.stream().filter(r -> r.source() == MedicineReconciliation.Source.HOSPITAL_RECORD)
                .map(MedicineReconciliation::sourceId).collect(Collectors.toSet());
        Set<Long> reconciledCare = reconciliations.stream().filter(r -> r.source() == MedicineReconciliation.Source.SOCIAL_CARE)
                .map(MedicineReconciliation::sourceId).collect(Collectors.toSet());
        List<Allergy> allergies = new ArrayList<>();
        List<Medication> recorded = new ArrayList<>();
        for (HospitalEntry entry : hospital.activeAllergiesAndMedications(patient)) {
            if (withholding.withholds(entry)) {
                withheld++;
            } else if (entry instanceof Allergy allergy) {
                allergies.add(allergy);
            } else if (entry instanceof Medication medication && !reconciled.contains(medication.id())) {
                recorded.add(medication);
            }
        }
        List<CareMedicine> careMedicines = new ArrayList<>();
        for (CareMedicine medicine : marChart.medicinesOf(patient, now)) {
            if (withholding.withholds(EntryType.MEDICATION_ADMINISTRATION, medicine.category())) {
                withheld++;
            } else if (!reconciledCare.contains(medicine.id())) {
                careMedicines.add(medicine);
            }
        }
        List<Prescription> prescribed = new ArrayList<>();
        for (Prescription prescription : ward.activePrescriptionsOf(patient, now)) {
            if (withholding.withholds(EntryType.MEDICATION, prescription.category())) {
                withheld++;
            } else {
                prescribed.add(prescription);
            }
        }

        Set<String> names = new HashSet<>();
        recorded.forEach(m -> names.add(m.title()));
        careMedicines.forEach(m -> names.add(m.medicine()));
        Map<String, Medicine> coded = terms.medicinesNamed(names).stream()
                .collect(Collectors.toMap(m -> m.name().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
        List<CurrentMedicine> current = new ArrayList<>();
        prescribed.forEach(p -> current.add(new CurrentMedicine(p.medicine().name(), "prescribed on this ward", p.medicine())));
        recorded.forEach(m -> current.add(new CurrentMedicine(m.title(), "on the record from " + m.organisation().value(),
                coded.get(m.title().toLowerCase(Locale.ROOT)))));
        careMedicines.forEach(m -> current.add(new CurrentMedicine(m.medicine(), "on the social care MAR chart",
                coded.get(m.medicine().toLowerCase(Locale.ROOT)))));

        Map<String, Set<String>> classes = terms.allergyClassesOf(allergies.stream().map(Allergy::title).toList());
        List<KnownAllergy> known = allergies.stream()
                .map(a -> new KnownAllergy(a.title(), classes.getOrDefault(a.title().strip().toLowerCase(Locale.ROOT), Set.of())))
                .toList();
        List<Medicine> codedCurrent = current.stream().map(CurrentMedicine::coded).filter(m -> m != null).toList();
        List<PrescribingAlert> alerts = new ArrayList<>(PrescribingChecks.check(order, known, current,
                terms.interactionsWith(order.medicine(), codedCurrent)));
        if (withheld > 0) {
            alerts.add(new PrescribingAlert(PrescribingAlert.Kind.CHECKS_INCOMPLETE, PrescribingAlert.Level.WARNING, false,
                    "The patient's consent withholds " + withheld + " of their allergies or medicines from you: these checks may be"
                    + " incomplete. Ask the patient, or a colleague who may see the whole record"));
        }
        return new Checked(alerts, withheld > 0);
    }

    /** The prescription as the formulary and the kind of prescription say it must be. */
    private Prescription.Order order(NewPrescription p) {
        Medicine medicine = terms.medicine(p.medicine())
                .orElseThrow(() -> InvalidInputException.of("medicine", "not in the formulary: choose the medicine by its dm+d name"));
        List<LocalTime> times = p.timesOfDay() == null ? List.of() : p.timesOfDay().stream().distinct().sorted().toList();
        AsRequiredLimits limits = null;
        switch (p.kind()) {
            case REGULAR -> {
                if (times.isEmpty()) {
                    throw InvalidInputException.of("timesOfDay", "a regular prescription needs the times of day it is due");
                }
            }
            case AS_REQUIRED -> {
                if (!times.isEmpty()) {
                    throw InvalidInputException.of("timesOfDay", "an as-required prescription has no set times");
                }
                if (p.minimumIntervalMinutes() == null || p.mostPer24Hours() == null) {
                    throw InvalidInputException.of(p.minimumIntervalMinutes() == null ? "minimumIntervalMinutes" : "mostPer24Hours",
                            "an as-required prescription needs its minimum interval and the most doses in 24 hours");
                }
                limits = new AsRequiredLimits(p.minimumIntervalMinutes(), p.mostPer24Hours());
            }
            case ONCE_ONLY -> {
                if (!times.isEmpty()) {
                    throw InvalidInputException.of("timesOfDay", "a once-only prescription is given once, at its start");
                }
            }
        }
        Instant now = clock.now();
        Instant starts = p.startsAt() == null ? now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) : p.startsAt();
        if (starts.isBefore(now.minus(java.time.Duration.ofDays(1)))) {
            throw InvalidInputException.of("startsAt", "a prescription starts now or later (at most a day back, for a dose already given)");
        }
        if (p.endsAt() != null && !p.endsAt().isAfter(starts)) {
            throw InvalidInputException.of("endsAt", "must be after the start");
        }
        if (p.reviewOn() != null && p.reviewOn().isBefore(LocalDate.ofInstant(starts, UkClock.ZONE))) {
            throw InvalidInputException.of("reviewOn", "must be on or after the start");
        }
        String route = p.route() == null || p.route().isBlank() ? medicine.route() : p.route().strip();
        // a medicine that reveals a sensitive condition (an antidepressant, an HIV medicine) is filed under it whatever was chosen
        DataCategory category = SensitiveContent.fileUnder(p.category(), medicine.name());
        String indication = p.indication() == null || p.indication().isBlank() ? null : p.indication().strip();
        return new Prescription.Order(medicine, p.kind(), p.dose(), route, times, limits, starts, p.endsAt(), p.reviewOn(), indication,
                category);
    }

    public static class PrescriptionNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public PrescriptionNotFoundException() {
            super("This patient has no prescription with that id");
        }
    }

    public static class PrescriptionStoppedException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public PrescriptionStoppedException(String message) {
            super(message);
        }
    }
}

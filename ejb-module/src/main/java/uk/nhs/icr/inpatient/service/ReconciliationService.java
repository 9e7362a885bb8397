package uk.nhs.icr.inpatient.service;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.consent.Withholding;
import uk.nhs.icr.hospital.Encounter;
import uk.nhs.icr.hospital.HospitalEntry;
import uk.nhs.icr.hospital.HospitalRecordRepository;
import uk.nhs.icr.hospital.Medication;
import uk.nhs.icr.inpatient.InpatientStay;
import uk.nhs.icr.inpatient.MedicineReconciliation;
import uk.nhs.icr.inpatient.MedicineReconciliation.Decision;
import uk.nhs.icr.inpatient.MedicineReconciliation.Source;
import uk.nhs.icr.inpatient.Prescription;
import uk.nhs.icr.inpatient.WardRecords;
import uk.nhs.icr.inpatient.service.PrescribingService.PrescriptionView;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.DatabaseFailures;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.service.RecordWriter;
import uk.nhs.icr.socialcare.CareMedicine;
import uk.nhs.icr.socialcare.MarChart;

/**
 * Medicines reconciliation at admission (NICE NG5): the medicines the patient came in on (their GP's and the hospital's
 * record, and the social care MAR chart) beside what is prescribed on the ward; each one continued, changed or stopped with a
 * reason, continued and changed ones tied to the prescription that carries them on. When none is left undecided the stay is
 * reconciled and the ward list says so.
 */
@Stateless
public class ReconciliationService {

    public record ReconcileMedicine(@Required Source source,
                                    @Required @Positive @Label("source id") Long sourceId,
                                    @Required Decision decision,
                                    @Text(max = 500) String reason,
                                    @Positive @Label("prescription") Long prescriptionId) {
    }

    /** A medicine the patient came in on, and what was decided about it (nothing yet: decision null). */
    public record CameInOn(String source, long sourceId, String medicine, String details, String from, String decision, String reason,
                           Long prescriptionId, String decidedBy, Instant decidedAt) implements Serializable {
    }

    public record Reconciliation(long admissionId, String status, Instant reconciledAt, List<CameInOn> cameInOn,
                                 List<PrescriptionView> prescribed, int withheld) implements Serializable {
    }

    @Inject
    WardRecords ward;

    @Inject
    HospitalRecordRepository hospital;

    @Inject
    Admissions admissions;

    @Inject
    MarChart marChart;

    @Inject
    AccessControl access;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    RecordWriter writer;

    @Inject
    UkClock clock;

    /** The two lists side by side, with the status: not started, in progress or complete. */
    @PatientDataAccess(resource = Resource.MEDICINES_RECONCILIATION, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Reconciliation reconciliationOf(NhsNumber patient, long admissionId) {
        Encounter admission = admissions.of(patient, admissionId);
        return view(patient, admission, listed(patient, admission));
    }

    /** Decides one medicine the patient came in on; the last one decided completes the reconciliation. */
    @PatientDataAccess(resource = Resource.MEDICINES_RECONCILIATION, action = AuditAction.RECORD)
    public Reconciliation decide(NhsNumber patient, long admissionId, @Valid ReconcileMedicine decision) {
        Encounter admission = admissions.openHere(patient, admissionId, "reconcile its medicines");
        Listed listed = listed(patient, admission);
        CameInOn item = listed.items().stream()
                .filter(i -> i.source().equals(Codes.of(decision.source())) && i.sourceId() == decision.sourceId())
                .findFirst()
                .orElseThrow(() -> InvalidInputException.of("sourceId", "not a medicine this patient came in on that you may see"));
        if (item.decision() != null) {
            throw new AlreadyReconciledException("this medicine was " + item.decision() + " already, by " + item.decidedBy());
        }
        String reason = decision.reason() == null || decision.reason().isBlank() ? null : decision.reason().strip();
        if (decision.decision() != Decision.CONTINUED && reason == null) {
            throw InvalidInputException.of("reason", "say why it is " + Codes.phrase(decision.decision()));
        }
        Long prescriptionId = null;
        if (decision.decision() == Decision.STOPPED) {
            if (decision.prescriptionId() != null) {
                throw InvalidInputException.of("prescriptionId", "a medicine stopped leads to no prescription");
            }
        } else {
            if (decision.prescriptionId() == null) {
                throw InvalidInputException.of("prescriptionId", "name the prescription that carries it on in hospital");
            }
            Prescription prescription = ward.prescription(patient, decision.prescriptionId())
                    .filter(p -> p.admissionId().equals(admission.id()) && p.stoppedAt() == null)
                    .orElseThrow(() -> InvalidInputException.of("prescriptionId", "not a current prescription on this admission"));
            prescriptionId = prescription.id();
        }
        Instant now = clock.now();
        String by = writer.author().username();
        try {
            ward.add(new MedicineReconciliation(admission.id(), decision.source(), decision.sourceId(), item.medicine(),
                    decision.decision(), reason, prescriptionId, by, now));
            ward.flush();
        } catch (PersistenceException e) {
            if (DatabaseFailures.isUniqueViolation(e)) {
                throw new AlreadyReconciledException("this medicine was decided a moment ago");
            }
            throw e;
        }
        Listed after = listed(patient, admission);
        if (after.items().stream().allMatch(i -> i.decision() != null)) {
            ward.stay(admission.id()).filter(stay -> stay.reconciledAt() == null).ifPresent(stay -> stay.reconciled(by, now));
        }
        return view(patient, admission, after);
    }

    /** Completes a reconciliation with nothing left to decide (a patient who came in on no medicines, say). */
    @PatientDataAccess(resource = Resource.MEDICINES_RECONCILIATION, action = AuditAction.RECORD)
    public Reconciliation complete(NhsNumber patient, long admissionId) {
        Encounter admission = admissions.openHere(patient, admissionId, "reconcile its medicines");
        Listed listed = listed(patient, admission);
        long pending = listed.items().stream().filter(i -> i.decision() == null).count();
        if (pending > 0) {
            throw new AlreadyReconciledException(pending + " medicine(s) the patient came in on are still to be decided");
        }
        InpatientStay stay = ward.stay(admission.id())
                .orElseThrow(() -> InvalidInputException.of("admissionId", "put the patient on a ward first: the ward list shows it"));
        if (stay.reconciledAt() == null) {
            stay.reconciled(writer.author().username(), clock.now());
        }
        return view(patient, admission, listed);
    }

    private record Listed(List<CameInOn> items, int withheld) {
    }

    private Listed listed(NhsNumber patient, Encounter admission) {
        Withholding withholding = access.withholdingFromStaff(currentCaller.require(), patient);
        Map<String, MedicineReconciliation> decided = ward.reconciliationsOf(admission.id()).stream()
                .collect(Collectors.toMap(r -> Codes.of(r.source()) + ":" + r.sourceId(), Function.identity()));
        List<CameInOn> items = new ArrayList<>();
        int withheld = 0;
        for (HospitalEntry entry : hospital.activeAllergiesAndMedications(patient)) {
            if (!(entry instanceof Medication medication)) {
                continue;
            }
            if (withholding.withholds(entry)) {
                withheld++;
                continue;
            }
            items.add(item(Source.HOSPITAL_RECORD, medication.id(), medication.title(), String.join(", ", nonBlank(medication.dose(),
                    medication.route(), medication.frequency())), medication.organisation().value(), decided));
        }
        for (CareMedicine medicine : marChart.medicinesOf(patient, admission.occurredAt())) {
            if (withholding.withholds(EntryType.MEDICATION_ADMINISTRATION, medicine.category())) {
                withheld++;
                continue;
            }
            String when = medicine.asRequired() ? "as required" : medicine.timesOfDay().toString();
            items.add(item(Source.SOCIAL_CARE, medicine.id(), medicine.medicine(), String.join(", ", nonBlank(medicine.dose(),
                    medicine.route(), when)), medicine.provider().value(), decided));
        }
        // a line decided and since gone from the record (stopped by the GP) still shows what was decided
        for (MedicineReconciliation done : decided.values()) {
            boolean shown = items.stream().anyMatch(i -> i.source().equals(Codes.of(done.source())) && i.sourceId() == done.sourceId());
            if (!shown) {
                items.add(new CameInOn(Codes.of(done.source()), done.sourceId(), done.medicine(), null, null, Codes.phrase(done.decision()),
                        done.reason(), done.prescriptionId(), done.decidedBy(), done.decidedAt()));
            }
        }
        return new Listed(items, withheld);
    }

    private static CameInOn item(Source source, long id, String medicine, String details, String from,
                                 Map<String, MedicineReconciliation> decided) {
        MedicineReconciliation done = decided.get(Codes.of(source) + ":" + id);
        return done == null ? new CameInOn(Codes.of(source), id, medicine, details, from, null, null, null, null, null)
                : new CameInOn(Codes.of(source), id, medicine, details, from, Codes.phrase(done.decision()), done.reason(),
                done.prescriptionId(), done.decidedBy(), done.decidedAt());
    }

    private static List<String> nonBlank(String... values) {
        List<String> kept = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                kept.add(value);
            }
        }
        return kept;
    }

    private Reconciliation view(NhsNumber patient, Encounter admission, Listed listed) {
        Instant now = clock.now();
        Withholding withholding = access.withholdingFromStaff(currentCaller.require(), patient);
        List<PrescriptionView> prescribed = ward.prescriptionsOf(List.of(admission.id())).stream()
                .filter(p -> !withholding.withholds(EntryType.MEDICATION, p.category()))
                .map(p -> PrescriptionView.of(p, now)).toList();
        Optional<Instant> reconciledAt = ward.stay(admission.id()).map(stay -> stay.reconciledAt());
        long pending = listed.items().stream().filter(i -> i.decision() == null).count();
        boolean anyDecided = listed.items().stream().anyMatch(i -> i.decision() != null);
        String status = reconciledAt.isPresent() && reconciledAt.get() != null || pending == 0 && anyDecided ? "complete"
                : anyDecided ? "in progress" : "not started";
        return new Reconciliation(admission.id(), status, reconciledAt.orElse(null), listed.items(), prescribed, listed.withheld());
    }

    public static class AlreadyReconciledException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public AlreadyReconciledException(String why) {
            super(sentence(why));
        }
    }
}

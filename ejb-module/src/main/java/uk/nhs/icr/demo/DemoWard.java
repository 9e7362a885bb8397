package uk.nhs.icr.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.hospital.Allergy;
import uk.nhs.icr.hospital.Encounter;
import uk.nhs.icr.hospital.HospitalRecordRepository;
import uk.nhs.icr.hospital.TreatmentPlan;
import uk.nhs.icr.inpatient.DoseAdministration;
import uk.nhs.icr.inpatient.InpatientStay;
import uk.nhs.icr.inpatient.Prescription;
import uk.nhs.icr.inpatient.Ward;
import uk.nhs.icr.inpatient.WardRecords;
import uk.nhs.icr.inpatient.WardTask;
import uk.nhs.icr.patient.service.PatientRegistration;
import uk.nhs.icr.platform.AsRequiredLimits;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.terminology.CodedTerms;
import uk.nhs.icr.terminology.Medicine;

/**
 * Oak Ward at Northgate, mid-stay: ten of the demo patients admitted there, each in a bed with a plan and tasks (some overdue),
 * an expected date of discharge (two medically fit), medicines reconciled for half, and a medicines chart with yesterday's doses
 * given and today's partly given, refused or missed (a Parkinson's dose overdue, a controlled drug witnessed). The patient in
 * bed 1 is allergic to penicillin: prescribing amoxicillin for them is the hard stop to try. Added unless those admissions are on a
 * ward already.
 */
@Stateless
public class DemoWard {

    private static final Logger LOG = Logger.getLogger(DemoWard.class.getName());

    static final OdsCode NORTHGATE = new OdsCode("RXA");
    static final int BEDS = 10;
    private static final EntryAuthor DOCTOR = new EntryAuthor("clinician.northgate", "Dr Priya Mistry", NORTHGATE);
    private static final EntryAuthor NURSE = new EntryAuthor("nurse.northgate", "Nurse Jack Evans", NORTHGATE);
    private static final EntryAuthor WITNESS = new EntryAuthor("nurse.oak", "Nurse Sam Patel", NORTHGATE);

    private record Regular(String medicine, String dose, List<LocalTime> times) {
    }

    @Inject
    WardRecords ward;

    @Inject
    HospitalRecordRepository hospital;

    @Inject
    CodedTerms terms;

    @Inject
    UkClock clock;

    public int addOakWard(List<PatientRegistration> register) {
        Optional<Ward> oak = ward.ward(NORTHGATE, "OAK");
        if (oak.isEmpty()) {
            return 0;
        }
        LocalDate today = clock.today();
        Instant now = clock.now();
        List<Encounter> admissions = new ArrayList<>();
        for (int index = 0; index < register.size() && admissions.size() < BEDS; index += 20) {
            PatientRegistration patient = register.get(index);
            if (Period.between(patient.birthDate(), today).getYears() < 18) {
                continue;
            }
            hospital.latestOpenAdmission(patient.nhsNumber()).filter(a -> a.organisation().equals(NORTHGATE)).ifPresent(admissions::add);
        }
        // the demo's admissions on the ward already (a restart): nothing to add
        if (admissions.stream().anyMatch(admission -> ward.stay(admission.id()).isPresent())) {
            return 0;
        }
        for (int bed = 0; bed < admissions.size(); bed++) {
            Encounter admission = admissions.get(bed);
            InpatientStay stay = new InpatientStay(admission.id(), admission.patient(), oak.get(), "B" + (bed + 1), admission.occurredAt());
            stay.planDischarge(today.plusDays(1 + bed % 5), "Off oxygen for 24 hours; eating and drinking; walking to the bathroom",
                    bed % 5 == 3);
            if (bed % 2 == 0) {
                stay.reconciled(DOCTOR.username(), admission.occurredAt().plus(Duration.ofHours(6)));
            }
            ward.add(stay);
            hospital.add(TreatmentPlan.ofAdmission(admission, admission.details(), "Recovered enough to go home safely",
                    "Treatment for " + admission.details().toLowerCase(java.util.Locale.ROOT) + "; observations four-hourly; physiotherapy",
                    DOCTOR.name(), today.plusDays(bed % 3), DOCTOR, admission.occurredAt().plus(Duration.ofHours(2))));
            ward.add(new WardTask(admission.id(), admission.patient(), "Observations (NEWS2)", WardTask.Kind.OBSERVATIONS, StaffRole.NURSE,
                    now.minus(Duration.ofMinutes(bed % 3 == 0 ? 50 : -40)), DOCTOR.username(), now.minus(Duration.ofHours(6))));
            ward.add(new WardTask(admission.id(), admission.patient(), "Consultant review", WardTask.Kind.REVIEW,
                    StaffRole.HOSPITAL_CLINICIAN, today.plusDays(1).atTime(10, 0).atZone(UkClock.ZONE).toInstant(), DOCTOR.username(),
                    now.minus(Duration.ofHours(6))));
            if (bed == 0) {
                hospital.add(new Allergy(admission.patient(), "Penicillin", "Urticaria and facial swelling", Allergy.Severity.SEVERE,
                        admission.occurredAt().minus(Duration.ofDays(3000)), DOCTOR, admission.occurredAt()));
            }
            chart(admission, bed, now);
        }
        int added = admissions.size();
        LOG.info(() -> "Demo data: " + added + " patients were put on Oak Ward with plans and medicines charts");
        return added;
    }

    /**
     * The bed's prescriptions (from two days ago) and their doses until now: given (a controlled drug witnessed), now and then
     * refused, with bed 2's latest Parkinson's dose missed; later today's are due.
     */
    private void chart(Encounter admission, int bed, Instant now) {
        Instant start = now.minus(Duration.ofDays(2));
        List<Regular> regulars = new ArrayList<>(List.of(
                new Regular("Paracetamol 500mg tablets", "1000", List.of(LocalTime.of(6, 0), LocalTime.of(12, 0), LocalTime.of(18, 0),
                        LocalTime.of(22, 0))),
                new Regular("Enoxaparin sodium 40mg/0.4ml solution for injection pre-filled syringes", "40", List.of(LocalTime.of(18, 0)))));
        switch (bed) {
            case 1 -> regulars.add(new Regular("Co-careldopa 25mg/100mg tablets", "1", List.of(LocalTime.of(7, 0), LocalTime.of(11, 0),
                    LocalTime.of(15, 0), LocalTime.of(19, 0))));
            case 2 -> regulars.add(new Regular("Insulin glargine 100units/ml solution for injection 3ml pre-filled pens", "18",
                    List.of(LocalTime.of(21, 0))));
            case 3 -> regulars.add(new Regular("Morphine sulfate 10mg modified-release tablets", "10", List.of(LocalTime.of(8, 0),
                    LocalTime.of(20, 0))));
            default -> regulars.add(new Regular("Amlodipine 5mg tablets", "5", List.of(LocalTime.of(8, 0))));
        }
        int n = 0;
        for (Regular regular : regulars) {
            Optional<Medicine> medicine = terms.medicine(regular.medicine());
            if (medicine.isEmpty()) {
                continue;
            }
            Prescription prescription = prescribe(admission, new Prescription.Order(medicine.get(), Prescription.Kind.REGULAR,
                    new BigDecimal(regular.dose()), medicine.get().route(), regular.times(), null, start, null, null, null,
                    DataCategory.GENERAL), start);
            List<Instant> due = prescription.dosesDue(start, now, UkClock.ZONE);
            // bed 2's latest Parkinson's dose more than 35 minutes ago is not recorded: overdue on the ward list
            Instant missed = bed == 1 && medicine.get().timeCritical() ? due.stream()
                    .filter(at -> at.isBefore(now.minus(Duration.ofMinutes(35)))).reduce((a, b) -> b).orElse(null) : null;
            for (Instant at : due) {
                n++;
                if (at.equals(missed) || at.isAfter(now.minus(Duration.ofMinutes(30))) && n % 2 == 0) {
                    continue;
                }
                if ((bed + n) % 9 == 0) {
                    ward.record(DoseAdministration.notGiven(prescription.id(), at, DoseAdministration.Outcome.NOT_GIVEN,
                            DoseAdministration.Reason.PATIENT_REFUSED, NURSE, "Said they felt sick; offered again later", at));
                } else {
                    ward.record(DoseAdministration.given(prescription.id(), at, prescription.dose(), at.plus(Duration.ofMinutes(10)), NURSE,
                            medicine.get().controlledDrug() ? WITNESS : null, null, at.plus(Duration.ofMinutes(10))));
                }
            }
        }
        terms.medicine("Paracetamol 500mg tablets").ifPresent(paracetamol -> prescribe(admission, new Prescription.Order(paracetamol,
                Prescription.Kind.AS_REQUIRED, new BigDecimal("500"), "oral", List.of(), new AsRequiredLimits(240, 2), start, null, null,
                null, DataCategory.GENERAL), start));
    }

    private Prescription prescribe(Encounter admission, Prescription.Order order, Instant at) {
        Prescription prescription = new Prescription(admission.id(), admission.patient(), order, DOCTOR, at, List.of(), null, false);
        ward.add(prescription);
        ward.flush();
        return prescription;
    }
}

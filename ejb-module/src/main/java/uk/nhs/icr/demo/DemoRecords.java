package uk.nhs.icr.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.hospital.Allergy;
import uk.nhs.icr.hospital.BloodTestResult;
import uk.nhs.icr.hospital.ClinicalAlert;
import uk.nhs.icr.hospital.Encounter;
import uk.nhs.icr.hospital.HospitalEntry;
import uk.nhs.icr.hospital.Medication;
import uk.nhs.icr.hospital.Problem;
import uk.nhs.icr.hospital.Referral;
import uk.nhs.icr.hospital.TreatmentPlan;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.service.PatientRegistration;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.socialcare.Allocation;
import uk.nhs.icr.socialcare.CarePlan;
import uk.nhs.icr.socialcare.CareVisit;
import uk.nhs.icr.socialcare.Contact;
import uk.nhs.icr.socialcare.MedicationAdministration;
import uk.nhs.icr.socialcare.NeedsAssessment;
import uk.nhs.icr.socialcare.SafeguardingConcern;
import uk.nhs.icr.socialcare.SocialCareEntry;

/**
 * Generates a plausible hospital and social-care history for each demo patient: results, problems,
 * medications, allergies, encounters, plans, and for people known to social care, assessments, plans,
 * visits and medication rounds. A patient's history depends only on the seed and their NHS number, so it
 * is the same on every machine and a half-finished load can be completed patient by patient. Every
 * {@link #LONG_RECORD_EVERY}th patient has a long record (hundreds of entries), as frail people with daily
 * home care do.
 */
final class DemoRecords {

    /** Histories end here, so two machines generate the same times whatever the day they start. */
    static final Instant ANCHOR = Instant.parse("2026-11-20T09:00:00Z");
    static final int LONG_RECORD_EVERY = 50;

    record History(List<HospitalEntry> hospital, List<SocialCareEntry> socialCare) {

        int size() {
            return hospital.size() + socialCare.size();
        }
    }

    private record Test(String name, String unit, double low, double high, double mean, double spread) {
    }

    private record Diagnosis(String snomed, String display, DataCategory category) {
    }

    private record Drug(String name, String dose, String route, String frequency, Medication.Course course) {
    }

    private static final List<Test> TESTS = List.of(
            new Test("Haemoglobin", "g/L", 120, 170, 140, 16),
            new Test("Sodium", "mmol/L", 133, 146, 139, 4),
            new Test("Potassium", "mmol/L", 3.5, 5.3, 4.4, 0.5),
            new Test("Creatinine", "umol/L", 59, 104, 85, 25),
            new Test("HbA1c", "mmol/mol", 20, 41, 42, 12),
            new Test("Total cholesterol", "mmol/L", 0, 5, 4.9, 1.1),
            new Test("C-reactive protein", "mg/L", 0, 5, 4, 6),
            new Test("White cell count", "10^9/L", 4, 11, 7.5, 2.5),
            new Test("Platelets", "10^9/L", 150, 400, 260, 70),
            new Test("TSH", "mU/L", 0.27, 4.2, 2.1, 1.3));

    private static final List<Diagnosis> DIAGNOSES = List.of(
            new Diagnosis("38341003", "Hypertension", DataCategory.GENERAL),
            new Diagnosis("44054006", "Type 2 diabetes mellitus", DataCategory.GENERAL),
            new Diagnosis("195967001", "Asthma", DataCategory.GENERAL),
            new Diagnosis("13645005", "Chronic obstructive pulmonary disease", DataCategory.GENERAL),
            new Diagnosis("396275006", "Osteoarthritis", DataCategory.GENERAL),
            new Diagnosis("49436004", "Atrial fibrillation", DataCategory.GENERAL),
            new Diagnosis("709044004", "Chronic kidney disease", DataCategory.GENERAL),
            new Diagnosis("40930008", "Hypothyroidism", DataCategory.GENERAL),
            new Diagnosis("52448006", "Dementia", DataCategory.MENTAL_HEALTH),
            new Diagnosis("35489007", "Depressive disorder", DataCategory.MENTAL_HEALTH),
            new Diagnosis("197480006", "Anxiety disorder", DataCategory.MENTAL_HEALTH),
            new Diagnosis("105629000", "Chlamydial infection", DataCategory.SEXUAL_HEALTH));

    private static final List<Drug> DRUGS = List.of(
            new Drug("Amlodipine 5mg tablets", "5 mg", "oral", "once daily", Medication.Course.REPEAT),
            new Drug("Metformin 500mg tablets", "500 mg", "oral", "twice daily", Medication.Course.REPEAT),
            new Drug("Salbutamol 100micrograms/dose inhaler", "2 puffs", "inhaled", "when required", Medication.Course.REPEAT),
            new Drug("Atorvastatin 20mg tablets", "20 mg", "oral", "at night", Medication.Course.REPEAT),
            new Drug("Sertraline 50mg tablets", "50 mg", "oral", "once daily", Medication.Course.REPEAT),
            new Drug("Levothyroxine 50micrograms tablets", "50 micrograms", "oral", "once daily", Medication.Course.REPEAT),
            new Drug("Ramipril 5mg capsules", "5 mg", "oral", "once daily", Medication.Course.REPEAT),
            new Drug("Apixaban 5mg tablets", "5 mg", "oral", "twice daily", Medication.Course.REPEAT),
            new Drug("Amoxicillin 500mg capsules", "500 mg", "oral", "three times a day for 5 days", Medication.Course.ACUTE),
            new Drug("Paracetamol 500mg tablets", "1 g", "oral", "four times a day when required", Medication.Course.ACUTE));

    private static final String[][] ALLERGIES = {
        {"Penicillin", "Widespread rash"}, {"Peanut", "Anaphylaxis"}, {"Latex", "Urticaria"},
        {"Ibuprofen", "Bronchospasm"}, {"Codeine", "Vomiting"}, {"Elastoplast", "Skin irritation"}
    };

    private static final String[] OUTPATIENT_REASONS = {
        "Cardiology review", "Diabetes clinic", "Respiratory clinic", "Orthopaedic follow-up", "Memory clinic",
        "Ophthalmology: cataract assessment", "Renal clinic", "Falls clinic"
    };
    private static final String[] EMERGENCY_REASONS = {
        "Fall at home, wrist pain", "Chest pain, troponin negative", "Shortness of breath", "Head injury, no loss of consciousness",
        "Urinary tract infection with confusion"
    };
    private static final String[] ADMISSION_REASONS = {
        "Community-acquired pneumonia", "Fractured neck of femur after a fall", "Exacerbation of COPD",
        "Acute kidney injury", "Heart failure, fluid overload"
    };
    private static final String[] CARE_TASKS = {
        "Personal care; breakfast prepared; medication prompted", "Assisted to wash and dress; lunch prepared",
        "Evening meal; medication given; settled to bed", "Shopping collected; light housework; welfare check",
        "Pressure areas checked; fluids encouraged; commode emptied"
    };
    private static final String[] VISIT_NOTES = {
        null, null, null, "In good spirits.", "Appetite reduced today.", "Reported pain in left knee; family informed.",
        "Slightly confused this morning; settled later.", "Key safe code changed by family."
    };
    private static final String[] SAFEGUARDING = {"Self-neglect", "Financial abuse", "Neglect by carer", "Domestic abuse"};

    private static final EntryAuthor NORTHGATE = new EntryAuthor("clinician.northgate", "Dr Priya Mistry", new OdsCode("RXA"));
    private static final EntryAuthor NORTHGATE_NURSE = new EntryAuthor("nurse.northgate", "Nurse Jack Evans", new OdsCode("RXA"));
    private static final EntryAuthor RIVERSIDE = new EntryAuthor("clinician.riverside", "Dr Wei Chen", new OdsCode("RXB"));
    private static final EntryAuthor SOCIAL_WORKER = new EntryAuthor("social.worker", "Callum Reid", new OdsCode("LA001"));
    private static final EntryAuthor CARE_WORKER = new EntryAuthor("care.worker", "Maja Nowak", new OdsCode("CP001"));

    private DemoRecords() {
    }

    /**
     * The history of the demo patient at {@code index} in the generated register. Patients with an open
     * demo admission at Northgate (every 20th, see {@link DemoDataService}) get an open admission
     * encounter; those known to social care get a social care record.
     */
    static History history(int index, PatientRegistration patient, long seed) {
        NhsNumber number = patient.nhsNumber();
        Random random = new Random(seed ^ Long.parseLong(number.value()));
        boolean longRecord = index % LONG_RECORD_EVERY == 7;
        int age = Period.between(patient.birthDate(), ANCHOR.atZone(ZoneOffset.UTC).toLocalDate()).getYears();
        EntryAuthor gp = gpAt(patient.gpPracticeOdsCode().value());

        List<HospitalEntry> hospital = new ArrayList<>();
        int results = longRecord ? 120 : 3 + random.nextInt(6);
        for (int i = 0; i < results; i++) {
            hospital.add(result(number, TESTS.get(random.nextInt(TESTS.size())), random, random.nextBoolean() ? gp : NORTHGATE_NURSE));
        }
        int problems = longRecord ? 6 : random.nextInt(3);
        for (int i = 0; i < problems; i++) {
            Diagnosis diagnosis = DIAGNOSES.get(random.nextInt(DIAGNOSES.size()));
            if (age < 16 && diagnosis.category() == DataCategory.SEXUAL_HEALTH) {
                continue;
            }
            Problem problem = new Problem(number, diagnosis.snomed(), diagnosis.display(), past(random, 3650), EntryStatus.ACTIVE, gp,
                    ANCHOR, null);
            problem.fileUnder(diagnosis.category());
            hospital.add(problem);
        }
        int medications = longRecord ? 8 : random.nextInt(3);
        for (int i = 0; i < medications; i++) {
            Drug drug = DRUGS.get(random.nextInt(DRUGS.size()));
            Medication medication = new Medication(number, drug.name(), drug.dose(), drug.route(), drug.frequency(), drug.course(),
                    drug.course() == Medication.Course.ACUTE ? EntryStatus.COMPLETED : EntryStatus.ACTIVE, past(random, 1500), gp, ANCHOR);
            if (drug.name().startsWith("Sertraline")) {
                medication.fileUnder(DataCategory.MENTAL_HEALTH);
            }
            hospital.add(medication);
        }
        if (random.nextInt(6) == 0 || longRecord) {
            String[] allergy = ALLERGIES[random.nextInt(ALLERGIES.length)];
            hospital.add(new Allergy(number, allergy[0], allergy[1],
                    allergy[1].equals("Anaphylaxis") ? Allergy.Severity.SEVERE : Allergy.Severity.MODERATE, past(random, 5000), gp, ANCHOR));
        }
        int encounters = longRecord ? 20 : random.nextInt(3);
        for (int i = 0; i < encounters; i++) {
            boolean emergency = random.nextInt(3) == 0;
            hospital.add(new Encounter(number, emergency ? Encounter.Kind.EMERGENCY : Encounter.Kind.OUTPATIENT, past(random, 1800),
                    emergency ? NORTHGATE : RIVERSIDE, ANCHOR,
                    emergency ? pick(EMERGENCY_REASONS, random) : pick(OUTPATIENT_REASONS, random)));
        }
        if (random.nextInt(8) == 0 || longRecord) {
            hospital.add(new Referral(number, "Cardiology, Riverside University Hospitals", "Palpitations and breathlessness on exertion",
                    past(random, 400), gp, ANCHOR));
        }
        if (longRecord || random.nextInt(10) == 0) {
            hospital.add(new TreatmentPlan(number, "Long-term conditions plan", "HbA1c below 53 mmol/mol; blood pressure below 140/90",
                    "Annual review; six-monthly bloods; structured education", gp.name(),
                    ANCHOR.atZone(ZoneOffset.UTC).toLocalDate().plusMonths(3 + random.nextInt(9)), past(random, 300), gp, ANCHOR));
        }
        if (age >= 80 && random.nextInt(3) == 0) {
            hospital.add(new ClinicalAlert(number, ClinicalAlert.Kind.DNACPR,
                    "Do not attempt cardiopulmonary resuscitation: decision discussed with patient and family", past(random, 700), gp, ANCHOR));
        }
        if (index % 20 == 0) {
            hospital.add(new Encounter(number, Encounter.Kind.ADMISSION, ANCHOR.minus(Duration.ofDays(1 + random.nextInt(9))), NORTHGATE,
                    ANCHOR, pick(ADMISSION_REASONS, random)));
        }

        List<SocialCareEntry> social = new ArrayList<>();
        boolean knownToSocialCare = index % 20 == 2 || index % 20 == 3 || longRecord || random.nextInt(7) == 0;
        if (knownToSocialCare) {
            socialCareRecord(number, random, longRecord, social);
        }
        return new History(hospital, social);
    }

    private static void socialCareRecord(NhsNumber number, Random random, boolean longRecord, List<SocialCareEntry> social) {
        Instant assessed = past(random, 900);
        social.add(new Allocation(number, SOCIAL_WORKER.name(), CARE_WORKER.organisation(), assessed, SOCIAL_WORKER, ANCHOR));
        social.add(new NeedsAssessment(number, "Needs help with washing, dressing and preparing meals; lives alone",
                NeedsAssessment.Eligibility.ELIGIBLE, assessed.plus(Duration.ofDays(3)), SOCIAL_WORKER, ANCHOR));
        social.add(new CarePlan(number, "Personal care and meals", "Stay safely at home; keep in touch with family",
                "Home care twice daily (Homecare Partners); weekly day centre",
                ANCHOR.atZone(ZoneOffset.UTC).toLocalDate().plusMonths(1 + random.nextInt(11)), assessed.plus(Duration.ofDays(10)),
                SOCIAL_WORKER, ANCHOR));
        social.add(new Contact(number, "Family member", pick(new String[] {"Daughter", "Son", "Spouse", "Niece"}, random),
                "07700 900" + (100 + random.nextInt(900)), true, assessed, SOCIAL_WORKER, ANCHOR));
        int visits = longRecord ? 220 : 2 + random.nextInt(8);
        for (int i = 0; i < visits; i++) {
            Instant planned = ANCHOR.minus(Duration.ofHours(12L * (i + 1))).truncatedTo(ChronoUnit.HOURS);
            Instant start = planned.plus(Duration.ofMinutes(random.nextInt(40) - 5));
            social.add(new CareVisit(number, planned, planned.plus(Duration.ofMinutes(30)), start,
                    start.plus(Duration.ofMinutes(20 + random.nextInt(25))), pick(CARE_TASKS, random), pick(VISIT_NOTES, random),
                    CARE_WORKER, ANCHOR));
        }
        int rounds = longRecord ? 40 : random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            int roll = random.nextInt(20);
            MedicationAdministration.Outcome outcome = roll == 0 ? MedicationAdministration.Outcome.REFUSED
                    : roll == 1 ? MedicationAdministration.Outcome.MISSED : MedicationAdministration.Outcome.GIVEN;
            social.add(new MedicationAdministration(number, "Amlodipine 5mg tablets", "5 mg", outcome,
                    ANCHOR.minus(Duration.ofHours(24L * i + 8)), CARE_WORKER, ANCHOR));
        }
        if (random.nextInt(10) == 0 || longRecord) {
            social.add(new SafeguardingConcern(number, pick(SAFEGUARDING, random),
                    "Concern raised during a home visit; discussed with the person; enquiry opened", past(random, 200), SOCIAL_WORKER, ANCHOR));
        }
    }

    private static BloodTestResult result(NhsNumber number, Test test, Random random, EntryAuthor author) {
        double value = Math.max(0, test.mean() + random.nextGaussian() * test.spread());
        BigDecimal low = test.low() == 0 ? null : BigDecimal.valueOf(test.low());
        return new BloodTestResult(number, test.name(), BigDecimal.valueOf(value).setScale(test.spread() < 1 ? 2 : 1, RoundingMode.HALF_UP),
                test.unit(), low, BigDecimal.valueOf(test.high()), past(random, 1800), author, ANCHOR);
    }

    private static EntryAuthor gpAt(String practice) {
        return DemoDirectory.USERS.stream()
                .filter(user -> user.organisation().equals(practice) && user.role() == StaffRole.GP)
                .findFirst()
                .map(user -> new EntryAuthor(user.username(), user.displayName(), new OdsCode(practice)))
                .orElseGet(() -> new EntryAuthor("gp." + practice.toLowerCase(Locale.ROOT), "Practice GP", new OdsCode(practice)));
    }

    private static Instant past(Random random, int maxDays) {
        return ANCHOR.minus(Duration.ofMinutes(60L + random.nextInt(maxDays * 24 * 60)));
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}

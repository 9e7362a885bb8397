package uk.nhs.icr.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import uk.nhs.icr.access.CareEpisode;
import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.consent.ConsentDirective;
import uk.nhs.icr.consent.DataOptOut;
import uk.nhs.icr.consent.Provision;
import uk.nhs.icr.hospital.Allergy;
import uk.nhs.icr.hospital.BloodTestResult;
import uk.nhs.icr.hospital.ClinicalAlert;
import uk.nhs.icr.hospital.Encounter;
import uk.nhs.icr.hospital.HospitalEntry;
import uk.nhs.icr.hospital.Medication;
import uk.nhs.icr.hospital.Problem;
import uk.nhs.icr.hospital.Referral;
import uk.nhs.icr.hospital.TreatmentPlan;
import uk.nhs.icr.organdonation.Organ;
import uk.nhs.icr.organdonation.OrganDonationDecision;
import uk.nhs.icr.organdonation.OrganDonationDecision.Choice;
import uk.nhs.icr.organdonation.Representative;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.service.PatientRegistration;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.RecordedBy;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.VersionedDecision;
import uk.nhs.icr.prescriptions.RepeatTemplate;
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
 * older person in ten ({@link #longRecord}) has a long record (hundreds of entries), as frail people with daily
 * home care do.
 */
public final class DemoRecords {

    /** Histories end here, so two machines generate the same times whatever the day they start. */
    static final Instant ANCHOR = Instant.parse("2026-11-20T09:00:00Z");
    /** Results reported this long before the anchor have not been reviewed yet. */
    static final Duration AWAITING_REVIEW = Duration.ofDays(14);
    /** ICR's default release delay (icr.result-release-delay): an unreviewed result reaches the patient after it. */
    static final Duration RESULT_RELEASE_DELAY = Duration.ofDays(7);
    /** From this age, one person in ten has a long record (see {@link #longRecord}). */
    static final int FRAIL_FROM_AGE = 75;

    public record History(List<HospitalEntry> hospital, List<SocialCareEntry> socialCare) {

        public int size() {
            return hospital.size() + socialCare.size();
        }
    }

    private record Test(String name, String unit, double low, double high, double mean, double spread) {
    }

    private record Drug(String name, String dose, String route, String frequency, Medication.Course course) {

        /** Given at the evening visit rather than the morning one. */
        boolean atNight() {
            return frequency.equals("at night");
        }
    }

    /** A long-term condition: who has it (from what age), what it is treated with, and the tests it is watched by. */
    private record Condition(String snomed, String display, DataCategory category, int fromAge, List<Drug> treatment,
                             List<String> watchedBy) {
    }

    private static final Test HAEMOGLOBIN = new Test("Haemoglobin", "g/L", 120, 170, 140, 16);
    private static final Test SODIUM = new Test("Sodium", "mmol/L", 133, 146, 139, 4);
    private static final Test POTASSIUM = new Test("Potassium", "mmol/L", 3.5, 5.3, 4.4, 0.5);
    private static final Test CREATININE = new Test("Creatinine", "umol/L", 59, 104, 85, 25);
    private static final Test HBA1C = new Test("HbA1c", "mmol/mol", 20, 41, 42, 12);
    private static final Test CHOLESTEROL = new Test("Total cholesterol", "mmol/L", 0, 5, 4.9, 1.1);
    private static final Test CRP = new Test("C-reactive protein", "mg/L", 0, 5, 4, 6);
    private static final Test WHITE_CELLS = new Test("White cell count", "10^9/L", 4, 11, 7.5, 2.5);
    private static final Test PLATELETS = new Test("Platelets", "10^9/L", 150, 400, 260, 70);
    private static final Test TSH = new Test("TSH", "mU/L", 0.27, 4.2, 2.1, 1.3);

    /** A full blood count and inflammation: what anyone of any age may have taken. */
    private static final List<Test> ANYONE = List.of(HAEMOGLOBIN, WHITE_CELLS, PLATELETS, CRP);
    /** The routine bloods of an adult's health check. */
    private static final List<Test> ADULT = List.of(HAEMOGLOBIN, WHITE_CELLS, PLATELETS, CRP, SODIUM, POTASSIUM, CREATININE, CHOLESTEROL);
    private static final List<Test> ALL_TESTS = List.of(HAEMOGLOBIN, SODIUM, POTASSIUM, CREATININE, HBA1C, CHOLESTEROL, CRP, WHITE_CELLS,
            PLATELETS, TSH);

    private static final Drug AMLODIPINE = new Drug("Amlodipine 5mg tablets", "5 mg", "oral", "once daily", Medication.Course.REPEAT);
    private static final Drug RAMIPRIL = new Drug("Ramipril 5mg capsules", "5 mg", "oral", "once daily", Medication.Course.REPEAT);
    private static final Drug METFORMIN = new Drug("Metformin 500mg tablets", "500 mg", "oral", "twice daily", Medication.Course.REPEAT);
    private static final Drug ATORVASTATIN = new Drug("Atorvastatin 20mg tablets", "20 mg", "oral", "at night", Medication.Course.REPEAT);
    private static final Drug SALBUTAMOL = new Drug("Salbutamol 100micrograms/dose inhaler CFC free", "2 puffs", "inhaled",
            "when required", Medication.Course.REPEAT);
    private static final Drug APIXABAN = new Drug("Apixaban 5mg tablets", "5 mg", "oral", "twice daily", Medication.Course.REPEAT);
    private static final Drug LEVOTHYROXINE = new Drug("Levothyroxine sodium 50microgram tablets", "50 micrograms", "oral", "once daily",
            Medication.Course.REPEAT);
    private static final Drug SERTRALINE = new Drug("Sertraline 50mg tablets", "50 mg", "oral", "once daily", Medication.Course.REPEAT);
    private static final Drug DONEPEZIL = new Drug("Donepezil 5mg tablets", "5 mg", "oral", "at night", Medication.Course.REPEAT);
    private static final Drug PARACETAMOL = new Drug("Paracetamol 500mg tablets", "1 g", "oral", "four times a day when required",
            Medication.Course.REPEAT);
    private static final Drug AMOXICILLIN = new Drug("Amoxicillin 500mg capsules", "500 mg", "oral", "three times a day for 5 days",
            Medication.Course.ACUTE);

    private static final List<Condition> CONDITIONS = List.of(
            new Condition("195967001", "Asthma", DataCategory.GENERAL, 3, List.of(SALBUTAMOL), List.of()),
            new Condition("38341003", "Hypertension", DataCategory.GENERAL, 35, List.of(AMLODIPINE, RAMIPRIL),
                    List.of("Sodium", "Potassium", "Creatinine")),
            new Condition("44054006", "Type 2 diabetes mellitus", DataCategory.GENERAL, 35, List.of(METFORMIN, ATORVASTATIN),
                    List.of("HbA1c", "Creatinine", "Total cholesterol")),
            new Condition("13645005", "Chronic obstructive pulmonary disease", DataCategory.GENERAL, 45, List.of(SALBUTAMOL), List.of()),
            new Condition("396275006", "Osteoarthritis", DataCategory.GENERAL, 50, List.of(PARACETAMOL), List.of()),
            new Condition("49436004", "Atrial fibrillation", DataCategory.GENERAL, 55, List.of(APIXABAN),
                    List.of("Haemoglobin", "Creatinine")),
            new Condition("709044004", "Chronic kidney disease", DataCategory.GENERAL, 55, List.of(),
                    List.of("Creatinine", "Potassium", "Haemoglobin")),
            new Condition("40930008", "Hypothyroidism", DataCategory.GENERAL, 20, List.of(LEVOTHYROXINE), List.of("TSH")),
            new Condition("52448006", "Dementia", DataCategory.MENTAL_HEALTH, 65, List.of(DONEPEZIL), List.of()),
            new Condition("35489007", "Depressive disorder", DataCategory.MENTAL_HEALTH, 16, List.of(SERTRALINE), List.of()),
            new Condition("197480006", "Anxiety disorder", DataCategory.MENTAL_HEALTH, 16, List.of(), List.of()),
            new Condition("105629000", "Chlamydial infection", DataCategory.SEXUAL_HEALTH, 16, List.of(), List.of()));

    private static final String[][] ALLERGIES = {
        {"Penicillin", "Widespread rash"}, {"Peanut", "Anaphylaxis"}, {"Latex", "Urticaria"},
        {"Ibuprofen", "Bronchospasm"}, {"Codeine", "Vomiting"}, {"Elastoplast", "Skin irritation"}
    };

    private static final String[] CHILD_OUTPATIENT_REASONS = {"Paediatric asthma clinic", "Paediatric review: recurrent tonsillitis",
        "Fracture clinic: forearm"};
    private static final String[] OUTPATIENT_REASONS = {"Cardiology review", "Respiratory clinic", "Orthopaedic follow-up",
        "Dermatology: mole check", "Gastroenterology: reflux"};
    private static final String[] OLDER_OUTPATIENT_REASONS = {"Memory clinic", "Falls clinic", "Ophthalmology: cataract assessment",
        "Renal clinic", "Cardiology review"};
    private static final String[] CHILD_EMERGENCY_REASONS = {"Fall from a trampoline, wrist pain", "High temperature and rash",
        "Wheeze, responded to salbutamol"};
    private static final String[] EMERGENCY_REASONS = {"Fall at home, wrist pain", "Chest pain, troponin negative", "Shortness of breath",
        "Head injury, no loss of consciousness"};
    private static final String[] OLDER_EMERGENCY_REASONS = {"Fall at home, wrist pain", "Urinary tract infection with confusion",
        "Shortness of breath", "Chest pain, troponin negative"};
    private static final String[] CHILD_ADMISSION_REASONS = {"Acute asthma", "Appendicitis", "Bronchiolitis"};
    private static final String[] ADMISSION_REASONS = {"Community-acquired pneumonia", "Appendicitis", "Cellulitis of the leg",
        "Acute kidney injury"};
    private static final String[] OLDER_ADMISSION_REASONS = {"Community-acquired pneumonia", "Fractured neck of femur after a fall",
        "Exacerbation of COPD", "Acute kidney injury", "Heart failure, fluid overload"};
    private static final String[] MORNING_TASKS = {"Assisted to wash and dress; breakfast prepared; medication given",
        "Personal care; breakfast prepared; pressure areas checked", "Assisted to shower; breakfast prepared; fluids encouraged"};
    private static final String[] EVENING_TASKS = {"Evening meal prepared; medication given; settled to bed",
        "Tea prepared; commode emptied; helped into night clothes", "Evening meal; fluids encouraged; curtains drawn and doors locked"};
    /** The UK local times of the two daily home-care visits. */
    private static final LocalTime MORNING_VISIT = LocalTime.of(8, 0);
    private static final LocalTime EVENING_VISIT = LocalTime.of(18, 0);
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
    public static History history(int index, PatientRegistration patient, long seed) {
        NhsNumber number = patient.nhsNumber();
        Random random = new Random(seed ^ Long.parseLong(number.value()));
        boolean longRecord = longRecord(index, patient);
        int age = ageOf(patient);
        EntryAuthor gp = gpAt(patient.gpPracticeOdsCode().value());
        List<HospitalEntry> hospital = new ArrayList<>();

        // conditions first: what someone of this age has; their medicines and tests follow from them
        List<Condition> conditions = new ArrayList<>();
        int wanted = longRecord ? 5 : age < 16 ? random.nextInt(4) / 3 : random.nextInt(age < 50 ? 2 : 4);
        for (int tries = 0; conditions.size() < wanted && tries < 40; tries++) {
            Condition condition = CONDITIONS.get(random.nextInt(CONDITIONS.size()));
            if (condition.fromAge() <= age && !conditions.contains(condition)) {
                conditions.add(condition);
            }
        }
        List<Drug> repeats = new ArrayList<>();
        for (Condition condition : conditions) {
            Instant diagnosed = pastWithin(random, age);
            Problem problem = new Problem(number, condition.snomed(), condition.display(), diagnosed, EntryStatus.ACTIVE, gp, ANCHOR, null);
            problem.fileUnder(condition.category());
            hospital.add(problem);
            for (Drug drug : condition.treatment()) {
                if (repeats.contains(drug) || (drug == ATORVASTATIN && age < 40)) {
                    continue;
                }
                repeats.add(drug);
                Medication medication = new Medication(number, drug.name(), drug.dose(), drug.route(), drug.frequency(), drug.course(),
                        EntryStatus.ACTIVE, diagnosed.plus(Duration.ofDays(random.nextInt(30))), gp, ANCHOR);
                if (condition.category() != DataCategory.GENERAL) {
                    medication.fileUnder(condition.category());
                }
                hospital.add(medication);
            }
        }
        if (age >= 12 && random.nextInt(4) == 0) {
            hospital.add(new Medication(number, AMOXICILLIN.name(), AMOXICILLIN.dose(), AMOXICILLIN.route(), AMOXICILLIN.frequency(),
                    AMOXICILLIN.course(), EntryStatus.COMPLETED, pastWithin(random, Math.min(age, 3)), gp, ANCHOR));
        }

        List<Test> usual = new ArrayList<>(age < 16 ? ANYONE : ADULT);
        conditions.forEach(condition -> condition.watchedBy().forEach(name -> ALL_TESTS.stream()
                .filter(test -> test.name().equals(name) && !usual.contains(test)).forEach(usual::add)));
        int results = longRecord ? 120 : age < 16 ? random.nextInt(3) : 3 + random.nextInt(6);
        for (int i = 0; i < results; i++) {
            hospital.add(result(number, usual.get(random.nextInt(usual.size())), random, random.nextBoolean() ? gp : NORTHGATE_NURSE,
                    gp, Math.min(1800, 365 * Math.max(age, 1))));
        }
        if (random.nextInt(6) == 0 || longRecord) {
            String[] allergy = ALLERGIES[random.nextInt(ALLERGIES.length)];
            hospital.add(new Allergy(number, allergy[0], allergy[1],
                    allergy[1].equals("Anaphylaxis") ? Allergy.Severity.SEVERE : Allergy.Severity.MODERATE, pastWithin(random, age), gp,
                    ANCHOR));
        }
        int encounters = longRecord ? 20 : random.nextInt(3);
        for (int i = 0; i < encounters; i++) {
            boolean emergency = random.nextInt(3) == 0;
            String reason = emergency ? pick(byAge(age, CHILD_EMERGENCY_REASONS, EMERGENCY_REASONS, OLDER_EMERGENCY_REASONS), random)
                    : pick(byAge(age, CHILD_OUTPATIENT_REASONS, OUTPATIENT_REASONS, OLDER_OUTPATIENT_REASONS), random);
            hospital.add(new Encounter(number, emergency ? Encounter.Kind.EMERGENCY : Encounter.Kind.OUTPATIENT,
                    pastWithin(random, Math.min(age, 5)), emergency ? NORTHGATE : RIVERSIDE, ANCHOR, reason));
        }
        if (age >= 18 && (random.nextInt(8) == 0 || longRecord)) {
            hospital.add(new Referral(number, "Cardiology, Riverside University Hospitals", "Palpitations and breathlessness on exertion",
                    past(random, 400), gp, ANCHOR));
        }
        if (conditions.stream().anyMatch(condition -> condition.display().equals("Type 2 diabetes mellitus"))) {
            hospital.add(new TreatmentPlan(number, "Diabetes care plan", "HbA1c below 53 mmol/mol; blood pressure below 140/90",
                    "Annual review; six-monthly HbA1c; foot and eye screening; structured education", gp.name(),
                    ANCHOR.atZone(ZoneOffset.UTC).toLocalDate().plusMonths(3 + random.nextInt(9)), past(random, 300), gp, ANCHOR));
        }
        if (age >= 80 && random.nextInt(3) == 0) {
            hospital.add(new ClinicalAlert(number, ClinicalAlert.Kind.DNACPR,
                    "Do not attempt cardiopulmonary resuscitation: decision discussed with patient and family", past(random, 700), gp, ANCHOR));
        }
        if (index % 20 == 0) {
            hospital.add(new Encounter(number, Encounter.Kind.ADMISSION, ANCHOR.minus(Duration.ofDays(1 + random.nextInt(9))), NORTHGATE,
                    ANCHOR, pick(byAge(age, CHILD_ADMISSION_REASONS, ADMISSION_REASONS, OLDER_ADMISSION_REASONS), random)));
        }

        List<SocialCareEntry> social = new ArrayList<>();
        if (socialCareTeam(index, patient).isPresent()) {
            socialCareRecord(number, random, longRecord, repeats, social);
        }
        return new History(hospital, social);
    }

    /** Who cares for a person known to adult social care: the social worker they are allocated to, and their home-care provider. */
    public record SocialCareTeam(String socialWorker, OdsCode careProvider) {
    }

    /** Patients per social worker beyond the demo register: about 30 of them are known to social care, a real caseload. */
    static final int PATIENTS_PER_SOCIAL_WORKER = 150;
    /** Patients per home-care provider beyond the demo register: a large agency's few hundred clients. */
    static final int PATIENTS_PER_CARE_PROVIDER = 2_500;

    /**
     * The social care team of the demo patient at {@code index}, if they are an adult known to adult social care: in the
     * demo register, the demo social worker and Homecare Partners (only they write the person's social care record, and
     * the demo directory gives them exactly these relationships, {@link DemoDataService#addDirectoryAndRelationships});
     * beyond it, caseloads and agencies of real size, held by staff who never sign in to the demo.
     */
    public static Optional<SocialCareTeam> socialCareTeam(int index, PatientRegistration patient) {
        boolean known = ageOf(patient) >= 18 && (index % 10 == 2 || index % 10 == 3 || longRecord(index, patient));
        if (!known) {
            return Optional.empty();
        }
        if (index < DemoPatients.DEMO_REGISTER) {
            return Optional.of(new SocialCareTeam("social.worker", new OdsCode("CP001")));
        }
        return Optional.of(new SocialCareTeam(String.format(Locale.ROOT, "social.worker.%04d", index / PATIENTS_PER_SOCIAL_WORKER),
                new OdsCode("CP" + (1000 + index / PATIENTS_PER_CARE_PROVIDER))));
    }

    /** An organisation in a patient's hospital care team, and why. */
    public record HospitalEpisode(OdsCode organisation, CareEpisode.Kind kind) {
    }

    /** The open hospital relationship of the demo patient at {@code index}: every 20th is admitted at Northgate, the next referred to Riverside. */
    public static Optional<HospitalEpisode> openEpisode(int index) {
        return switch (index % 20) {
            case 0 -> Optional.of(new HospitalEpisode(new OdsCode("RXA"), CareEpisode.Kind.ADMISSION));
            case 1 -> Optional.of(new HospitalEpisode(new OdsCode("RXB"), CareEpisode.Kind.REFERRAL));
            default -> Optional.empty();
        };
    }

    /** One demo patient in this many has an organ-donation decision on the register. */
    static final int DONOR_EVERY = 10;

    /**
     * The organ-donation decision of the demo patient at {@code index}, for every {@link #DONOR_EVERY}th: opt in to
     * everything, opt in to some organs with a faith declaration, opt out, or two representatives, in turn.
     */
    public static Optional<OrganDonationDecision> donationDecision(int index, NhsNumber patient) {
        if (index % DONOR_EVERY != DONOR_EVERY / 2) {
            return Optional.empty();
        }
        Instant at = ANCHOR.minus(Duration.ofDays(400));
        VersionedDecision.Recorder self = new VersionedDecision.Recorder(RecordedBy.PATIENT, "Patient", "patient");
        return Optional.of(switch ((index / DONOR_EVERY) % 4) {
            case 0 -> new OrganDonationDecision(patient, 1, Choice.OPT_IN, List.of(), List.of(), false, self, at);
            case 1 -> new OrganDonationDecision(patient, 1, Choice.OPT_IN, List.of(Organ.KIDNEYS, Organ.LIVER, Organ.CORNEAS), List.of(),
                    true, self, at);
            case 2 -> new OrganDonationDecision(patient, 1, Choice.OPT_OUT, List.of(), List.of(), false, self, at);
            default -> new OrganDonationDecision(patient, 1, Choice.REPRESENTATIVES, List.of(),
                    List.of(new Representative("Family member", "Daughter", "07700 900461")), false, self, at);
        });
    }

    /**
     * Beyond the demo register, one patient in 20 has registered a National Data Opt-out (about England's rate), online.
     * The demo register has none, so the demo's walkthroughs stay as the README tells them.
     */
    public static Optional<DataOptOut> dataOptOut(int index, NhsNumber patient) {
        if (index < DemoPatients.DEMO_REGISTER || index % 20 != 9) {
            return Optional.empty();
        }
        return Optional.of(new DataOptOut(patient, 1, true, DataOptOut.Channel.ONLINE,
                new VersionedDecision.Recorder(RecordedBy.PATIENT, "Patient", "patient"), ANCHOR.minus(Duration.ofDays(200 + index % 500))));
    }

    /**
     * Beyond the demo register, one patient in 50 has asked that their sexual health is not shown to social care staff:
     * a sharing-consent directive of their own, in force.
     */
    public static Optional<ConsentDirective> sharingConsent(int index, NhsNumber patient) {
        if (index < DemoPatients.DEMO_REGISTER || index % 50 != 11) {
            return Optional.empty();
        }
        Instant decided = ANCHOR.minus(Duration.ofDays(100 + index % 700));
        Provision notToSocialCare = new Provision(Provision.Type.DENY, Set.of(DataCategory.SEXUAL_HEALTH), Set.of(),
                Set.of(StaffRole.SOCIAL_WORKER, StaffRole.CARE_WORKER), null, null);
        return Optional.of(new ConsentDirective(patient, ConsentDirective.Scope.TREATMENT, 1, ConsentDirective.Status.ACTIVE, decided,
                new VersionedDecision.Recorder(RecordedBy.PATIENT, "Patient", "patient"), null, null, List.of(notToSocialCare), decided,
                null, false));
    }

    /** Whether the demo patient at {@code index} is a frail older person with daily home care and hundreds of entries. */
    static boolean longRecord(int index, PatientRegistration patient) {
        return index % 10 == 7 && ageOf(patient) >= FRAIL_FROM_AGE;
    }

    private static int ageOf(PatientRegistration patient) {
        return Period.between(patient.birthDate(), ANCHOR.atZone(ZoneOffset.UTC).toLocalDate()).getYears();
    }

    private static String[] byAge(int age, String[] child, String[] adult, String[] older) {
        return age < 16 ? child : age < 70 ? adult : older;
    }

    /**
     * Assessment, plan, contacts, then home-care visits twice a day (08:00 and 18:00 UK time) with the tasks of that
     * time of day, and the person's own repeat medicines given at the visit they are due (none if they have none).
     */
    private static void socialCareRecord(NhsNumber number, Random random, boolean longRecord, List<Drug> repeats,
                                         List<SocialCareEntry> social) {
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
        List<Drug> given = repeats.stream().filter(drug -> drug.route().equals("oral") && !drug.frequency().contains("when required"))
                .toList();
        int visits = longRecord ? 220 : 2 + random.nextInt(8);
        LocalDate lastDay = ANCHOR.atZone(UkClock.ZONE).toLocalDate().minusDays(1);
        for (int i = 0; i < visits; i++) {
            boolean evening = i % 2 == 0;
            Instant planned = lastDay.minusDays(i / 2).atTime(evening ? EVENING_VISIT : MORNING_VISIT).atZone(UkClock.ZONE).toInstant();
            Instant start = planned.plus(Duration.ofMinutes(random.nextInt(40) - 5));
            social.add(new CareVisit(number, planned, planned.plus(Duration.ofMinutes(30)), start,
                    start.plus(Duration.ofMinutes(20 + random.nextInt(25))), pick(evening ? EVENING_TASKS : MORNING_TASKS, random),
                    pick(VISIT_NOTES, random), CARE_WORKER, ANCHOR));
            if (i < (longRecord ? 40 : 6)) {
                for (Drug drug : given) {
                    if (drug.atNight() == evening || drug.frequency().equals("twice daily")) {
                        int roll = random.nextInt(20);
                        MedicationAdministration.Outcome outcome = roll == 0 ? MedicationAdministration.Outcome.REFUSED
                                : roll == 1 ? MedicationAdministration.Outcome.MISSED : MedicationAdministration.Outcome.GIVEN;
                        social.add(new MedicationAdministration(number, drug.name(), drug.dose(), outcome,
                                start.plus(Duration.ofMinutes(10)), CARE_WORKER, ANCHOR));
                    }
                }
            }
        }
        if (random.nextInt(10) == 0 || longRecord) {
            social.add(new SafeguardingConcern(number, pick(SAFEGUARDING, random),
                    "Concern raised during a home visit; discussed with the person; enquiry opened", past(random, 200), SOCIAL_WORKER, ANCHOR));
        }
    }

    private static BloodTestResult result(NhsNumber number, Test test, Random random, EntryAuthor author, EntryAuthor requester,
                                          int withinDays) {
        double value = Math.max(0, test.mean() + random.nextGaussian() * test.spread());
        BigDecimal low = test.low() == 0 ? null : BigDecimal.valueOf(test.low());
        BloodTestResult result = new BloodTestResult(number, test.name(),
                BigDecimal.valueOf(value).setScale(test.spread() < 1 ? 2 : 1, RoundingMode.HALF_UP), test.unit(), low,
                BigDecimal.valueOf(test.high()), past(random, withinDays), author, ANCHOR);
        result.requestedBy(requester.name());
        // older results were reviewed when they came in; the last fortnight's wait in the practice's queue, held from the patient
        if (result.occurredAt().isBefore(ANCHOR.minus(AWAITING_REVIEW))) {
            result.review(author.username(), author.name(), null, ANCHOR);
        } else {
            result.holdForReview(RESULT_RELEASE_DELAY);
        }
        return result;
    }

    /**
     * The repeats the patient's GP authorised for the active repeat medicines of their history: six issues each; every
     * fifth patient's medication review is overdue, every seventh has used all their issues, the rest a few.
     */
    public static List<RepeatTemplate> repeatTemplates(int index, PatientRegistration patient, History history) {
        EntryAuthor gp = gpAt(patient.gpPracticeOdsCode().value());
        LocalDate anchorDay = ANCHOR.atZone(UkClock.ZONE).toLocalDate();
        LocalDate review = index % 5 == 1 ? anchorDay.minusDays(30 + index % 60) : anchorDay.plusMonths(3 + index % 9);
        int used = index % 7 == 3 ? 6 : index % 4;
        return history.hospital().stream()
                .filter(entry -> entry instanceof Medication medication && medication.course() == Medication.Course.REPEAT
                        && medication.status() == EntryStatus.ACTIVE)
                .map(Medication.class::cast)
                .map(medication -> new RepeatTemplate(patient.nhsNumber(), medication.title(), medication.dose() + ", "
                        + medication.frequency(), "28 days' supply", 6, used, review, patient.gpPracticeOdsCode(), gp.username(),
                        gp.name(), ANCHOR))
                .toList();
    }

    static EntryAuthor gpAt(String practice) {
        return DemoDirectory.USERS.stream()
                .filter(user -> user.organisation().equals(practice) && user.role() == StaffRole.GP)
                .findFirst()
                .map(user -> new EntryAuthor(user.username(), user.displayName(), new OdsCode(practice)))
                .orElseGet(() -> new EntryAuthor("gp." + practice.toLowerCase(Locale.ROOT), "Practice GP", new OdsCode(practice)));
    }

    private static Instant past(Random random, int maxDays) {
        return ANCHOR.minus(Duration.ofMinutes(60L + random.nextInt(maxDays * 24 * 60)));
    }

    /** A time in the last {@code years} years (at least the last one): nothing before the patient was born. */
    private static Instant pastWithin(Random random, int years) {
        return past(random, 365 * Math.max(1, years));
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}

package uk.nhs.icr.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.service.PatientRegistration;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.socialcare.BodyMark;
import uk.nhs.icr.socialcare.CareMedicine;
import uk.nhs.icr.socialcare.CarePlanSection;
import uk.nhs.icr.socialcare.CarePlanSection.Area;
import uk.nhs.icr.socialcare.CarePlanVersion;
import uk.nhs.icr.socialcare.CarePlans;
import uk.nhs.icr.socialcare.CareVisit;
import uk.nhs.icr.socialcare.DailyRecord;
import uk.nhs.icr.socialcare.FluidCharts;
import uk.nhs.icr.socialcare.FluidIntake;
import uk.nhs.icr.socialcare.HomeCareRota;
import uk.nhs.icr.socialcare.Incident;
import uk.nhs.icr.socialcare.MarChart;
import uk.nhs.icr.socialcare.MedicationAdministration;
import uk.nhs.icr.socialcare.PlannedVisit;
import uk.nhs.icr.socialcare.SocialCareRecordRepository;
import uk.nhs.icr.socialcare.SocialCareRelationships;
import uk.nhs.icr.socialcare.SocialCareRelationships.CareSetting;

/**
 * The demo's care providers at work: Homecare Partners' week (three carers, twenty clients, two visits a day each, some late
 * and some missed before today, and a visit for Maja Nowak starting now) and Meadowbank Care Home (twelve residents with care
 * plans, fluid targets and drinks, MAR charts with today's doses partly given, and a fall yesterday). Each part is added when
 * it is missing, so a demo server started on another day gets this week's rota.
 */
@Stateless
public class DemoCareProviders {

    private static final Logger LOG = Logger.getLogger(DemoCareProviders.class.getName());

    static final OdsCode AGENCY = new OdsCode("CP001");
    static final OdsCode CARE_HOME = new OdsCode("CH001");
    static final List<String> CARERS = List.of("care.worker", "care.worker.tom", "care.worker.amir");
    static final List<String> CARER_NAMES = List.of("Maja Nowak", "Tom Bryant", "Amir Haddad");
    static final int CLIENTS = 20;
    static final int RESIDENTS = 12;

    @Inject
    HomeCareRota rota;

    @Inject
    MarChart mar;

    @Inject
    FluidCharts fluids;

    @Inject
    CarePlans plans;

    @Inject
    SocialCareRelationships relationships;

    @Inject
    SocialCareRecordRepository records;

    @Inject
    UkClock clock;

    /**
     * This week's rota at Homecare Partners (Monday to Sunday), if it has none: each client a morning and a tea-time visit; days
     * before today worked (every ninth visit 45 minutes late, every thirteenth missed); and a visit for Maja from now.
     */
    public int addAgencyWeek(List<PatientRegistration> register) {
        List<NhsNumber> clients = register.stream().map(PatientRegistration::nhsNumber)
                .filter(person -> relationships.isCaredForBy(person, AGENCY)).limit(CLIENTS).toList();
        LocalDate today = clock.today();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant now = clock.now();
        int added = 0;
        // the demo clients' own week (the tests plan visits for people of their own, never for these)
        boolean planned = !clients.isEmpty() && rota.visitsOf(AGENCY, start(monday), start(monday.plusWeeks(1))).stream()
                .anyMatch(visit -> visit.person().equals(clients.get(0)));
        if (!planned) {
            int n = 0;
            for (LocalDate day = monday; day.isBefore(monday.plusWeeks(1)); day = day.plusDays(1)) {
                for (int c = 0; c < clients.size(); c++) {
                    for (LocalTime time : List.of(LocalTime.of(8, 0).plusMinutes(15L * (c % 8)), LocalTime.of(17, 0).plusMinutes(15L * (c % 8)))) {
                        int carer = (c + (time.getHour() < 12 ? 0 : 1)) % CARERS.size();
                        Instant plannedStart = day.atTime(time).atZone(UkClock.ZONE).toInstant();
                        PlannedVisit visit = new PlannedVisit(clients.get(c), AGENCY, CARERS.get(carer), CARER_NAMES.get(carer), plannedStart,
                                plannedStart.plus(Duration.ofMinutes(30)), 1 + c % 8, List.of("Personal care", "A meal and a drink",
                                "Medicines"), "care.coordinator", now);
                        rota.add(visit);
                        n++;
                        if (day.isBefore(today) && n % 13 != 0) {
                            work(visit, plannedStart.plus(Duration.ofMinutes(n % 9 == 0 ? 45 : 5)));
                        }
                        added++;
                    }
                }
            }
        }
        boolean majaSoon = rota.roundOf("care.worker", now.minus(Duration.ofMinutes(30)), now.plus(Duration.ofHours(2))).stream()
                .anyMatch(visit -> visit.status() == PlannedVisit.Status.PLANNED);
        if (!majaSoon && !clients.isEmpty()) {
            rota.add(new PlannedVisit(clients.get(0), AGENCY, "care.worker", "Maja Nowak", now.plus(Duration.ofMinutes(5)),
                    now.plus(Duration.ofMinutes(50)), 1, List.of("Personal care", "Lunch", "Medicines", "Make a drink"), "care.coordinator",
                    now));
            added++;
        }
        int rotaVisits = added;
        LOG.info(() -> "Demo data: " + rotaVisits + " home-care visits were missing and have been added");
        return added;
    }

    private void work(PlannedVisit visit, Instant arrived) {
        visit.checkIn(visit.careWorker(), arrived, Duration.ofHours(1), Duration.ofHours(1));
        for (int task = 1; task <= visit.tasks().size(); task++) {
            visit.recordTask(visit.careWorker(), task, true, null);
        }
        Instant left = arrived.plus(Duration.ofMinutes(25));
        CareVisit entry = new CareVisit(visit.person(), visit.plannedStart(), visit.plannedEnd(), arrived, left, visit.tasksInWords(),
                null, new EntryAuthor(visit.careWorker(), visit.careWorkerName(), AGENCY), left);
        records.add(entry);
        records.flush();
        visit.checkOut(visit.careWorker(), left, entry.id());
    }

    /**
     * Meadowbank's twelve residents, if it has none: older people from the register with no other social care, each with a care
     * plan, a fluid target and today's drinks, a MAR chart (one time-critical Parkinson's medicine) with the morning doses given,
     * and a fall yesterday for one of them.
     */
    public int addCareHome(List<PatientRegistration> register) {
        if (relationships.countPeopleInCareOf(CARE_HOME) > 0) {
            return 0;
        }
        LocalDate today = clock.today();
        Instant now = clock.now();
        List<PatientRegistration> residents = register.stream()
                .filter(patient -> Period.between(patient.birthDate(), today).getYears() >= 75)
                .filter(patient -> !relationships.isCaredForBy(patient.nhsNumber(), AGENCY))
                .limit(RESIDENTS).toList();
        EntryAuthor grace = new EntryAuthor("carehome.worker", "Grace Mensah", CARE_HOME);
        for (int r = 0; r < residents.size(); r++) {
            NhsNumber person = residents.get(r).nhsNumber();
            relationships.startCare(person, CARE_HOME, CareSetting.CARE_HOME, now.minus(Duration.ofDays(200 + 30L * r)));
            plans.add(new CarePlanVersion(person, CARE_HOME, 1, plan(residents.get(r).givenName(), r), today.plusMonths(r == 3 ? -1 : 2),
                    "carehome.manager", "Oliver Grant", now.minus(Duration.ofDays(90))));
            fluids.setTarget(person, 1500 + 100 * (r % 4), "carehome.manager", now);
            LocalDate yesterday = today.minusDays(1);
            for (LocalTime time : List.of(LocalTime.of(8, 0), LocalTime.of(10, 30), LocalTime.of(13, 0), LocalTime.of(15, 30), LocalTime.of(18, 0))) {
                Instant drinkYesterday = yesterday.atTime(time).atZone(UkClock.ZONE).toInstant();
                fluids.add(new FluidIntake(person, CARE_HOME, drinkYesterday, r % 5 == 0 ? 150 : 300, "Tea", grace.username(), grace.name(), now));
                Instant drinkToday = today.atTime(time).atZone(UkClock.ZONE).toInstant();
                if (drinkToday.isBefore(now) && r % 5 != 0) {
                    fluids.add(new FluidIntake(person, CARE_HOME, drinkToday, 250, "Water", grace.username(), grace.name(), now));
                }
            }
            List<CareMedicine> medicines = new ArrayList<>();
            medicines.add(CareMedicine.regular(person, CARE_HOME, "Amlodipine 5mg tablets", "One tablet", "oral", DataCategory.GENERAL,
                    List.of(LocalTime.of(8, 0)), false, false, today.minusDays(60), "carehome.manager", now));
            medicines.add(CareMedicine.regular(person, CARE_HOME, "Paracetamol 500mg tablets", "Two tablets", "oral", DataCategory.GENERAL,
                    List.of(LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(18, 0), LocalTime.of(22, 0)), false, false,
                    today.minusDays(60), "carehome.manager", now));
            if (r == 1) {
                medicines.add(CareMedicine.regular(person, CARE_HOME, "Co-careldopa 25mg/100mg tablets", "One tablet", "oral",
                        DataCategory.GENERAL, List.of(LocalTime.of(7, 0), LocalTime.of(11, 0), LocalTime.of(15, 0), LocalTime.of(19, 0)), true,
                        false, today.minusDays(400), "carehome.manager", now));
            }
            for (CareMedicine medicine : medicines) {
                mar.add(medicine);
                for (Instant due : medicine.dosesDue(today.minusDays(1).atStartOfDay(UkClock.ZONE).toInstant(), now.minus(Duration.ofMinutes(40)),
                        UkClock.ZONE)) {
                    if ((due.getEpochSecond() / 3600 + r) % 11 != 0) {
                        mar.record(MedicationAdministration.ofDose(medicine, due, MedicationAdministration.Outcome.GIVEN, due.plus(Duration.ofMinutes(10)),
                                null, grace, null, now));
                    }
                }
            }
            plans.add(DailyRecord.note(person, CARE_HOME, now.minus(Duration.ofHours(2 + r)), r % 2 == 0 ? "Settled and chatty at breakfast"
                    : "Quiet this morning; ate half of breakfast", grace.username(), grace.name(), now));
            if (r == 2) {
                plans.add(DailyRecord.weight(person, CARE_HOME, now.minus(Duration.ofDays(1)), new BigDecimal("58.4"), null, grace.username(),
                        grace.name(), now));
                records.add(new Incident(person, Incident.Kind.FALL, Incident.Severity.LOW, "Found sitting on the bedroom floor at night;"
                        + " says she slipped getting up", List.of(new BodyMark(BodyMark.Side.BACK, 55, 48, "red mark on the right hip")),
                        "Checked for injury, helped up with the hoist, GP informed, sensor mat put in place", false,
                        now.minus(Duration.ofHours(20)), grace, now));
            }
        }
        records.flush();
        LOG.info(() -> "Demo data: Meadowbank Care Home's " + residents.size() + " residents added");
        return residents.size();
    }

    private static List<CarePlanSection> plan(String givenName, int r) {
        return List.of(
                new CarePlanSection(Area.WHAT_MATTERS_TO_ME, givenName + " likes to be called by their first name; family photos on the"
                        + " windowsill; a cup of tea first thing", "Feels at home", List.of(), List.of()),
                new CarePlanSection(Area.COMMUNICATION, r % 3 == 0 ? "Hard of hearing: speak clearly on the left side; mild dementia"
                        : "Communicates well; wears glasses for reading", null, List.of(), List.of()),
                new CarePlanSection(Area.EATING_AND_DRINKING, r % 4 == 0 ? "Soft diet; thickened fluids (level 2)" : "Normal diet; needs"
                        + " prompting to drink", "Drinks at least the daily target",
                        List.of(new CarePlanSection.PlannedTask("Offer a drink", List.of("08:00", "10:30", "13:00", "15:30", "18:00"))), List.of()),
                new CarePlanSection(Area.MOBILITY_AND_FALLS, r % 2 == 0 ? "Walks with a frame; hoist at night" : "Walks with a stick",
                        "No falls", List.of(new CarePlanSection.PlannedTask("Walk to the lounge", List.of("10:00"))),
                        List.of(new CarePlanSection.Risk("Falls", CarePlanSection.RiskTool.FALLS, 10 + r % 8,
                                CarePlanSection.RiskTool.FALLS.levelOf(10 + r % 8), "Frame within reach; sensor mat at night"))),
                new CarePlanSection(Area.SKIN_INTEGRITY, "Fragile skin on heels", "Skin stays intact", List.of(new CarePlanSection.PlannedTask(
                        "Reposition", List.of("02:00", "06:00", "10:00", "14:00", "18:00", "22:00"))),
                        List.of(new CarePlanSection.Risk("Pressure ulcer", CarePlanSection.RiskTool.WATERLOW, 12 + r % 9,
                                CarePlanSection.RiskTool.WATERLOW.levelOf(12 + r % 9), "Pressure cushion; turn four-hourly"))));
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(UkClock.ZONE).toInstant();
    }
}

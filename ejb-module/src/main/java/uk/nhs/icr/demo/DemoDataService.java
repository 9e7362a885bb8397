package uk.nhs.icr.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import uk.nhs.icr.access.CareEpisode;
import uk.nhs.icr.access.CareRelationships;
import uk.nhs.icr.access.Organisation;
import uk.nhs.icr.access.ProxyLink;
import uk.nhs.icr.access.ProxyLinks;
import uk.nhs.icr.access.StaffDirectory;
import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.StaffPasswords;
import uk.nhs.icr.appointments.AppointmentKind;
import uk.nhs.icr.appointments.AppointmentSession;
import uk.nhs.icr.appointments.AppointmentSlot;
import uk.nhs.icr.appointments.Appointments;
import uk.nhs.icr.hospital.HospitalRecordRepository;
import uk.nhs.icr.hospital.Referral;
import uk.nhs.icr.organdonation.Organ;
import uk.nhs.icr.organdonation.OrganDonationDecision;
import uk.nhs.icr.organdonation.OrganDonationDecision.Choice;
import uk.nhs.icr.organdonation.OrganDonationRegister;
import uk.nhs.icr.organdonation.Representative;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Patient;
import uk.nhs.icr.patient.PatientRepository;
import uk.nhs.icr.patient.service.PatientRegistration;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.RecordedBy;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.VersionedDecision;
import uk.nhs.icr.prescriptions.RepeatPrescriptions;
import uk.nhs.icr.research.DatasetField;
import uk.nhs.icr.research.LegalBasis;
import uk.nhs.icr.research.ResearchProject;
import uk.nhs.icr.research.ResearchProjects;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.socialcare.Person;
import uk.nhs.icr.socialcare.PersonRepository;
import uk.nhs.icr.socialcare.SocialCareRecordRepository;
import uk.nhs.icr.socialcare.SocialCareRelationships;
import uk.nhs.icr.waits.RttEvent;
import uk.nhs.icr.waits.RttPathway;
import uk.nhs.icr.waits.RttPathways;
import uk.nhs.icr.waits.TreatmentFunction;

/**
 * Adds whichever demo patients, organisations, staff and relationships are missing, each call in one XA
 * transaction. Running it again changes nothing, so every start of a demo server can call it.
 */
@Stateless
public class DemoDataService {

    @Inject
    StaffPasswords passwords;

    @Inject
    RttPathways rttPathways;

    private static final Logger LOG = Logger.getLogger(DemoDataService.class.getName());

    @Inject
    PatientRepository patients;

    @Inject
    PersonRepository people;

    @Inject
    StaffDirectory directory;

    @Inject
    CareRelationships careRelationships;

    @Inject
    SocialCareRelationships socialCare;

    @Inject
    HospitalRecordRepository hospitalRecords;

    @Inject
    OrganDonationRegister donationRegister;

    @Inject
    SocialCareRecordRepository socialCareRecords;

    @Inject
    UkClock clock;

    @Inject
    ProxyLinks proxyLinks;

    @Inject
    RepeatPrescriptions prescriptions;

    @Inject
    Appointments appointments;

    @Inject
    ResearchProjects researchProjects;

    /**
     * Adds the demo organisations and staff (if the directory has none of them yet) and the demo care
     * relationships: admissions at Northgate, referrals at Riverside, and for every adult with a social care record,
     * the social worker's caseload and the home-care provider's clients; spread deterministically over the demo patients.
     */
    public void addDirectoryAndRelationships(List<PatientRegistration> forms) {
        boolean firstTime = directory.findByUsername(DemoDirectory.USERS.get(0).username()).isEmpty();
        Map<String, Organisation> organisations = new HashMap<>();
        for (DemoDirectory.DemoOrganisation o : DemoDirectory.ORGANISATIONS) {
            OdsCode code = new OdsCode(o.odsCode());
            Organisation organisation = directory.findOrganisation(code).orElseGet(() -> {
                Organisation created = new Organisation(code, o.name(), o.type());
                directory.addOrganisation(created);
                return created;
            });
            organisations.put(o.odsCode(), organisation);
        }
        // users one by one, so a user added to the demo directory later reaches existing demo databases too
        for (DemoDirectory.DemoUser u : DemoDirectory.USERS) {
            if (directory.findByUsername(u.username()).isEmpty()) {
                directory.addStaff(u.username(), u.displayName(), organisations.get(u.organisation()), Set.of(u.role()),
                        passwords.bcrypt(DemoDirectory.PASSWORD));
                if (u.role() == StaffRole.RESEARCHER) {
                    directory.findByUsername(u.username()).ifPresent(member -> member.accreditUntil(DemoDirectory.accreditedUntil(u.username())));
                }
            }
        }
        // the sandbox realm's partner clients act as these; nobody knows their passwords, so none signs in to the portal
        for (DemoDirectory.DemoUser system : DemoDirectory.PARTNER_SYSTEMS) {
            if (directory.findByUsername(system.username()).isEmpty()) {
                directory.addStaff(system.username(), system.displayName(), organisations.get(system.organisation()),
                        Set.of(system.role()), passwords.bcrypt(UUID.randomUUID().toString()));
            }
        }
        if (!firstTime) {
            return;
        }
        Instant now = clock.now();
        for (int i = 0; i < forms.size(); i++) {
            NhsNumber patient = forms.get(i).nhsNumber();
            DemoRecords.openEpisode(i).ifPresent(episode -> careRelationships.open(patient, episode.organisation(), episode.kind(), now));
            // whoever writes a person's social care record cares for them: the social worker and the home-care provider
            DemoRecords.socialCareTeam(i, forms.get(i)).ifPresent(team -> {
                socialCare.allocate(patient, team.socialWorker(), now);
                socialCare.startCare(patient, team.careProvider(), now);
            });
        }
        LOG.info(() -> "Demo data: " + DemoDirectory.ORGANISATIONS.size() + " organisations, " + DemoDirectory.USERS.size()
                + " staff and their care relationships added");
    }

    public int addMissing(List<PatientRegistration> forms) {
        List<NhsNumber> numbers = forms.stream().map(PatientRegistration::nhsNumber).toList();
        Set<NhsNumber> inHospital = patients.registeredAmong(numbers);
        Set<NhsNumber> inSocialCare = people.knownAmong(numbers);
        Instant now = clock.now();
        int added = 0;
        for (PatientRegistration registration : forms) {
            NhsNumber number = registration.nhsNumber();
            if (!inHospital.contains(number)) {
                patients.add(new Patient(registration.identity(), registration.sex(), registration.postcode(),
                        registration.gpPracticeOdsCode(), now));
                added++;
            }
            if (!inSocialCare.contains(number)) {
                people.add(new Person(registration.identity(), now));
            }
        }
        int addedPatients = added;
        LOG.info(() -> "Demo data: " + addedPatients + " of " + forms.size() + " demo patients were missing and have been added");
        return added;
    }

    /**
     * Adds the generated history of each patient in {@code forms} (the demo register from index
     * {@code firstIndex}) whose record is still empty in that store; returns the number of entries added.
     */
    public int addRecords(List<PatientRegistration> forms, int firstIndex, long seed) {
        List<NhsNumber> numbers = forms.stream().map(PatientRegistration::nhsNumber).toList();
        Set<NhsNumber> withHospitalRecord = hospitalRecords.withEntriesAmong(numbers);
        Set<NhsNumber> withSocialCareRecord = socialCareRecords.withEntriesAmong(numbers);
        int added = 0;
        for (int i = 0; i < forms.size(); i++) {
            DemoRecords.History history = DemoRecords.history(firstIndex + i, forms.get(i), seed);
            if (!withHospitalRecord.contains(numbers.get(i))) {
                history.hospital().forEach(hospitalRecords::add);
                added += history.hospital().size();
                DemoRecords.repeatTemplates(firstIndex + i, forms.get(i), history).forEach(prescriptions::add);
            }
            if (!withSocialCareRecord.contains(numbers.get(i))) {
                history.socialCare().forEach(socialCareRecords::add);
                added += history.socialCare().size();
            }
        }
        hospitalRecords.flushAndClear();
        socialCareRecords.flushAndClear();
        return added;
    }

    /** Registers the organ-donation decision of each demo patient who has one ({@link DemoRecords#donationDecision}) and none yet. */
    public int addDonationDecisions(List<PatientRegistration> forms) {
        int added = 0;
        for (int i = 0; i < forms.size(); i++) {
            NhsNumber patient = forms.get(i).nhsNumber();
            Optional<OrganDonationDecision> decision = DemoRecords.donationDecision(i, patient);
            if (decision.isPresent() && donationRegister.current(patient).isEmpty()) {
                donationRegister.add(decision.get());
                added++;
            }
        }
        return added;
    }

    /**
     * Adds the demo family and the proxy links between them and to Siobhan Roberts ({@link DemoProxies}), with their
     * histories and Hannah's two latest results, if missing; returns the number of links added.
     */
    public int addProxyDemo() {
        addMissing(DemoProxies.PEOPLE);
        for (int i = 0; i < DemoProxies.PEOPLE.size(); i++) {
            addRecords(List.of(DemoProxies.PEOPLE.get(i)), DemoProxies.FIRST_HISTORY_INDEX + i, DemoDataLoader.SEED);
        }
        EntryAuthor gp = author("gp.beech");
        EntryAuthor admin = author("admin.beech");
        Instant now = clock.now();
        int added = 0;
        for (ProxyLink link : DemoProxies.links(gp, admin, now)) {
            if (proxyLinks.standing(link.proxy(), link.patient()).isEmpty() && patients.exists(link.patient())) {
                proxyLinks.add(link);
                added++;
            }
        }
        if (added > 0) {
            DemoProxies.freshResults(gp, now).forEach(hospitalRecords::add);
        }
        if (prescriptions.templatesOf(DemoProxies.HANNAH).isEmpty()) {
            DemoProxies.repeats(gp, now, clock.today()).forEach(prescriptions::add);
        }
        return added;
    }

    /**
     * The six demo practices' appointment books for the next four weeks, if a practice has none from today: a GP's morning
     * surgery (face to face, 15-minute slots) and an afternoon of telephone appointments, on weekdays. Returns the slots added.
     */
    public int addAppointmentBooks() {
        LocalDate today = clock.today();
        Instant from = today.atStartOfDay(UkClock.ZONE).toInstant();
        int added = 0;
        for (String code : DemoPatients.GP_PRACTICES) {
            OdsCode practice = new OdsCode(code);
            if (appointments.hasSlotsFrom(practice, from)) {
                continue;
            }
            EntryAuthor gp = DemoRecords.gpAt(code);
            String place = directory.findOrganisation(practice).map(Organisation::name).orElse(code);
            for (AppointmentKind kind : List.of(AppointmentKind.FACE_TO_FACE, AppointmentKind.TELEPHONE)) {
                boolean morning = kind == AppointmentKind.FACE_TO_FACE;
                AppointmentSession session = new AppointmentSession(practice, gp.name(), "GP", place, kind, "demo", clock.now());
                List<AppointmentSlot> slots = session.slotsOnWeekdays(today, today.plusDays(27),
                        morning ? LocalTime.of(9, 0) : LocalTime.of(14, 0), morning ? LocalTime.of(12, 0) : LocalTime.of(16, 0),
                        Duration.ofMinutes(morning ? 15 : 10));
                appointments.add(session, slots);
                added += slots.size();
            }
        }
        return added;
    }

    /**
     * The demo trusts' waiting lists ({@link DemoPathways}) and Hannah Whitfield's own wait, if Hannah has no pathway yet:
     * each referral on its patient's timeline, each pathway with its events. Returns the pathways added.
     */
    /** The demo research project's title: one on the register, approved, for researcher.ada and researcher.kofi to try. */
    static final String DEMO_PROJECT = "Potassium and kidney function in adults";

    /**
     * One approved section-251 project on the research register (its researchers researcher.ada and researcher.kofi), with
     * the dataset a demo extract can publish: blood tests by age band and sex, their month, value and flag.
     */
    public int addResearchProject() {
        if (researchProjects.all(500).stream().anyMatch(project -> project.getTitle().equals(DEMO_PROJECT))) {
            return 0;
        }
        Instant now = clock.now();
        LocalDate today = clock.today();
        ResearchProject project = new ResearchProject(researchProjects.nextReference(today.getYear()), DEMO_PROJECT,
                "How often adults have a high potassium, and how it goes with age and with kidney function, to help GPs decide whom"
                        + " to test and how often.", "Northshire University", LegalBasis.SECTION_251, EnumSet.of(EntryType.BLOOD_TEST),
                EnumSet.of(DatasetField.AGE_BAND, DatasetField.SEX, DatasetField.ENTRY_MONTH, DatasetField.RESULT_VALUE,
                        DatasetField.ABNORMAL_FLAG), today.minusYears(10), today, 5, List.of("researcher.ada", "researcher.kofi"),
                "researcher.ada", now);
        project.approve("26/CAG/0001", today.plusYears(2), "committee.chair", "Approved for the demonstration", now);
        researchProjects.add(project);
        return 1;
    }

    public int addWaitingLists(List<PatientRegistration> register) {
        if (!patients.exists(DemoProxies.HANNAH) || !rttPathways.of(DemoProxies.HANNAH).isEmpty()) {
            return 0;
        }
        LocalDate anchor = DemoRecords.ANCHOR.atZone(UkClock.ZONE).toLocalDate();
        List<DemoPathways.Referred> referred = new ArrayList<>(DemoPathways.lists(register, anchor, DemoDataLoader.SEED));
        referred.add(DemoPathways.hannahs(anchor));
        Map<String, TreatmentFunction> functions = rttPathways.treatmentFunctions().stream()
                .collect(Collectors.toMap(TreatmentFunction::code, Function.identity()));
        Map<String, String> trusts = DemoPathways.TRUSTS.stream().collect(Collectors.toMap(Function.identity(),
                code -> directory.findOrganisation(new OdsCode(code)).map(Organisation::name).orElse(code)));
        List<RttPathway> added = new ArrayList<>();
        for (DemoPathways.Referred one : referred) {
            EntryAuthor clinician = author(one.trust().equals("RXA") ? "clinician.northgate" : "clinician.riverside");
            TreatmentFunction function = functions.get(one.function());
            Instant received = one.clockStart().atStartOfDay(UkClock.ZONE).toInstant();
            Referral referral = new Referral(one.patient(), function.name() + ", " + trusts.get(one.trust()), "Referred by their GP",
                    received, clinician, received);
            hospitalRecords.add(referral);
            RttPathway.Recorder recorder = new RttPathway.Recorder(clinician.username(), clinician.name(), received);
            RttPathway pathway = new RttPathway(one.patient(), referral.id(), new OdsCode(one.trust()), function, one.priority(),
                    one.clockStart(), recorder);
            if (one.firstOutpatient() != null) {
                pathway.record(RttEvent.Kind.FIRST_OUTPATIENT, one.firstOutpatient(), null, null, null, recorder);
            }
            if (one.decisionToAdmit() != null) {
                pathway.record(RttEvent.Kind.DECISION_TO_ADMIT, one.decisionToAdmit(), null, null, null, recorder);
            }
            if (one.clockStop() != null) {
                pathway.record(RttEvent.Kind.CLOCK_STOP, one.clockStop(), null, one.stopReason(), null, recorder);
            }
            referral.pathwayNow(pathway.progress(), !pathway.open());
            added.add(pathway);
        }
        rttPathways.addAll(added);
        return added.size();
    }

    private static EntryAuthor author(String username) {
        DemoDirectory.DemoUser user = DemoDirectory.USERS.stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
        return new EntryAuthor(user.username(), user.displayName(), new OdsCode(user.organisation()));
    }
}

package uk.nhs.icr.benchmarks.load;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.postgresql.PGConnection;

import uk.nhs.icr.access.CareEpisode;
import uk.nhs.icr.consent.ConsentDirective;
import uk.nhs.icr.consent.DataOptOut;
import uk.nhs.icr.demo.DemoPatients;
import uk.nhs.icr.demo.DemoRecords;
import uk.nhs.icr.hospital.Allergy;
import uk.nhs.icr.hospital.BloodTestResult;
import uk.nhs.icr.hospital.ClinicalAlert;
import uk.nhs.icr.hospital.DischargeSummary;
import uk.nhs.icr.hospital.Encounter;
import uk.nhs.icr.hospital.HospitalEntry;
import uk.nhs.icr.hospital.Medication;
import uk.nhs.icr.hospital.Problem;
import uk.nhs.icr.hospital.Referral;
import uk.nhs.icr.hospital.TreatmentPlan;
import uk.nhs.icr.organdonation.OrganDonationDecision;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.NhsNumberConverter;
import uk.nhs.icr.patient.Patient;
import uk.nhs.icr.patient.service.PatientRegistration;
import uk.nhs.icr.platform.OdsCodeConverter;
import uk.nhs.icr.platform.PostcodeConverter;
import uk.nhs.icr.socialcare.Allocation;
import uk.nhs.icr.socialcare.CarePlan;
import uk.nhs.icr.socialcare.CareVisit;
import uk.nhs.icr.socialcare.Contact;
import uk.nhs.icr.socialcare.MedicationAdministration;
import uk.nhs.icr.socialcare.NeedsAssessment;
import uk.nhs.icr.socialcare.Person;
import uk.nhs.icr.socialcare.ReferralRequest;
import uk.nhs.icr.socialcare.SafeguardingConcern;
import uk.nhs.icr.socialcare.SocialCareEntry;

/**
 * Loads the first N patients of the demo register (the demo server's own generator, {@link DemoPatients} and
 * {@link DemoRecords}, so patient i is the same person with the same history however they were loaded) straight
 * into both databases with {@code COPY}: patients and people, their hospital and social-care histories, care
 * relationships, caseloads, organ-donation decisions, opt-outs and sharing-consent directives.
 * <p>
 * Chunks of patients are generated while the previous chunk is copied in; each chunk is one local transaction per
 * database (a bulk load, not a clinical workflow: a chunk interrupted between the two databases is completed by the
 * next run). What is already there is left alone, patient by patient and store by store, the rule the demo server's
 * loader follows, so a run can be repeated or resumed and runs for 10 k, 100 k and 1 M build on each other.
 * <p>
 * Usage: {@code DemoBulkLoader <patients> <hospital JDBC URL> <social-care JDBC URL>}, the role from
 * {@code ICR_DB_USER} and {@code ICR_DB_PASSWORD}.
 */
public final class DemoBulkLoader {

    /** The demo server's seed ({@code DemoDataLoader.SEED}): the same people it loads. */
    static final long SEED = 20200520L;
    static final int CHUNK = 5_000;

    private static final List<Class<? extends jakarta.persistence.AttributeConverter<?, ?>>> AUTO_APPLIED =
            List.of(NhsNumberConverter.class, OdsCodeConverter.class, PostcodeConverter.class);

    private final EntityRows patients = new EntityRows(AUTO_APPLIED, Patient.class);
    private final EntityRows people = new EntityRows(AUTO_APPLIED, Person.class);
    private final EntityRows hospitalEntries = new EntityRows(AUTO_APPLIED, Allergy.class, BloodTestResult.class, ClinicalAlert.class,
            DischargeSummary.class, Encounter.class, Medication.class, Problem.class, Referral.class, TreatmentPlan.class);
    private final EntityRows socialCareEntries = new EntityRows(AUTO_APPLIED, Allocation.class, CarePlan.class, CareVisit.class,
            Contact.class, MedicationAdministration.class, NeedsAssessment.class, ReferralRequest.class, SafeguardingConcern.class);
    private final EntityRows episodes = new EntityRows(AUTO_APPLIED, CareEpisode.class);
    private final EntityRows donations = new EntityRows(AUTO_APPLIED, OrganDonationDecision.class);
    private final EntityRows optOuts = new EntityRows(AUTO_APPLIED, DataOptOut.class);
    private final EntityRows consents = new EntityRows(AUTO_APPLIED, ConsentDirective.class);

    /** One chunk's rows, table by table, in the order they are copied. */
    private static final class Chunk {
        final Map<String, StringBuilder> hospital = new LinkedHashMap<>();
        final Map<String, StringBuilder> socialCare = new LinkedHashMap<>();
        int newPatients;
        int newPeople;
        long entries;

        StringBuilder hospital(String copy) {
            return hospital.computeIfAbsent(copy, k -> new StringBuilder(1 << 16));
        }

        StringBuilder socialCare(String copy) {
            return socialCare.computeIfAbsent(copy, k -> new StringBuilder(1 << 16));
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: DemoBulkLoader <patients> <hospital JDBC URL> <social-care JDBC URL>"
                    + " (the role from ICR_DB_USER and ICR_DB_PASSWORD, default icr)");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        // the password from the environment, never the command line (where ps shows it to every user)
        String user = System.getenv().getOrDefault("ICR_DB_USER", "icr");
        String password = System.getenv().getOrDefault("ICR_DB_PASSWORD", "icr");
        try (Connection hospital = DriverManager.getConnection(args[1], user, password);
             Connection socialCare = DriverManager.getConnection(args[2], user, password)) {
            new DemoBulkLoader().load(count, hospital, socialCare);
        }
    }

    void load(int count, Connection hospital, Connection socialCare) throws Exception {
        requireDemoServerStartedOnce(hospital);
        hospital.setAutoCommit(false);
        socialCare.setAutoCommit(false);
        Set<String> registered = column(hospital, "select nhs_number from patient");
        Set<String> withHospitalRecord = column(hospital, "select distinct patient_nhs_number from hospital_entry");
        Set<String> known = column(socialCare, "select nhs_number from person");
        Set<String> withSocialCareRecord = column(socialCare, "select distinct person_nhs_number from social_care_entry");
        Set<String> organisations = column(hospital, "select ods_code from organisation");
        System.out.printf(Locale.ROOT, "load-demo: %,d patients wanted; %,d registered, %,d known to social care already%n", count,
                registered.size(), known.size());

        Instant now = Instant.now();
        Instant started = now;
        DemoPatients.Register register = new DemoPatients.Register(SEED);
        // ids for every patient of the register, index by index: a patient already there leaves a gap, which costs nothing
        long patientIds = reserve(hospital, "patient_seq", count);
        long personIds = reserve(socialCare, "person_seq", count);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        Future<?> hospitalWrite = null;
        Future<?> socialCareWrite = null;
        long patientsAdded = 0;
        long entriesAdded = 0;
        try {
            while (register.nextIndex() < count) {
                Chunk chunk = new Chunk();
                int end = Math.min(count, register.nextIndex() + CHUNK);
                List<Object[]> chunkPatients = new java.util.ArrayList<>();
                while (register.nextIndex() < end) {
                    int index = register.nextIndex();
                    chunkPatients.add(new Object[] {index, register.next()});
                }
                for (Object[] item : chunkPatients) {
                    int index = (Integer) item[0];
                    PatientRegistration patient = (PatientRegistration) item[1];
                    String number = patient.nhsNumber().value();
                    if (!registered.contains(number)) {
                        addPatient(chunk, index, patient, patientIds + index, now, organisations);
                        chunk.newPatients++;
                    }
                    if (!known.contains(number)) {
                        addPerson(chunk, index, patient, personIds + index, now, organisations);
                        chunk.newPeople++;
                    }
                    boolean hospitalMissing = !withHospitalRecord.contains(number);
                    boolean socialCareMissing = !withSocialCareRecord.contains(number);
                    if (hospitalMissing || socialCareMissing) {
                        DemoRecords.History history = DemoRecords.history(index, patient, SEED);
                        if (hospitalMissing) {
                            for (HospitalEntry entry : history.hospital()) {
                                hospitalEntries.append(entry, chunk.hospital(hospitalEntries.copyStatement()));
                            }
                            chunk.entries += history.hospital().size();
                        }
                        if (socialCareMissing) {
                            for (SocialCareEntry entry : history.socialCare()) {
                                socialCareEntries.append(entry, chunk.socialCare(socialCareEntries.copyStatement()));
                            }
                            chunk.entries += history.socialCare().size();
                        }
                    }
                }
                // one chunk in flight per database: wait for the last before starting this one
                waitFor(hospitalWrite);
                waitFor(socialCareWrite);
                hospitalWrite = writers.submit(() -> copy(hospital, chunk.hospital));
                socialCareWrite = writers.submit(() -> copy(socialCare, chunk.socialCare));
                patientsAdded += chunk.newPatients;
                entriesAdded += chunk.entries;
                progress(end, count, patientsAdded, entriesAdded, started);
            }
            waitFor(hospitalWrite);
            waitFor(socialCareWrite);
        } finally {
            writers.shutdownNow();
        }
        hospital.setAutoCommit(true);
        socialCare.setAutoCommit(true);
        analyze(hospital, "patient", "hospital_entry", "care_relationship", "organ_donation_decision", "data_opt_out", "consent_directive",
                "organisation");
        analyze(socialCare, "person", "social_care_entry", "caseload_allocation", "care_provision");
        Duration took = Duration.between(started, Instant.now());
        System.out.printf(Locale.ROOT, "load-demo: done in %dm%02ds: %,d patients and %,d record entries added%n", took.toMinutes(),
                took.toSecondsPart(), patientsAdded, entriesAdded);
    }

    private void addPatient(Chunk chunk, int index, PatientRegistration form, long id, Instant now, Set<String> organisations) {
        NhsNumber number = form.nhsNumber();
        Patient patient = new Patient(form.identity(), form.sex(), form.postcode(), form.gpPracticeOdsCode(), now);
        setId(patient, id);
        patients.append(patient, chunk.hospital(patients.copyStatement()));
        String practice = form.gpPracticeOdsCode().value();
        if (organisations.add(practice)) {
            EntityRows.appendRow(chunk.hospital("COPY organisation (ods_code, name, type) FROM STDIN"), practice,
                    "Synthetic practice " + practice, "GP_PRACTICE");
        }
        DemoRecords.openEpisode(index).ifPresent(episode -> episodes.append(
                new CareEpisode(number, episode.organisation(), episode.kind(), now), chunk.hospital(episodes.copyStatement())));
        DemoRecords.donationDecision(index, number).ifPresent(decision -> donations.append(decision,
                chunk.hospital(donations.copyStatement())));
        DemoRecords.dataOptOut(index, number).ifPresent(optOut -> optOuts.append(optOut, chunk.hospital(optOuts.copyStatement())));
        DemoRecords.sharingConsent(index, number).ifPresent(consent -> consents.append(consent,
                chunk.hospital(consents.copyStatement())));
    }

    private void addPerson(Chunk chunk, int index, PatientRegistration form, long id, Instant now, Set<String> organisations) {
        Person person = new Person(form.identity(), now);
        setId(person, id);
        people.append(person, chunk.socialCare(people.copyStatement()));
        DemoRecords.socialCareTeam(index, form).ifPresent(team -> {
            EntityRows.appendRow(chunk.socialCare("COPY caseload_allocation (person_nhs_number, social_worker_username, allocated_at)"
                    + " FROM STDIN"), form.nhsNumber().value(), team.socialWorker(), now);
            EntityRows.appendRow(chunk.socialCare("COPY care_provision (person_nhs_number, provider_ods, started_at) FROM STDIN"),
                    form.nhsNumber().value(), team.careProvider().value(), now);
            String provider = team.careProvider().value();
            if (organisations.add(provider)) {
                EntityRows.appendRow(chunk.hospital("COPY organisation (ods_code, name, type) FROM STDIN"), provider,
                        "Synthetic home-care agency " + provider, "CARE_PROVIDER");
            }
        });
    }

    /**
     * Takes {@code n} ids from a sequence Hibernate allocates from in blocks of 50 (pooled: a value v stands for
     * v-49..v), while a server may be allocating too: from the value v this call draws, the ids start a block above
     * (a server drawing between the draw and the move gets v+1, which stands for ids up to v+1 only), and the sequence
     * moves a block past the last, so the server's next block starts above them.
     */
    private static long reserve(Connection db, String sequence, long n) throws SQLException {
        long margin = 50;
        try (Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("select setval('" + sequence + "', nextval('" + sequence + "') + " + (n + 2 * margin)
                     + ") - " + (n + 2 * margin))) {
            rs.next();
            long drawn = rs.getLong(1);
            db.commit();
            return drawn + margin + 1;
        }
    }

    private static void setId(Object entity, long id) {
        try {
            var field = entity.getClass().getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Void copy(Connection db, Map<String, StringBuilder> tables) throws SQLException, IOException {
        try {
            var copyManager = db.unwrap(PGConnection.class).getCopyAPI();
            for (Map.Entry<String, StringBuilder> table : tables.entrySet()) {
                copyManager.copyIn(table.getKey(), new StringReader(table.getValue().toString()));
            }
            db.commit();
            return null;
        } catch (SQLException | IOException | RuntimeException e) {
            db.rollback();
            throw e;
        }
    }

    private static void waitFor(Future<?> write) throws InterruptedException, ExecutionException {
        if (write != null) {
            write.get();
        }
    }

    private static void progress(int done, int count, long patientsAdded, long entriesAdded, Instant started) {
        double seconds = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
        double rate = done / seconds;
        long left = Math.round((count - done) / Math.max(rate, 1));
        System.out.printf(Locale.ROOT, "load-demo: %,d of %,d patients (%d%%), %,d added with %,d entries; %,.0f patients/s, about %dm%02ds left%n",
                done, count, (int) (100L * done / count), patientsAdded, entriesAdded, rate, left / 60, left % 60);
    }

    private static Set<String> column(Connection db, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (Statement statement = db.createStatement()) {
            statement.setFetchSize(50_000);
            try (ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        db.commit();
        db.setAutoCommit(autoCommit);
        return values;
    }

    private static void requireDemoServerStartedOnce(Connection hospital) throws SQLException {
        try (Statement statement = hospital.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from staff where username = 'gp.beech'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                throw new IllegalStateException("the demo directory is missing: start the demo server once first (server-config/bin/run.sh)");
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                throw new IllegalStateException("the databases are not migrated: start the demo server once first (server-config/bin/run.sh)",
                        e);
            }
            throw e;
        }
    }

    private static void analyze(Connection db, String... tables) throws SQLException {
        try (Statement statement = db.createStatement()) {
            for (String table : tables) {
                statement.execute("analyze " + table);
            }
        }
    }
}

package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Work that touches both records happens in both or in neither, even when the server dies in the middle of the two-phase
 * commit (issue 19). A server of its own ({@link CrashableServer}) is halted at three points of a real request's commit,
 * on registration and on transfer of care, and started again; its recovery manager must then finish the work the way the
 * transaction's log says: commit both branches when the decision to commit was logged, roll the prepared branch back
 * when it was not (presumed abort). Afterwards neither database holds a prepared branch, the object store holds no
 * unfinished transaction, and the request that was cut off can be sent again: it succeeds once or answers 409, and the
 * work is in each database exactly once.
 *
 * <p>Each kill point runs {@code icr.test.crash.repeat} times on each workflow (1 in CI; 20 for the long run in
 * docs/reliability.md), and the counts and timings are printed. With {@code -Dicr.test.crash.recovery=off} the server runs
 * with recovery switched off, and these tests fail; {@code -Dicr.test.crash.kill-points=after-prepare} runs one kill point.
 */
class CrashRecoveryIT {

    private static final int REPEAT = Integer.getInteger("icr.test.crash.repeat", 1);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(60);

    /** Where in the commit the server dies, and what recovery must then do. */
    enum KillPoint {
        DURING_PREPARE("during-prepare", false, "after one branch prepared, no decision logged"),
        AFTER_PREPARE("after-prepare", true, "after both branches prepared, before any commit"),
        AFTER_FIRST_COMMIT("after-first-commit", true, "after the first branch committed, before the second");

        final String marker;
        final boolean commits;
        final String description;

        KillPoint(String marker, boolean commits, String description) {
            this.marker = marker;
            this.commits = commits;
            this.description = description;
        }
    }

    /** One cross-store request, made afresh for each kill, and how to see its work in each database. */
    interface Workflow {
        Api.Reply send();

        boolean inHospital();

        boolean inSocialCare();

        /** The work is in each database exactly once. */
        void assertDoneOnce();
    }

    private static CrashableServer server;
    private static final List<String> REPORT = new ArrayList<>();

    @BeforeAll
    static void startTheCrashTestServer() throws Exception {
        server = new CrashableServer();
        Duration up = server.start();
        REPORT.add(String.format("crash-recovery: server (node %s) up in %.1f s", CrashableServer.NODE_ID, seconds(up)));
        // branches of this server that a run cut short left behind are finished before anything is measured
        awaitNoPendingWork(Instant.now().plus(RECOVERY_TIMEOUT));
    }

    @AfterAll
    static void stopItAndReport() throws Exception {
        if (server != null) {
            server.close();
            if (preparedBranches(Databases.HOSPITAL) + preparedBranches(Databases.SOCIAL_CARE) > 0) {
                // a failed run, or one with recovery switched off, leaves branches that would hold rows locked and turn the
                // test server's readiness DOWN: one more start, with recovery, finishes them
                server.switchRecoveryOn();
                server.start();
                try {
                    awaitNoPendingWork(Instant.now().plus(RECOVERY_TIMEOUT));
                } finally {
                    server.close();
                }
            }
        }
        REPORT.forEach(System.out::println);
    }

    /** Every workflow at every kill point, or at those {@code icr.test.crash.kill-points} lists (after-prepare,...). */
    static Stream<Arguments> workflowsAndKillPoints() {
        List<String> chosen = List.of(System.getProperty("icr.test.crash.kill-points", "").split(","));
        List<Arguments> cases = new ArrayList<>();
        for (String workflow : List.of("registration", "transfer of care")) {
            for (KillPoint point : KillPoint.values()) {
                if (chosen.equals(List.of("")) || chosen.contains(point.marker)) {
                    cases.add(Arguments.of(workflow, point));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, killed {1}")
    @MethodSource("workflowsAndKillPoints")
    void recovery_finishes_the_work_in_both_databases_or_in_neither(String workflowName, KillPoint point) throws Exception {
        int passed = 0;
        List<String> failures = new ArrayList<>();
        for (int run = 1; run <= REPEAT; run++) {
            try {
                REPORT.add(String.format("crash-recovery: %s, killed %s, run %d: %s", workflowName, point.description, run,
                        killAndRecover(workflow(workflowName), point)));
                passed++;
            } catch (AssertionError | RuntimeException e) {
                failures.add("run " + run + ": " + e.getMessage());
                server.close();
                server.disarm();
                server.start();
            }
        }
        String summary = String.format("crash-recovery: %s, killed %s: %d of %d passed", workflowName, point.description, passed, REPEAT);
        REPORT.add(summary);
        System.out.println(summary);
        assertEquals(List.of(), failures, summary);
    }

    /** One kill: returns the timings. */
    private static String killAndRecover(Workflow workflow, KillPoint point) throws Exception {
        server.arm(point.marker);
        Instant sent = Instant.now();
        try {
            Api.Reply reply = workflow.send();
            server.disarm();
            fail("the server answered " + reply.status() + " instead of dying " + point.description + ": " + reply.body());
        } catch (UncheckedIOException cutOff) {
            // the connection died with the server: what a client sees when its server is killed mid-request
        }
        assertTrue(server.awaitDeath(Duration.ofSeconds(30)), "the server halted " + point.description);
        Duration toDeath = Duration.between(sent, Instant.now());
        server.disarm();

        // where the kill left the work: proves the kill point is where it claims to be
        int hospitalBranches = preparedBranches(Databases.HOSPITAL);
        int socialCareBranches = preparedBranches(Databases.SOCIAL_CARE);
        long logged = server.pendingTransactionRecords();
        String atKill = String.format("%d hospital and %d social-care branches prepared, %d decision(s) logged", hospitalBranches,
                socialCareBranches, logged);
        switch (point) {
            case DURING_PREPARE -> {
                assertEquals(1, hospitalBranches + socialCareBranches, "one branch prepared: " + atKill);
                assertEquals(0, logged, "no decision logged: " + atKill);
                assertTrue(!workflow.inHospital() && !workflow.inSocialCare(), "nothing committed");
            }
            case AFTER_PREPARE -> {
                assertTrue(hospitalBranches >= 1 && socialCareBranches >= 1, "both branches prepared: " + atKill);
                assertTrue(logged >= 1, "the decision to commit logged: " + atKill);
                assertTrue(!workflow.inHospital() && !workflow.inSocialCare(), "nothing committed yet");
            }
            case AFTER_FIRST_COMMIT -> {
                assertTrue(hospitalBranches + socialCareBranches >= 1, "a branch still prepared: " + atKill);
                assertTrue(logged >= 1, "the decision to commit logged: " + atKill);
                assertTrue(workflow.inHospital() ^ workflow.inSocialCare(), "exactly one database committed: " + atKill);
            }
        }

        Instant restarting = Instant.now();
        Duration up = server.start();
        Duration recovered = awaitNoPendingWork(Instant.now().plus(RECOVERY_TIMEOUT));
        assertEquals(point.commits, workflow.inHospital(), "hospital side " + (point.commits ? "committed" : "rolled back"));
        assertEquals(point.commits, workflow.inSocialCare(), "social-care side " + (point.commits ? "committed" : "rolled back"));

        Api.Reply retry = workflow.send();
        assertEquals(point.commits ? 409 : 201, retry.status(), "the same request sent again: " + retry.body());
        workflow.assertDoneOnce();
        return String.format("passed; %s; died %.1f s after the request, up again in %.1f s, recovered %.1f s after that,"
                        + " the retry answered %d", atKill, seconds(toDeath), seconds(Duration.between(restarting, Instant.now()).minus(recovered)),
                seconds(recovered), retry.status());
    }

    /** Runs recovery passes until neither database holds a prepared branch and the object store is empty. */
    private static Duration awaitNoPendingWork(Instant deadline) throws IOException, InterruptedException {
        Instant begun = Instant.now();
        while (true) {
            if (preparedBranches(Databases.HOSPITAL) == 0 && preparedBranches(Databases.SOCIAL_CARE) == 0
                    && server.pendingTransactionRecords() == 0) {
                return Duration.between(begun, Instant.now());
            }
            if (Instant.now().isAfter(deadline)) {
                fail(String.format("recovery did not finish in %s%s: %d hospital and %d social-care branches still prepared,"
                                + " %d transaction(s) in the object store", RECOVERY_TIMEOUT, server.recoveryOff() ? " (recovery is switched off)" : "",
                        preparedBranches(Databases.HOSPITAL), preparedBranches(Databases.SOCIAL_CARE), server.pendingTransactionRecords()));
            }
            server.recoveryPass();
            Thread.sleep(200);
        }
    }

    /**
     * The crash-test server's branches prepared in this database: Narayana's (format 131077) whose global id carries the
     * node id, not another server's or a test's own.
     */
    private static int preparedBranches(String database) {
        return Databases.count(database, "select count(*) from pg_prepared_xacts where database = current_database()"
                + " and case when gid ~ '^131077_[A-Za-z0-9+/=]+_' then position(convert_to(?, 'UTF8') in decode(split_part(gid, '_', 2),"
                + " 'base64')) > 0 else false end", CrashableServer.NODE_ID);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static Workflow workflow(String name) {
        return switch (name) {
            case "registration" -> new Registration();
            case "transfer of care" -> new TransferOfCare();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Api.Reply post(String path, String bearer, String json) {
        return Api.postJsonTo(CrashableServer.BASE_URL + path, "Bearer " + bearer, json);
    }

    /** A GP registers a new patient: the patient in the hospital database, the person in the social-care one. */
    static final class Registration implements Workflow {
        private final TestPatients patient = TestPatients.aPatient();

        @Override
        public Api.Reply send() {
            return post("/api/patients", Tokens.staff("gp.beech", "GP").sign(), patient.json());
        }

        @Override
        public boolean inHospital() {
            return Databases.patientsWith(patient.nhsNumber()) == 1;
        }

        @Override
        public boolean inSocialCare() {
            return Databases.peopleWith(patient.nhsNumber()) == 1;
        }

        @Override
        public void assertDoneOnce() {
            assertEquals(1, Databases.patientsWith(patient.nhsNumber()), "one patient");
            assertEquals(1, Databases.peopleWith(patient.nhsNumber()), "one person");
        }
    }

    /**
     * A hospital clinician discharges an admitted patient to social care: the admission closes with a discharge summary in
     * the hospital database, the assessment request opens in the social-care one.
     */
    static final class TransferOfCare implements Workflow {
        private final String nhsNumber;
        private final long admission;

        TransferOfCare() {
            TestPatients patient = TestPatients.aPatient();
            Api.Reply registered = post("/api/patients", Tokens.staff("gp.beech", "GP").sign(), patient.json());
            assertEquals(201, registered.status(), registered.body());
            nhsNumber = patient.nhsNumber();
            Databases.openAdmission(nhsNumber, "RXA");
            admission = Databases.admit(nhsNumber, "RXA");
        }

        @Override
        public Api.Reply send() {
            return post("/api/patients/" + nhsNumber + "/transfers-of-care", Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign(),
                    Api.json("admissionId", Long.toString(admission), "dischargeSummary", "Pneumonia treated; walks with a frame",
                            "careNeeds", "Help with washing and dressing twice a day", "careProviderOdsCode", "CP001"));
        }

        @Override
        public boolean inHospital() {
            return Databases.dischargeSummaries(admission) == 1;
        }

        @Override
        public boolean inSocialCare() {
            return Databases.assessmentRequests(admission) == 1;
        }

        @Override
        public void assertDoneOnce() {
            assertEquals(1, Databases.dischargeSummaries(admission), "one discharge summary");
            assertEquals(1, Databases.assessmentRequests(admission), "one assessment request");
            assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from hospital_entry where id = ? and status = 'CLOSED'",
                    admission), "the admission closed");
        }
    }
}

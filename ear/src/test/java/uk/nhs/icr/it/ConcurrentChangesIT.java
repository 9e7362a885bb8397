package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Nobody overwrites a change they never saw: each version of a patient's decision has an ETag; a change to
 * one that exists names the version it changes with If-Match (428 without, 412 when someone got there first),
 * and the first is created with If-None-Match: *. Of many simultaneous changes to one version, one wins.
 */
class ConcurrentChangesIT extends IcrDeployment {

    private static final Api.Client GP = Api.as(Tokens.staff("gp.beech", "GP").sign());
    private static final String DIRECTIVE = "{\"status\":\"active\",\"atPatientsRequest\":true,\"reason\":\"Patient asked at the surgery today\",\"provisions\":"
            + "[{\"type\":\"deny\",\"categories\":[\"mental_health\"],\"organisations\":[\"RXB\"]}]}";

    private static String aRegisteredPatient() {
        TestPatients patient = aPatient();
        assertEquals(201, Api.postJson("/api/patients", patient.json()).status());
        return patient.nhsNumber();
    }

    private static int versions(String table, String patient) {
        return Databases.count(Databases.HOSPITAL, "select count(*) from " + table + " where patient_nhs_number = ?", patient);
    }

    @Test
    void a_consent_change_names_the_version_it_changes() {
        String patient = aRegisteredPatient();
        String path = "/api/patients/" + patient + "/consent";

        Api.Reply first = GP.putJson(path, DIRECTIVE, "If-None-Match", "*");
        assertEquals(200, first.status(), first.body());
        assertEquals("\"1\"", first.header("ETag"));
        assertEquals("\"1\"", GP.get(path).header("ETag"));

        GP.putJson(path, DIRECTIVE).problem(428);
        GP.putJson(path, DIRECTIVE, "If-Match", "\"7\"").problem(412);
        GP.putJson(path, DIRECTIVE, "If-None-Match", "*").problem(412);
        assertEquals(List.of("If-Match"), GP.putJson(path, DIRECTIVE, "If-Match", "version one").problemFields(400));
        assertEquals(1, versions("consent_directive", patient), "nothing written by the refused changes");

        Api.Reply second = GP.putJson(path, DIRECTIVE, "If-Match", "\"1\"");
        assertEquals(200, second.status(), second.body());
        assertEquals("\"2\"", second.header("ETag"));
        GP.putJson(path, DIRECTIVE, "If-Match", "\"1\"").problem(412);
    }

    @Test
    void of_twenty_simultaneous_changes_to_one_version_exactly_one_is_recorded() throws Exception {
        String patient = aRegisteredPatient();
        String path = "/api/patients/" + patient + "/consent";
        assertEquals(200, GP.putJson(path, DIRECTIVE).status(), "the first version needs no precondition");

        ExecutorService clients = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> answers = IntStream.range(0, 20)
                    .mapToObj(i -> clients.submit(() -> GP.putJson(path, DIRECTIVE, "If-Match", "\"1\"").status()))
                    .toList();
            List<Integer> statuses = answers.stream().map(answer -> {
                try {
                    return answer.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();

            assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
            assertTrue(statuses.stream().allMatch(status -> status == 200 || status == 412 || status == 409), statuses.toString());
        } finally {
            clients.shutdownNow();
        }
        assertEquals(2, versions("consent_directive", patient));
    }

    @Test
    void the_opt_out_and_donation_circumstances_are_changed_the_same_way() {
        String patient = aRegisteredPatient();
        String optOut = "/api/patients/" + patient + "/data-opt-out";
        String circumstances = "/api/patients/" + patient + "/organ-donation/circumstances";
        Api.Client own = Api.as(Tokens.patient(patient).sign());

        assertEquals("\"1\"", own.putJson(optOut, "{\"optedOut\":true}").header("ETag"));
        own.putJson(optOut, "{\"optedOut\":false}").problem(428);
        assertEquals(200, own.putJson(optOut, "{\"optedOut\":false}", "If-Match", own.get(optOut).header("ETag")).status());

        GP.get(circumstances).problem(404);
        assertEquals("\"1\"", GP.putJson(circumstances, "{\"lacksCapacity\":false,\"residency\":\"visitor\"}").header("ETag"));
        GP.putJson(circumstances, "{\"lacksCapacity\":false,\"residency\":\"ordinarily-resident\"}").problem(428);
        GP.putJson(circumstances, "{\"lacksCapacity\":false,\"residency\":\"ordinarily-resident\"}", "If-Match", "\"2\"").problem(412);
        assertEquals(200, GP.putJsonOverCurrent(circumstances, "{\"lacksCapacity\":false,\"residency\":\"ordinarily-resident\"}").status());

        assertEquals(2, versions("data_opt_out", patient));
        assertEquals(2, versions("organ_donation_circumstances", patient));
    }

    @Test
    void the_organ_donation_decision_and_the_demographics_answer_with_an_etag_and_a_change_names_it() {
        TestPatients registered = aPatient();
        Api.Reply created = Api.postJson("/api/patients", registered.json());
        assertEquals("\"1\"", created.header("ETag"), "the registration is version 1 of the demographics");
        String patient = registered.nhsNumber();
        String postcode = "/api/patients/" + patient + "/postcode";
        assertEquals("\"1\"", GP.get("/api/patients/" + patient).header("ETag"));
        GP.putJson(postcode, Api.json("postcode", "BS5 6XY")).problem(428);
        Api.Reply moved = GP.putJson(postcode, Api.json("postcode", "BS5 6XY"), "If-Match", "\"1\"");
        assertEquals(200, moved.status(), moved.body());
        assertEquals("\"2\"", moved.header("ETag"));
        GP.putJson(postcode, Api.json("postcode", "LS6 2AB"), "If-Match", "\"1\"").problem(412);
        assertEquals("BS5 6XY", GP.get("/api/patients/" + patient).json().getString("postcode"), "the change seen stands");

        Api.Client own = Api.as(Tokens.patient(patient).sign());
        String donation = "/api/patients/" + patient + "/organ-donation";
        String optIn = "{\"birthDate\":\"1985-12-10\",\"decision\":\"opt-in\"}";
        String optOut = "{\"birthDate\":\"1985-12-10\",\"decision\":\"opt-out\"}";
        Api.Reply first = own.postJson(donation, optIn, "If-None-Match", "*");
        assertEquals(201, first.status(), first.body());
        assertEquals("\"1\"", first.header("ETag"));
        assertEquals("\"1\"", own.get(donation).header("ETag"));
        own.postJson(donation, optOut).problem(428);
        own.postJson(donation, optOut, "If-None-Match", "*").problem(412);
        assertEquals(201, own.postJson(donation, optOut, "If-Match", "\"1\"").status());
        own.postJson(donation, optIn, "If-Match", "\"1\"").problem(412);
        assertEquals(201, GP.postJson(donation, optIn, "If-Match", "*").status(), "staff replacing the whole decision say so");
        assertEquals(3, versions("organ_donation_decision", patient));
    }
}

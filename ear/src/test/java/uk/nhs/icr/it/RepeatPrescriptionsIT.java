package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Repeat prescriptions as a practice and its patients use them: a GP authorises, the patient (or a proxy with the
 * prescriptions service) requests in the app, the practice's GPs issue (one issue used) or reject with a reason; a request
 * is refused with a reason the patient understands when the review is due, no issue is left, or one is already waiting.
 */
class RepeatPrescriptionsIT extends IcrDeployment {

    private static final Api.Client GP = Api.as(Tokens.staff("gp.beech", "GP").sign());
    private static final Api.Client ADMIN = Api.as(Tokens.staff("admin.beech", "ADMIN").sign());

    private static String patient(LocalDate born) {
        TestPatients patient = aPatient().birthDate(born);
        assertEquals(201, patient.register().status());
        return patient.nhsNumber();
    }

    private static long authorise(String patient, String medicine, int issues) {
        Api.Reply reply = GP.postJson("/api/patients/" + patient + "/repeats", "{\"medicine\":\"" + medicine + "\",\"dose\":\"One daily\","
                + "\"quantity\":\"28 tablets\",\"issuesAllowed\":" + issues + ",\"reviewDate\":\"" + LocalDate.now().plusMonths(6) + "\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonNumber("id").longValue();
    }

    private static int pending(String patient) {
        return Databases.count(Databases.HOSPITAL, "select count(*) from repeat_request where patient_nhs_number = ? and status = 'PENDING'",
                patient);
    }

    @Test
    void the_patient_requests_a_repeat_to_their_pharmacy_and_a_gp_issues_it_using_one_issue() {
        String patient = patient(LocalDate.of(1956, 4, 4));
        long ramipril = authorise(patient, "Ramipril 5 mg capsules", 2);
        Api.Client me = Api.as(Tokens.patient(patient).sign());

        assertEquals(List.of("pharmacyOdsCode"), me.postJson("/api/me/prescriptions/requests", "{\"repeats\":[" + ramipril + "]}")
                .problemFields(400), "no nominated pharmacy and none named");
        assertEquals(200, me.putJson("/api/me/prescriptions/pharmacy", "{\"pharmacyOdsCode\":\"FA123\"}").status());
        Api.Reply requested = me.postJson("/api/me/prescriptions/requests", "{\"repeats\":[" + ramipril + "],\"note\":\"Away next week\"}");
        assertEquals(201, requested.status(), requested.body());
        JsonObject request = requested.jsonArray().getJsonObject(0);
        assertEquals("pending", request.getString("status"));
        assertEquals("FA123", request.getString("pharmacyOdsCode"));

        JsonObject listed = me.get("/api/me/prescriptions").jsonArray().getJsonObject(0);
        assertFalse(listed.getBoolean("requestable"));
        assertTrue(me.postJson("/api/me/prescriptions/requests", "{\"repeats\":[" + ramipril + "]}").problem(409).getString("detail")
                .contains("already waiting"));
        assertEquals(1, pending(patient));

        List<JsonObject> queue = GP.get("/api/practice/repeat-requests?size=100").json().getJsonArray("items").getValuesAs(JsonObject.class);
        JsonObject queued = queue.stream().filter(item -> item.getString("patientNhsNumber").equals(patient)).findFirst().orElseThrow();
        assertEquals("Ramipril 5 mg capsules", queued.getString("medicine"));
        assertEquals("Away next week", queued.getString("note"));
        long id = queued.getJsonNumber("id").longValue();

        ADMIN.postJson("/api/patients/" + patient + "/repeats/requests/" + id + "/issue", "{}").problem(403);
        JsonObject issued = GP.postJson("/api/patients/" + patient + "/repeats/requests/" + id + "/issue", "{}").json();
        assertEquals("issued", issued.getString("status"));
        assertEquals(1, issued.getInt("issuesLeft"));
        GP.postJson("/api/patients/" + patient + "/repeats/requests/" + id + "/issue", "{}").problem(409);
        JsonObject history = me.get("/api/me/prescriptions/requests").json().getJsonArray("items").getJsonObject(0);
        assertEquals("issued", history.getString("status"));
        assertEquals("Dr Amina Shah", history.getString("decidedBy"));
        assertTrue(me.get("/api/me/prescriptions").jsonArray().getJsonObject(0).getBoolean("requestable"), "one issue left");
    }

    @Test
    void a_review_that_is_due_or_no_issue_left_refuses_the_whole_request_with_reasons_the_patient_understands() {
        String patient = patient(LocalDate.of(1949, 1, 1));
        long fine = authorise(patient, "Amlodipine 5 mg tablets", 3);
        Databases.execute(Databases.HOSPITAL, "insert into repeat_template (patient_nhs_number, medicine, dose, quantity, issues_allowed,"
                + " issues_used, review_date, practice_ods, authorised_by_username, authorised_by_name, authorised_at) values"
                + " (?, 'Atorvastatin 20 mg tablets', 'One at night', '28 tablets', 6, 2, current_date - 1, 'Y90001', 'gp.beech',"
                + " 'Dr Amina Shah', now()), (?, 'Metformin 500 mg tablets', 'Twice daily', '56 tablets', 3, 3, current_date + 90,"
                + " 'Y90001', 'gp.beech', 'Dr Amina Shah', now())", patient, patient);
        List<Long> ids = Api.as(Tokens.patient(patient).sign()).get("/api/me/prescriptions").jsonArray().getValuesAs(JsonObject.class)
                .stream().map(repeat -> repeat.getJsonNumber("id").longValue()).toList();
        assertEquals(3, ids.size());

        String detail = Api.as(Tokens.patient(patient).sign()).postJson("/api/me/prescriptions/requests", "{\"repeats\":" + ids
                + ",\"pharmacyOdsCode\":\"FA123\"}").problem(409).getString("detail");
        assertTrue(detail.contains("Atorvastatin 20 mg tablets: your medication review is due; contact your practice"), detail);
        assertTrue(detail.contains("Metformin 500 mg tablets: there are no issues left"), detail);
        assertFalse(detail.contains("Amlodipine"), detail);
        assertEquals(0, pending(patient), "all or nothing: the one that could go did not go alone");
        assertEquals(201, Api.as(Tokens.patient(patient).sign()).postJson("/api/me/prescriptions/requests", "{\"repeats\":[" + fine
                + "],\"pharmacyOdsCode\":\"FA123\"}").status());
    }

    @Test
    void of_many_requests_for_one_repeat_at_once_exactly_one_is_pending() throws Exception {
        String patient = patient(LocalDate.of(1960, 2, 2));
        long repeat = authorise(patient, "Levothyroxine 50 microgram tablets", 6);
        String token = Tokens.patient(patient).sign();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                attempts.add(() -> Api.as(token).postJson("/api/me/prescriptions/requests", "{\"repeats\":[" + repeat
                        + "],\"pharmacyOdsCode\":\"FA123\"}").status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(attempts)) {
                statuses.add(status.get());
            }
            assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
            assertEquals(19, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, pending(patient));
    }

    @Test
    void a_gp_rejects_with_a_reason_the_patient_reads_and_a_proxy_requests_only_with_the_prescriptions_service() {
        String patient = patient(LocalDate.now().minusYears(9));
        String parent = patient(LocalDate.of(1985, 5, 5));
        String neighbour = patient(LocalDate.of(1970, 7, 7));
        long inhaler = authorise(patient, "Salbutamol 100 micrograms inhaler", 4);
        recordLink(patient, parent, "parental-responsibility", "[\"record\",\"prescriptions\"]");
        recordLink(patient, neighbour, "parental-responsibility", "[\"record\"]");

        Api.as(Tokens.patient(neighbour).sign()).postJson("/api/me/prescriptions/requests?for=" + patient, "{\"repeats\":[" + inhaler
                + "],\"pharmacyOdsCode\":\"FA123\"}").problem(403);
        Api.Reply byParent = Api.as(Tokens.patient(parent).sign()).postJson("/api/me/prescriptions/requests?for=" + patient,
                "{\"repeats\":[" + inhaler + "],\"pharmacyOdsCode\":\"FA123\"}");
        assertEquals(201, byParent.status(), byParent.body());
        long id = byParent.jsonArray().getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from repeat_request where id = ? and requested_by = ?", id,
                "patient:" + parent), "requested by the parent, for the child");

        assertEquals(List.of("reason"), GP.postJson("/api/patients/" + patient + "/repeats/requests/" + id + "/rejection", "{}")
                .problemFields(400));
        assertEquals("rejected", GP.postJson("/api/patients/" + patient + "/repeats/requests/" + id + "/rejection",
                "{\"reason\":\"Issued 2 inhalers last week; please ask again next month\"}").json().getString("status"));
        JsonObject seen = Api.as(Tokens.patient(parent).sign()).get("/api/me/prescriptions/requests?for=" + patient).json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals("Issued 2 inhalers last week; please ask again next month", seen.getString("rejectionReason"));
    }

    @Test
    void a_bulk_issue_answers_for_each_request() {
        String patient = patient(LocalDate.of(1951, 3, 3));
        long first = authorise(patient, "Bisoprolol 2.5 mg tablets", 1);
        long second = authorise(patient, "Furosemide 20 mg tablets", 2);
        Api.Client me = Api.as(Tokens.patient(patient).sign());
        List<Long> requests = me.postJson("/api/me/prescriptions/requests", "{\"repeats\":[" + first + "," + second
                + "],\"pharmacyOdsCode\":\"FA123\"}").jsonArray().getValuesAs(JsonObject.class).stream()
                .map(request -> request.getJsonNumber("id").longValue()).toList();
        GP.postJson("/api/patients/" + patient + "/repeats/requests/" + requests.get(1) + "/issue", "{}");

        List<JsonObject> outcomes = GP.postJson("/api/practice/repeat-requests/issue", "{\"requests\":[{\"nhsNumber\":\"" + patient
                + "\",\"id\":" + requests.get(0) + "},{\"nhsNumber\":\"" + patient + "\",\"id\":" + requests.get(1) + "}]}").jsonArray()
                .getValuesAs(JsonObject.class);
        assertTrue(outcomes.get(0).getBoolean("issued"));
        assertFalse(outcomes.get(1).getBoolean("issued"));
        assertTrue(outcomes.get(1).getString("detail").contains("already"), outcomes.toString());
        assertEquals(0, pending(patient));
    }

    @Test
    void two_gps_issuing_one_request_at_once_use_one_issue_and_the_second_is_told_it_was_decided() throws Exception {
        String patient = patient(LocalDate.of(1957, 5, 5));
        long repeat = authorise(patient, "Doxazosin 4 mg tablets", 5);
        long request = Api.as(Tokens.patient(patient).sign()).postJson("/api/me/prescriptions/requests", "{\"repeats\":[" + repeat
                + "],\"pharmacyOdsCode\":\"FA123\"}").jsonArray().getJsonObject(0).getJsonNumber("id").longValue();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> issues = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                issues.add(() -> GP.postJson("/api/patients/" + patient + "/repeats/requests/" + request + "/issue", "{}").status());
            }
            for (Future<Integer> status : pool.invokeAll(issues)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select issues_used from repeat_template where id = ?", repeat),
                "one issue used, not eight");
    }

    @Test
    void the_demo_parent_sees_her_repeats_as_the_readme_describes_them_and_requests_her_sons_inhaler() {
        String hannah = "9989999902";
        String leo = "9989999910";
        Api.Client app = Api.as(Tokens.patient(hannah).sign());
        List<JsonObject> repeats = app.get("/api/me/prescriptions").jsonArray().getValuesAs(JsonObject.class);
        assertEquals(List.of("Levothyroxine 50 microgram tablets: requestable", "Omeprazole 20 mg capsules: there are no issues left on"
                + " this repeat; contact your practice to renew it", "Ramipril 5 mg capsules: your medication review is due; contact your"
                + " practice"), repeats.stream().map(repeat -> repeat.getString("medicine") + ": " + (repeat.getBoolean("requestable")
                ? "requestable" : repeat.getString("whyNot"))).toList());
        List<JsonObject> profiles = app.get("/api/me/profiles").jsonArray().getValuesAs(JsonObject.class);
        assertTrue(profiles.stream().anyMatch(profile -> profile.getString("nhsNumber").equals(leo) && profile.getBoolean("active")));
        long inhaler = app.get("/api/me/prescriptions?for=" + leo).jsonArray().getJsonObject(0).getJsonNumber("id").longValue();
        Api.Reply requested = app.postJson("/api/me/prescriptions/requests?for=" + leo, "{\"repeats\":[" + inhaler
                + "],\"pharmacyOdsCode\":\"FA123\"}");
        assertTrue(requested.status() == 201 || requested.status() == 409, requested.body());
        assertEquals(1, pending(leo), "his inhaler waits for the practice, once");
    }

    private static void recordLink(String patient, String proxy, String basis, String services) {
        assertEquals(201, ADMIN.postJson("/api/patients/" + patient + "/proxies", "{\"proxyNhsNumber\":\"" + proxy + "\",\"proxyName\":"
                + "\"" + PatientAppIT.nameOf(proxy) + "\",\"basis\":\"" + basis + "\",\"evidence\":\"Seen\",\"services\":" + services
                + "}").status());
    }
}

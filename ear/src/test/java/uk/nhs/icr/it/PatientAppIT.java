package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The patient's own front door (/api/me) as an NHS App-like client calls it: the patient's own view of their record and
 * results (no safeguarding, nothing marked not for patient view, no result before it is released), their preferences,
 * who viewed their record, and the people who act for them as proxies, within the services and the rules their GP
 * practice recorded.
 */
class PatientAppIT extends IcrDeployment {

    private static final Api.Client GP = Api.as(Tokens.staff("gp.beech", "GP").sign());
    private static final Api.Client ADMIN = Api.as(Tokens.staff("admin.beech", "ADMIN").sign());

    private static String patientBorn(LocalDate birthDate) {
        TestPatients patient = aPatient().birthDate(birthDate);
        assertEquals(201, patient.register().status());
        return patient.nhsNumber();
    }

    private static Api.Client app(String nhsNumber) {
        return Api.as(Tokens.patient(nhsNumber).sign());
    }

    private static long recordPotassium(String patient, String value) {
        JsonObject result = GP.postJson("/api/patients/" + patient + "/blood-tests", "{\"test\":\"Potassium\",\"value\":" + value
                + ",\"unit\":\"mmol/L\",\"referenceLow\":3.5,\"referenceHigh\":5.3,\"reportedAt\":\"2026-11-01T09:00:00Z\","
                + "\"requestedBy\":\"Dr Rafael Ortiz\"}").json();
        return result.getJsonNumber("id").longValue();
    }

    /** The ids of the patient's results in the practice's queue, looked for on every page. */
    private static List<Long> queued(String patient) {
        List<Long> ids = new ArrayList<>();
        int pages = 1;
        for (int page = 0; page < pages; page++) {
            JsonObject queue = GP.get("/api/practice/results-to-review?size=100&page=" + page).json();
            pages = queue.getInt("totalPages");
            queue.getJsonArray("items").getValuesAs(JsonObject.class).stream().filter(item -> item.getString("patientNhsNumber")
                    .equals(patient)).forEach(item -> ids.add(item.getJsonNumber("id").longValue()));
        }
        return ids;
    }

    private static List<String> titles(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(entry -> entry.getString("title")).toList();
    }

    /** The proxy's name as registered: the practice names the person it means. */
    static String nameOf(String nhsNumber) {
        List<String> row = Databases.patientRow(nhsNumber);
        return row.get(1) + " " + row.get(2);
    }

    private static String link(String proxy, String basis, String services) {
        return "{\"proxyNhsNumber\":\"" + proxy + "\",\"proxyName\":\"" + nameOf(proxy) + "\",\"basis\":\"" + basis
                + "\",\"evidence\":\"Seen at the practice\",\"services\":" + services + "}";
    }

    private static long recordLink(Api.Client practice, String patient, String proxy, String basis, String services) {
        Api.Reply recorded = practice.postJson("/api/patients/" + patient + "/proxies", link(proxy, basis, services));
        assertEquals(201, recorded.status(), recorded.body());
        return recorded.json().getJsonNumber("id").longValue();
    }

    @Test
    void a_result_reaches_the_patient_once_reviewed_with_the_clinicians_comment_and_not_before() {
        String patient = patientBorn(LocalDate.of(1970, 5, 1));
        long reviewed = recordPotassium(patient, "5.6");
        long waiting = recordPotassium(patient, "4.1");
        Api.Client me = app(patient);

        assertEquals(0, me.get("/api/me/results").json().getInt("totalItems"), "nothing reviewed yet, nothing released");
        me.get("/api/me/record/hospital/" + waiting).problem(404);
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from hospital_entry where id = ?"
                + " and released_to_patient_at = recorded_at + interval '7 days'", waiting), "held for the release delay (P7D)");

        assertEquals(List.of(reviewed, waiting), queued(patient), "both wait in the practice's queue, oldest first");
        ADMIN.get("/api/practice/results-to-review").problem(403);
        ADMIN.postJson("/api/patients/" + patient + "/results/" + reviewed + "/review", "{}").problem(403);
        Databases.openAdmission(patient, "RXA");
        Api.as(Tokens.staff("nurse.northgate", "NURSE").sign()).postJson("/api/patients/" + patient + "/results/" + reviewed
                + "/review", "{}").problem(403);
        assertEquals(200, GP.postJson("/api/patients/" + patient + "/results/" + reviewed + "/review",
                "{\"comment\":\"Slightly high: please book a repeat test in 2 weeks\"}").status());
        GP.postJson("/api/patients/" + patient + "/results/" + reviewed + "/review", "{}").problem(409);
        assertEquals(List.of(waiting), queued(patient), "a reviewed result leaves the queue");
        JsonObject asStaffSee = GP.get("/api/patients/" + patient + "/record/hospital/" + waiting).json();
        assertFalse(asStaffSee.isNull("releasedToPatientAt"), "staff see that it is held back from the patient: " + asStaffSee);

        List<JsonObject> results = me.get("/api/me/results").json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(1, results.size(), "the reviewed one only");
        JsonObject potassium = results.get(0);
        assertEquals(reviewed, potassium.getJsonNumber("id").longValue());
        assertEquals("above the normal range", potassium.getString("inWords"));
        assertEquals("Slightly high: please book a repeat test in 2 weeks", potassium.getString("clinicianComment"));
        assertTrue(potassium.getString("aboutThisTest").contains("nerves and muscles"), potassium.toString());
        assertEquals("Dr Amina Shah", potassium.getString("reportedBy"), "who put it on the record");
        assertEquals("Dr Rafael Ortiz", potassium.getString("requestedBy"), "who asked for the test");
        assertEquals(2, GP.get("/api/patients/" + patient + "/record?type=BLOOD_TEST").json().getInt("totalItems"),
                "staff see both");
    }

    @Test
    void a_result_nobody_reviews_reaches_the_patient_when_its_release_delay_has_passed() {
        String patient = patientBorn(LocalDate.of(1968, 2, 2));
        // as the service holds them (recorded time plus the delay): one recorded 8 days ago, one 6 days ago
        for (int daysAgo : new int[] {8, 6}) {
            Databases.execute(Databases.HOSPITAL, "insert into hospital_entry (patient_nhs_number, entry_type, occurred_at, recorded_at,"
                    + " author_username, author_name, organisation_ods, title, status, result_value, unit, reference_low, reference_high,"
                    + " abnormal_flag, released_to_patient_at) values (?, 'BLOOD_TEST', now() - make_interval(days => ?), now() -"
                    + " make_interval(days => ?), 'lab.system', 'Laboratory', 'RXA', ?, 'FINAL', 140, 'mmol/L', 133, 146, 'NORMAL',"
                    + " now() - make_interval(days => ?) + interval '7 days')", patient, daysAgo, daysAgo, "Sodium " + daysAgo, daysAgo);
        }

        List<JsonObject> results = app(patient).get("/api/me/results").json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(List.of("Sodium 8"), results.stream().map(result -> result.getString("test")).toList());
        assertFalse(results.get(0).getBoolean("reviewed"));
        assertEquals("within the normal range", results.get(0).getString("inWords"));
        assertEquals(List.of("Sodium 8"), titles(app(patient).get("/api/me/record?type=BLOOD_TEST").json()));
    }

    @Test
    void an_entry_marked_not_for_patient_view_leaves_the_patients_view_but_not_the_record() {
        String patient = patientBorn(LocalDate.of(1975, 7, 7));
        JsonObject problem = GP.postJson("/api/patients/" + patient + "/problems", "{\"snomedCode\":\"38341003\",\"display\":"
                + "\"Hypertension\",\"onset\":\"2026-01-10T09:00:00Z\"}").json();
        long id = problem.getJsonNumber("id").longValue();
        String view = "/api/patients/" + patient + "/record/hospital/" + id + "/patient-view";
        Api.Client me = app(patient);
        assertEquals(List.of("Hypertension"), titles(me.get("/api/me/record").json()));

        assertEquals(200, GP.putJson(view, "{\"visible\":false}").status());
        assertEquals(List.of(), titles(me.get("/api/me/record").json()));
        me.get("/api/me/record/hospital/" + id).problem(404);
        assertFalse(me.get("/api/me/record").json().getBoolean("withheld"), "nothing tells the patient something is kept from them");
        assertEquals(List.of("Hypertension"), titles(GP.get("/api/patients/" + patient + "/record").json()));
        assertEquals(List.of("visible"), GP.putJson(view, "{}").problemFields(400));

        assertEquals(200, GP.putJson(view, "{\"visible\":true}").status());
        assertEquals(List.of("Hypertension"), titles(me.get("/api/me/record").json()));
        assertEquals(2, Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?"
                + " and resource_type = 'EntryPatientView' and outcome = 'GRANTED'", patient), "each change on the patient's log");
        assertTrue(me.get("/api/me/access-log?size=100").json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .noneMatch(entry -> entry.getString("what").contains("EntryPatientView") || entry.getString("what").contains("patient view")),
                "nor does their access log show that something was marked");
    }

    @Test
    void a_parent_acts_for_their_child_within_the_services_the_practice_granted_and_is_audited_as_themselves() {
        String parent = patientBorn(LocalDate.of(1984, 3, 3));
        String child = patientBorn(LocalDate.now().minusYears(8));
        recordLink(ADMIN, child, parent, "parental-responsibility", "[\"record\"]");
        Api.Client parentApp = app(parent);

        List<JsonObject> profiles = parentApp.get("/api/me/profiles").jsonArray().getValuesAs(JsonObject.class);
        assertEquals(2, profiles.size());
        assertTrue(profiles.get(0).getBoolean("self"));
        assertEquals(child, profiles.get(1).getString("nhsNumber"));
        assertTrue(profiles.get(1).getBoolean("active"));
        assertEquals("parent or guardian", profiles.get(1).getString("relationship"));

        Databases.addProblemDirectly(child, "MENTAL_HEALTH", "Anxiety disorder");
        Databases.addProblemDirectly(child, "GENERAL", "Eczema");
        assertEquals(List.of("Eczema"), titles(parentApp.get("/api/me/record?for=" + child).json()),
                "a parent does not read what the child's own confidentiality covers");
        assertEquals(200, parentApp.get("/api/me/record/summary?for=" + child).status());
        parentApp.get("/api/me/access-log?for=" + child).problem(403);
        assertTrue(parentApp.get("/api/me/preferences/data-opt-out?for=" + child).problem(403).getString("detail")
                .contains("does not include their preferences"), "preferences were not granted");
        assertEquals(3, Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?"
                + " and username = ? and purpose = 'PROXY_ACCESS' and outcome = 'GRANTED' and reason like '%proxy link%'", child,
                "patient:" + parent), "the listing, the record and the summary: on the child's log as the parent, acting for them");

        app(child).get("/api/me/record").problem(403);
        String stranger = patientBorn(LocalDate.of(1990, 1, 1));
        app(stranger).get("/api/me/record?for=" + child).problem(403);
        assertEquals(List.of("for"), parentApp.get("/api/me/record?for=12345").problemFields(400));
        GP.get("/api/me/record").problem(403);
    }

    @Test
    void the_practice_records_a_proxy_who_is_registered_named_as_registered_and_16_or_over_and_reviews_at_11_not_before() {
        String child = patientBorn(LocalDate.now().minusYears(7));
        String parent = patientBorn(LocalDate.of(1988, 8, 8));
        String sibling = patientBorn(LocalDate.now().minusYears(15));
        String path = "/api/patients/" + child + "/proxies";

        assertEquals(List.of("proxyNhsNumber"), ADMIN.postJson(path, "{\"proxyNhsNumber\":\"" + TestPatients.newNhsNumber()
                + "\",\"proxyName\":\"Anyone\",\"basis\":\"parental-responsibility\",\"evidence\":\"Seen\",\"services\":"
                + "[\"record\"]}").problemFields(400), "not registered");
        assertEquals(List.of("proxyName"), ADMIN.postJson(path, "{\"proxyNhsNumber\":\"" + parent + "\",\"proxyName\":"
                + "\"Someone Else\",\"basis\":\"parental-responsibility\",\"evidence\":\"Seen\",\"services\":[\"record\"]}")
                .problemFields(400), "a valid number of someone else: a typing slip");
        assertEquals(List.of("proxyNhsNumber"), ADMIN.postJson(path, link(sibling, "parental-responsibility", "[\"record\"]"))
                .problemFields(400), "under 16");
        long id = recordLink(ADMIN, child, parent, "parental-responsibility", "[\"record\"]");
        assertEquals(List.of("linkId"), GP.postJson(path + "/" + id + "/continuation", "{}").problemFields(400),
                "the review at 11 is not taken at 7");
        Api.as(Tokens.staff("gp.canal", "GP").sign()).postJson(path + "/" + id + "/revocation", "{\"reason\":\"not ours\"}")
                .problem(404);
        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from proxy_link where id = ? and (revoked_at is not null"
                + " or continued_past_eleven_at is not null)", id));
    }

    @Test
    void a_parents_access_is_suspended_at_the_childs_11th_birthday_until_the_gp_decides_it_continues() {
        String parent = patientBorn(LocalDate.of(1980, 4, 4));
        String child = patientBorn(LocalDate.now().minusYears(11).minusDays(1));
        long link = recordLink(ADMIN, child, parent, "parental-responsibility", "[\"record\",\"appointments\"]");
        Api.Client parentApp = app(parent);

        assertTrue(parentApp.get("/api/me/record?for=" + child).problem(403).getString("detail").contains("11th birthday"));
        assertTrue(parentApp.get("/api/me/profiles").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(profile -> profile.getString("nhsNumber").equals(child))
                .allMatch(profile -> !profile.containsKey("name") && !profile.getBoolean("active")), "nothing of the child while suspended");
        ADMIN.postJson("/api/patients/" + child + "/proxies/" + link + "/continuation", "{}").problem(403);
        JsonObject continued = GP.postJson("/api/patients/" + child + "/proxies/" + link + "/continuation", "{}").json();
        assertTrue(continued.getBoolean("active"), continued.toString());
        assertEquals("Dr Amina Shah", continued.getString("continuedPastElevenBy"));
        assertEquals(1, continued.getInt("version"), "the version the decision made");
        assertEquals(1, GP.get("/api/patients/" + child + "/proxies").jsonArray().getJsonObject(0).getInt("version"),
                "as the next read shows it");
        assertEquals(200, parentApp.get("/api/me/record?for=" + child).status());
    }

    @Test
    void from_16_a_carer_acts_only_once_a_gp_confirms_the_young_persons_free_consent_and_the_patient_can_end_it() {
        String carer = patientBorn(LocalDate.of(1979, 9, 9));
        String young = patientBorn(LocalDate.now().minusYears(16).minusDays(3));
        assertEquals(List.of("basis"), GP.postJson("/api/patients/" + young + "/proxies", link(carer, "parental-responsibility",
                "[\"record\"]")).problemFields(400));
        long link = recordLink(GP, young, carer, "carer-with-consent", "[\"record\",\"preferences\"]");
        Api.Client carerApp = app(carer);

        assertTrue(carerApp.get("/api/me/record?for=" + young).problem(403).getString("detail").contains("consent freely"));
        assertEquals(200, GP.postJson("/api/patients/" + young + "/proxies/" + link + "/consent-confirmation", "{}").status());
        assertEquals(200, carerApp.get("/api/me/record?for=" + young).status());
        assertEquals(200, carerApp.get("/api/me/preferences/data-opt-out?for=" + young).status(), "preferences were granted: read");
        assertTrue(carerApp.putJson("/api/me/preferences/data-opt-out?for=" + young, "{\"optedOut\":true}", "If-None-Match", "*")
                .problem(403).getString("detail").contains("otherwise the choice is this person's own"), "a carer never sets it");
        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from data_opt_out where patient_nhs_number = ?", young),
                "a change is the patient's own, or made at their practice");

        recordLinkRefusedAsDuplicate(young, carer);
        assertEquals(200, app(young).postJson("/api/me/proxies/" + link + "/revocation", "{\"reason\":\"I can manage myself\"}").status());
        carerApp.get("/api/me/record?for=" + young).problem(403);
        JsonObject ended = app(young).get("/api/me/proxies").jsonArray().getJsonObject(0);
        assertEquals("revoked", ended.getString("standing"));
        assertEquals("the patient", ended.getString("revokedBy"));
    }

    @Test
    void a_parent_sets_the_opt_out_for_a_child_under_13_and_an_attorney_for_an_adult_each_on_record_as_theirs() {
        String parent = patientBorn(LocalDate.of(1985, 5, 5));
        String child = patientBorn(LocalDate.now().minusYears(9));
        String teenager = patientBorn(LocalDate.now().minusYears(13).minusDays(2));
        String preferences = "[\"record\",\"preferences\"]";
        recordLink(ADMIN, child, parent, "parental-responsibility", preferences);
        long teenagers = recordLink(ADMIN, teenager, parent, "parental-responsibility", preferences);
        assertEquals(200, GP.postJson("/api/patients/" + teenager + "/proxies/" + teenagers + "/continuation", "{}").status());
        Api.Client parentApp = app(parent);

        assertEquals(200, parentApp.putJson("/api/me/preferences/data-opt-out?for=" + child, "{\"optedOut\":true}", "If-None-Match",
                "*").status());
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from data_opt_out where patient_nhs_number = ? and opted_out"
                + " and recorded_by_kind = 'PROXY' and channel = 'ONLINE' and recorded_by_name like ?", child, nameOf(parent) + " (parent%"),
                "the parent's choice, by their name, made online");
        assertTrue(parentApp.putJson("/api/me/preferences/data-opt-out?for=" + teenager, "{\"optedOut\":true}", "If-None-Match", "*")
                .problem(403).getString("detail").contains("under 13"), "from 13 it is the young person's own");
        parentApp.putJson("/api/me/preferences/organ-donation?for=" + child, "{\"decision\":\"opt-out\"}", "If-None-Match", "*")
                .problem(403);
        parentApp.putJson("/api/me/preferences/consent?for=" + child, "{\"status\":\"active\",\"provisions\":[{\"type\":\"deny\","
                + "\"categories\":[\"MENTAL_HEALTH\"]}]}", "If-None-Match", "*").problem(403);

        String attorney = patientBorn(LocalDate.of(1970, 1, 1));
        String adult = patientBorn(LocalDate.of(1938, 2, 2));
        recordLink(GP, adult, attorney, "lasting-power-of-attorney", preferences);
        assertEquals(200, app(attorney).putJson("/api/me/preferences/data-opt-out?for=" + adult, "{\"optedOut\":true}", "If-None-Match",
                "*").status());
        assertEquals("attorney", app(attorney).get("/api/me/preferences/data-opt-out?for=" + adult).json().getString("setBy"));
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from data_opt_out where patient_nhs_number = ?"
                + " and recorded_by_kind = 'ATTORNEY' and recorded_by_name like ?", adult, nameOf(attorney) + " (lasting power%"));
        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from data_opt_out where patient_nhs_number = ?", teenager));
    }

    private static void recordLinkRefusedAsDuplicate(String patient, String proxy) {
        GP.postJson("/api/patients/" + patient + "/proxies", link(proxy, "carer-with-consent", "[\"record\"]")).problem(409);
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from proxy_link where patient_nhs_number = ?", patient));
    }

    @Test
    void a_child_under_16_asks_the_practice_to_end_a_parents_access_and_another_practice_records_nothing() {
        String parent = patientBorn(LocalDate.of(1982, 8, 8));
        String child = patientBorn(LocalDate.now().minusYears(14));
        long link = recordLink(ADMIN, child, parent, "parental-responsibility", "[\"record\"]");

        app(child).postJson("/api/me/proxies/" + link + "/revocation", "{\"reason\":\"I want privacy\"}").problem(403);
        Api.as(Tokens.staff("gp.canal", "GP").sign()).postJson("/api/patients/" + child + "/proxies/" + link + "/revocation",
                "{\"reason\":\"not ours\"}").problem(404);
        assertEquals(List.of("reason"), ADMIN.postJson("/api/patients/" + child + "/proxies/" + link + "/revocation", "{}")
                .problemFields(400));
        assertEquals(200, ADMIN.postJson("/api/patients/" + child + "/proxies/" + link + "/revocation",
                "{\"reason\":\"Parental responsibility ended by court order\"}").status());
        app(parent).get("/api/me/record?for=" + child).problem(403);
    }

    @Test
    void the_patient_sets_their_own_preferences_signed_in_as_themselves_with_no_date_of_birth_check() {
        String patient = patientBorn(LocalDate.of(1977, 11, 11));
        Api.Client me = app(patient);

        Api.Reply decided = me.putJson("/api/me/preferences/organ-donation", "{\"decision\":\"opt-in\",\"organs\":[\"kidneys\"]}",
                "If-None-Match", "*");
        assertEquals(201, decided.status(), decided.body());
        JsonObject current = me.get("/api/me/preferences/organ-donation").json();
        assertEquals("patient", current.getString("recordedBy"));
        assertEquals(200, me.putJsonOverCurrent("/api/me/preferences/data-opt-out", "{\"optedOut\":true}").status());
        assertTrue(me.get("/api/me/preferences/data-opt-out").json().getBoolean("optedOut"));
        assertEquals(List.of("birthDate"), GP.postJson("/api/patients/" + patient + "/organ-donation", "{\"decision\":\"opt-out\"}",
                "If-Match", "\"1\"").problemFields(400), "staff recording for the person still give the date of birth");

        assertEquals(200, GP.get("/api/patients/" + patient + "/record").status());
        assertTrue(me.get("/api/me/access-log").json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(entry -> "GP".equals(entry.getString("role")) && "Beech Road Surgery".equals(entry.getString("organisationName"))),
                "the GP's read of their record is on their log, by organisation and role");
    }
}

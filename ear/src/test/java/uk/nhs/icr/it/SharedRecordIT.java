package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared record view over the API: one timeline of both databases, newest first, filtered and paged; the
 * summary with alerts and out-of-range results; every read checked and audited.
 */
class SharedRecordIT extends IcrDeployment {

    private static final Api.Client GP = Api.as(Tokens.staff("gp.beech", "GP").sign());
    private static final Api.Client SOCIAL_WORKER = Api.as(Tokens.staff("social.worker", "SOCIAL_WORKER").sign());
    private static final Api.Client CARE_WORKER = Api.as(Tokens.staff("care.worker", "CARE_WORKER").sign());

    private String patient;

    /** A patient of Beech Road Surgery on the social worker's caseload and cared for by Homecare Partners, with six entries. */
    @BeforeEach
    void a_patient_known_to_the_practice_and_to_social_care() {
        TestPatients registered = aPatient();
        assertEquals(201, Api.postJson("/api/patients", registered.json()).status());
        patient = registered.nhsNumber();
        Databases.allocateToCaseload(patient, "social.worker");
        Databases.onRotaNow(patient, "care.worker", "CP001");
        created(GP.postJson(path("/blood-tests"), Api.json("test", "Potassium", "value", "6.1", "unit", "mmol/L", "referenceLow", "3.5",
                "referenceHigh", "5.3", "reportedAt", "2026-11-01T09:00:00Z")));
        created(GP.postJson(path("/blood-tests"), Api.json("test", "Potassium", "value", "4.2", "unit", "mmol/L", "referenceLow", "3.5",
                "referenceHigh", "5.3", "reportedAt", "2026-10-01T09:00:00Z")));
        created(GP.postJson(path("/blood-tests"), Api.json("test", "Haemoglobin", "value", "98", "unit", "g/L", "referenceLow", "120",
                "referenceHigh", "170", "reportedAt", "2026-11-03T09:00:00Z")));
        created(GP.postJson(path("/allergies"), Api.json("substance", "Penicillin", "reaction", "Rash", "severity", "severe",
                "notedAt", "2019-06-01")));
        created(SOCIAL_WORKER.postJson(path("/needs-assessments"), Api.json("needs", "Help with washing", "eligibility", "eligible",
                "assessedAt", "2026-10-15T10:00:00Z")));
        created(CARE_WORKER.postJson(path("/care-visits"), Api.json("plannedStart", "2026-11-02T08:00:00Z", "plannedEnd",
                "2026-11-02T08:30:00Z", "actualStart", "2026-11-02T08:05:00Z", "actualEnd", "2026-11-02T08:35:00Z", "tasksDone",
                "Breakfast; medication prompted")));
    }

    private String path(String suffix) {
        return "/api/patients/" + patient + suffix;
    }

    private static void created(Api.Reply reply) {
        assertEquals(201, reply.status(), reply.body());
    }

    private static List<String> titles(Api.Reply page) {
        assertEquals(200, page.status(), page.body());
        return page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(entry -> entry.getString("source") + " " + entry.getString("title")).toList();
    }

    @Test
    void the_timeline_interleaves_both_records_newest_first_with_author_and_organisation() {
        Api.Reply timeline = GP.get(path("/record"));

        assertEquals(List.of("hospital Haemoglobin", "social-care Care visit", "hospital Potassium", "social-care Care Act needs assessment",
                "hospital Potassium", "hospital Penicillin"), titles(timeline));
        JsonObject visit = timeline.json().getJsonArray("items").getJsonObject(1);
        assertEquals("Maja Nowak", visit.getString("authorName"));
        assertEquals("CP001", visit.getString("organisationOdsCode"));
        assertEquals("2026-11-02T08:05:00Z", visit.getString("occurredAt"));
        assertEquals(6, timeline.json().getInt("totalItems"));
    }

    @Test
    void the_timeline_filters_by_source_type_and_dates_and_pages_across_both_stores() {
        assertEquals(List.of("social-care Care visit", "social-care Care Act needs assessment"), titles(GP.get(path("/record?source=social-care"))));
        assertEquals(List.of("hospital Haemoglobin", "hospital Potassium", "hospital Potassium"),
                titles(GP.get(path("/record?type=blood_test"))));
        assertEquals(List.of("social-care Care visit", "hospital Penicillin"), titles(GP.get(path("/record?type=CARE_VISIT,ALLERGY"))));
        assertEquals(List.of("social-care Care visit", "hospital Potassium"),
                titles(GP.get(path("/record?from=2026-11-01&to=2026-11-03"))));

        Api.Reply second = GP.get(path("/record?size=2&page=1"));
        assertEquals(List.of("hospital Potassium", "social-care Care Act needs assessment"), titles(second));
        assertEquals(6, second.json().getInt("totalItems"));
        assertEquals(3, second.json().getInt("totalPages"));
        assertEquals(List.of(), titles(GP.get(path("/record?size=2&page=3"))));
    }

    @Test
    void the_summary_shows_alerts_latest_results_with_out_of_range_flags_and_allergies() {
        Api.Reply reply = GP.get(path("/summary"));

        assertEquals(200, reply.status(), reply.body());
        JsonObject summary = reply.json();
        assertEquals(List.of("Allergy: Penicillin (severe)"), summary.getJsonArray("alerts").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        List<JsonObject> results = summary.getJsonArray("latestResults").getValuesAs(JsonObject.class);
        assertEquals(List.of("Haemoglobin 98 g/L · range 120–170 · LOW true", "Potassium 6.1 mmol/L · range 3.5–5.3 · HIGH true"),
                results.stream().map(r -> r.getString("title") + " " + r.getString("summary") + " " + r.getBoolean("abnormal")).toList(),
                "the latest of each test only, abnormal ones flagged");
        assertEquals(1, summary.getJsonArray("allergies").size());
    }

    @Test
    void a_tests_results_come_oldest_first_with_their_range_and_flag() {
        Api.Reply reply = GP.get(path("/results?test=Potassium"));

        assertEquals(200, reply.status(), reply.body());
        List<JsonObject> points = reply.jsonArray().getValuesAs(JsonObject.class);
        assertEquals(List.of("2026-10-01T09:00:00Z 4.2 false", "2026-11-01T09:00:00Z 6.1 true"), points.stream()
                .map(p -> p.getString("reportedAt") + " " + p.getJsonNumber("value").bigDecimalValue().stripTrailingZeros().toPlainString()
                        + " " + p.getBoolean("abnormal")).toList());
        assertEquals(5.3, points.get(0).getJsonNumber("referenceHigh").doubleValue());
        assertEquals(List.of("test"), GP.get(path("/results")).problemFields(400));
    }

    @Test
    void an_open_safeguarding_concern_raises_an_alert_and_a_care_visit_recorded_by_social_care_reaches_the_gp() {
        created(SOCIAL_WORKER.postJson(path("/safeguarding-concerns"), Api.json("category", "Self-neglect", "description",
                "House cold, little food in", "raisedAt", "2026-11-04T12:00:00Z")));

        JsonObject summary = GP.get(path("/summary")).json();
        assertTrue(summary.getJsonArray("alerts").toString().contains("Safeguarding concern open"), summary.toString());
        assertEquals(1, summary.getJsonArray("openSafeguardingConcerns").size());
        assertEquals("social-care Safeguarding concern: Self-neglect", titles(GP.get(path("/record"))).get(0));
    }

    @Test
    void reading_the_record_needs_a_relationship_and_every_read_is_audited() {
        int before = Databases.auditRows(patient, "SharedRecord", "READ");

        GP.get(path("/record")).json();
        GP.get(path("/summary")).json();
        Api.as(Tokens.staff("gp.canal", "GP").sign()).get(path("/record")).problem(404);
        Api.as(Tokens.staff("gp.canal", "GP").sign()).get(path("/summary")).problem(404);

        assertEquals(before + 4, Databases.auditRows(patient, "SharedRecord", "READ"));
        assertEquals(2, Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?"
                + " and resource_type = 'SharedRecord' and outcome = 'DENIED'", patient));
    }

    @Test
    void bad_filters_are_problems_naming_the_field() {
        assertEquals(List.of("source"), GP.get(path("/record?source=gp")).problemFields(400));
        assertEquals(List.of("type"), GP.get(path("/record?type=X_RAY")).problemFields(400));
        assertEquals(List.of("from"), GP.get(path("/record?from=last-week")).problemFields(400));
        assertEquals(List.of("to"), GP.get(path("/record?from=2026-11-03&to=2026-11-01")).problemFields(400));
        assertEquals(List.of("page", "size"), GP.get(path("/record?page=-1&size=1000")).problemFields(400));
        assertEquals(List.of("nhsNumber"), GP.get("/api/patients/12345/record").problemFields(400));
        GP.get("/api/patients/" + TestPatients.newNhsNumber() + "/summary").problem(404);
        GP.get(path("/record/hospital/999999999")).problem(404);
        assertEquals(List.of("source"), GP.get(path("/record/lab/1")).problemFields(400));
    }

    @Test
    void the_summary_lists_a_condition_the_gp_and_the_hospital_both_recorded_once_from_its_onset() {
        created(GP.postJson(path("/problems"), Api.json("snomedCode", "44054006", "display", "Type 2 diabetes mellitus",
                "onset", "2019-03-01")));
        // recorded again, as a hospital letter coded into the practice system would bring it
        created(GP.postJson(path("/problems"), Api.json("snomedCode", "44054006", "display", "type 2 diabetes mellitus",
                "onset", "2026-11-02")));

        List<JsonObject> problems = GP.get(path("/summary")).json().getJsonArray("activeProblems").getValuesAs(JsonObject.class);

        assertEquals(1, problems.stream().filter(p -> p.getString("title").strip().equalsIgnoreCase("Type 2 diabetes mellitus")).count(),
                problems.toString());
        assertTrue(problems.get(0).getString("occurredAt").startsWith("2019-03-01"), "the earliest, so its date is the onset");
    }

    @Test
    void the_timeline_says_where_each_entry_was_recorded_by_the_organisations_kind_and_name() {
        List<JsonObject> items = GP.get(path("/record?size=100")).json().getJsonArray("items").getValuesAs(JsonObject.class);

        JsonObject potassium = items.stream().filter(e -> e.getString("title").equals("Potassium")).findFirst().orElseThrow();
        assertEquals("hospital", potassium.getString("source"), "kept in the hospital store");
        assertEquals("GP practice", potassium.getString("setting"), "but recorded by the GP, and said so");
        assertEquals("Beech Road Surgery", potassium.getString("organisationName"));
        JsonObject visit = items.stream().filter(e -> e.getString("title").equals("Care visit")).findFirst().orElseThrow();
        assertEquals("Social care", visit.getString("setting"));
        JsonObject allergy = GP.get(path("/summary")).json().getJsonArray("allergies").getJsonObject(0);
        assertEquals("Beech Road Surgery", allergy.getString("organisationName"), "the summary names organisations too");
    }
}

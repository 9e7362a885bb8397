package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Writing to either record: who may record which kind of entry (the table below), and that every kind of
 * bad input is answered 4xx with problem+json and writes nothing.
 */
class RecordWriteIT extends IcrDeployment {

    /** One kind of entry: where it is posted, a valid body, its required fields, and which store it lands in. */
    record Kind(String path, String validBody, List<String> requiredFields, boolean hospital) {
    }

    static final String HOUR_AGO = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    static final String NEXT_MONTH = LocalDate.now().plusMonths(1).toString();

    static final Map<String, Kind> KINDS = Map.of(
            "blood-test", new Kind("blood-tests", Api.json("test", "Potassium", "value", "6.1", "unit", "mmol/L", "referenceLow", "3.5",
                    "referenceHigh", "5.3", "reportedAt", HOUR_AGO), List.of("test", "value", "unit", "reportedAt"), true),
            "problem", new Kind("problems", Api.json("snomedCode", "38341003", "display", "Hypertension", "onset", "2026-01-10"),
                    List.of("snomedCode", "display", "onset"), true),
            "medication", new Kind("medications", Api.json("name", "Amlodipine 5mg tablets", "dose", "5 mg", "route", "oral",
                    "frequency", "once daily", "course", "repeat", "startedAt", "2026-01-10"),
                    List.of("name", "dose", "route", "frequency", "course", "startedAt"), true),
            "allergy", new Kind("allergies", Api.json("substance", "Penicillin", "reaction", "Widespread rash", "severity", "moderate",
                    "notedAt", "2020-05-01"), List.of("substance", "reaction", "severity", "notedAt"), true),
            "treatment-plan", new Kind("treatment-plans", Api.json("title", "Heart failure plan", "goals", "No admissions this winter",
                    "activities", "Daily weights; diuretic titration", "responsibleClinician", "Dr Priya Mistry", "reviewDate", NEXT_MONTH),
                    List.of("title", "goals", "activities", "responsibleClinician", "reviewDate"), true),
            "needs-assessment", new Kind("needs-assessments", Api.json("needs", "Help with washing and meals", "eligibility", "eligible",
                    "assessedAt", "2026-11-01"), List.of("needs", "eligibility", "assessedAt"), false),
            "care-plan", new Kind("care-plans", Api.json("needs", "Personal care", "outcomes", "Stay at home safely", "services",
                    "Home care twice daily", "reviewDate", NEXT_MONTH), List.of("needs", "outcomes", "services", "reviewDate"), false),
            "care-visit", new Kind("care-visits", Api.json("plannedStart", "2026-11-20T08:00:00Z", "plannedEnd", "2026-11-20T08:30:00Z",
                    "actualStart", "2026-11-20T08:10:00Z", "actualEnd", "2026-11-20T08:40:00Z", "tasksDone", "Breakfast; medication prompted",
                    "notes", "Well today"), List.of("plannedStart", "plannedEnd", "actualStart", "actualEnd", "tasksDone"), false),
            "safeguarding-concern", new Kind("safeguarding-concerns", Api.json("category", "Self-neglect", "description",
                    "House cold, little food in", "raisedAt", "2026-11-20"), List.of("category", "description", "raisedAt"), false));

    /** Who may record what ('+' may, everyone else is refused 403), each with a legitimate relationship. */
    static final Map<String, Set<String>> MAY_RECORD = Map.of(
            "GP", Set.of("blood-test", "problem", "medication", "allergy", "treatment-plan", "safeguarding-concern"),
            "HOSPITAL_CLINICIAN", Set.of("blood-test", "problem", "medication", "allergy", "treatment-plan", "safeguarding-concern"),
            "NURSE", Set.of("blood-test", "allergy", "safeguarding-concern"),
            "SOCIAL_WORKER", Set.of("needs-assessment", "care-plan", "care-visit", "safeguarding-concern"),
            "CARE_WORKER", Set.of("care-visit", "safeguarding-concern"),
            "ADMIN", Set.of());

    static final Map<String, String> USERS = Map.of("GP", "gp.beech", "HOSPITAL_CLINICIAN", "clinician.northgate",
            "NURSE", "nurse.northgate", "SOCIAL_WORKER", "social.worker", "CARE_WORKER", "care.worker", "ADMIN", "admin.beech");

    /** Registered at Y90001, admitted to RXA, on social.worker's caseload and cared for by CP001: every role is in the care team. */
    private static String patientKnownToEveryone() {
        TestPatients patient = aPatient();
        assertEquals(201, Api.postJson("/api/patients", patient.json()).status());
        Databases.openAdmission(patient.nhsNumber(), "RXA");
        Databases.allocateToCaseload(patient.nhsNumber(), "social.worker");
        Databases.onRotaNow(patient.nhsNumber(), "care.worker", "CP001");
        return patient.nhsNumber();
    }

    private static int entries(String patient, Kind kind) {
        return kind.hospital() ? Databases.hospitalEntries(patient) : Databases.socialCareEntries(patient);
    }

    @Test
    void each_role_records_exactly_the_kinds_of_entry_it_may_and_a_refusal_writes_nothing() {
        String patient = patientKnownToEveryone();
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, String> user : USERS.entrySet()) {
            Api.Client api = Api.as(Tokens.staff(user.getValue(), user.getKey()).sign());
            for (Map.Entry<String, Kind> kind : KINDS.entrySet()) {
                int before = entries(patient, kind.getValue());
                Api.Reply reply = api.postJson("/api/patients/" + patient + "/" + kind.getValue().path(), kind.getValue().validBody());
                boolean allowed = MAY_RECORD.get(user.getKey()).contains(kind.getKey());
                int written = entries(patient, kind.getValue()) - before;
                if (reply.status() != (allowed ? 201 : 403) || written != (allowed ? 1 : 0)) {
                    mismatches.add(user.getKey() + " " + kind.getKey() + ": " + reply.status() + ", " + written + " written");
                }
                if (!allowed && reply.status() == 403) {
                    reply.problem(403);
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    /** Issue 11, defect 7: a potassium of -3 is a typing error that would mislead every reader, not a result (H-035). */
    @Test
    void a_result_a_known_test_cannot_have_or_in_another_unit_is_refused_and_writes_nothing() {
        String patient = patientKnownToEveryone();
        Api.Client nurse = Api.as(Tokens.staff("nurse.northgate", "NURSE").sign());
        String path = "/api/patients/" + patient + "/blood-tests";
        int before = Databases.hospitalEntries(patient);

        Api.Reply negative = nurse.postJson(path, Api.json("test", "Potassium", "value", "-3", "unit", "mmol/L", "reportedAt", HOUR_AGO));
        assertEquals(List.of("value"), negative.problemFields(400));
        assertTrue(negative.body().contains("Potassium cannot be -3 mmol/L"), negative.body());
        assertEquals(List.of("value"), nurse.postJson(path, Api.json("test", "potassium", "value", "45", "unit", "mmol/L",
                "reportedAt", HOUR_AGO)).problemFields(400), "the name matched whatever its case");
        Api.Reply otherUnit = nurse.postJson(path, Api.json("test", "Sodium", "value", "140", "unit", "mg/dL", "reportedAt", HOUR_AGO));
        assertEquals(List.of("unit"), otherUnit.problemFields(400));
        assertTrue(otherUnit.body().contains("Sodium is reported in mmol/L"), otherUnit.body());
        assertEquals(before, Databases.hospitalEntries(patient));

        assertEquals(201, nurse.postJson(path, Api.json("test", "Potassium", "value", "6.9", "unit", "mmol/L", "reportedAt", HOUR_AGO))
                .status(), "a dangerous but possible value is recorded");
        assertEquals(201, nurse.postJson(path, Api.json("test", "Serum lithium", "value", "0.8", "unit", "mmol/L", "reportedAt",
                HOUR_AGO)).status(), "a test ICR has no code for is recorded as typed");
    }

    /** H-036: a coded finding brings its category, by code or by its term as written; choosing "general" cannot lower it. */
    @Test
    void a_coded_problem_is_filed_under_its_category_and_a_chosen_general_does_not_lower_it() {
        String patient = patientKnownToEveryone();
        Api.Client clinician = Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign());
        String path = "/api/patients/" + patient + "/problems";
        for (String body : List.of(
                Api.json("snomedCode", "35489007", "display", "Low mood", "onset", "2026-01-10"),
                Api.json("snomedCode", "35489007", "display", "Depression", "onset", "2026-01-10", "category", "general"),
                Api.json("snomedCode", "999999999", "display", "schizophrenia", "onset", "2026-01-10"))) {
            Api.Reply created = clinician.postJson(path, body);
            assertEquals(201, created.status(), created.body());
            assertEquals(List.of("MENTAL_HEALTH"), Databases.row(Databases.HOSPITAL, "select category from hospital_entry where id = ?::bigint",
                    Long.toString(created.json().getJsonNumber("id").longValue())), body);
        }
        Api.Reply general = clinician.postJson(path, Api.json("snomedCode", "38341003", "display", "Hypertension", "onset", "2026-01-10"));
        assertEquals(List.of("GENERAL"), Databases.row(Databases.HOSPITAL, "select category from hospital_entry where id = ?::bigint",
                Long.toString(general.json().getJsonNumber("id").longValue())));
    }

    @Test
    void a_recorded_entry_is_answered_with_its_address_author_and_organisation() {
        String patient = patientKnownToEveryone();
        Api.Client nurse = Api.as(Tokens.staff("nurse.northgate", "NURSE").sign());

        Api.Reply created = nurse.postJson("/api/patients/" + patient + "/blood-tests", KINDS.get("blood-test").validBody());

        assertEquals(201, created.status(), created.body());
        Api.Reply read = nurse.getUrl(created.header("Location"));
        assertEquals(200, read.status(), read.body());
        JsonObject entry = read.json();
        assertEquals("hospital", entry.getString("source"));
        assertEquals("BLOOD_TEST", entry.getString("type"));
        assertEquals("Potassium", entry.getString("title"));
        assertEquals("Nurse Jack Evans", entry.getString("authorName"));
        assertEquals("RXA", entry.getString("organisationOdsCode"));
        assertTrue(entry.getBoolean("abnormal"), "6.1 is above 5.3");
        assertEquals(List.of("POTASSIUM", "6.1000", "HIGH", "nurse.northgate"), Databases.row(Databases.HOSPITAL,
                "select upper(title), result_value::text, abnormal_flag, author_username from hospital_entry where id = ?::bigint",
                Long.toString(entry.getJsonNumber("id").longValue())));
    }

    @Test
    void every_kind_of_bad_input_on_every_endpoint_is_a_problem_and_writes_nothing() {
        String patient = patientKnownToEveryone();
        for (Map.Entry<String, Kind> entry : KINDS.entrySet()) {
            Kind kind = entry.getValue();
            Api.Client api = kind.hospital() ? Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign())
                    : Api.as(Tokens.staff("social.worker", "SOCIAL_WORKER").sign());
            String path = "/api/patients/" + patient + "/" + kind.path();
            int hospitalBefore = Databases.hospitalEntries(patient);
            int socialBefore = Databases.socialCareEntries(patient);

            assertEquals(kind.requiredFields(), api.postJson(path, "{}").problemFields(400), entry.getKey() + ": empty object");
            assertEquals(kind.requiredFields(), api.postJson(path, "").problemFields(400), entry.getKey() + ": no body");
            api.postJson(path, "{\"" + kind.requiredFields().get(0) + "\": ").problem(400);
            api.postJson(path, "[]").problem(400);
            api.post(path, "text/plain", kind.validBody()).problem(415);
            String tooLong = kind.validBody().replaceFirst(":\"[^\"]*\"", ":\"" + "x".repeat(5000) + "\"");
            assertFalse(api.postJson(path, tooLong).problemFields(400).isEmpty(), entry.getKey() + ": a 5000-character field");
            assertEquals(List.of("nhsNumber"), api.postJson("/api/patients/123/" + kind.path(), kind.validBody()).problemFields(400));
            api.postJson("/api/patients/" + TestPatients.newNhsNumber() + "/" + kind.path(), kind.validBody()).problem(404);
            Api.as(null).postJson(path, kind.validBody()).problem(401);

            assertEquals(hospitalBefore, Databases.hospitalEntries(patient), entry.getKey() + ": hospital record unchanged");
            assertEquals(socialBefore, Databases.socialCareEntries(patient), entry.getKey() + ": social care record unchanged");
        }
    }

    @Test
    void values_that_make_no_sense_clinically_are_refused_field_by_field() {
        String patient = patientKnownToEveryone();
        Api.Client clinician = Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign());
        Api.Client socialWorker = Api.as(Tokens.staff("social.worker", "SOCIAL_WORKER").sign());
        String base = "/api/patients/" + patient;

        // a value that is no number, a range upside down and a report from the future: all at once, in the form's order
        assertEquals(List.of("value", "referenceHigh", "reportedAt"), clinician.postJson(base + "/blood-tests", Api.json("test", "Sodium",
                "value", "high", "unit", "mmol/L", "referenceLow", "146", "referenceHigh", "133", "reportedAt", "2999-01-01T00:00:00Z"))
                .problemFields(400));
        assertEquals(List.of("snomedCode", "status"), clinician.postJson(base + "/problems", Api.json("snomedCode", "HTN",
                "display", "Hypertension", "onset", "2026-01-10", "status", "maybe")).problemFields(400));
        assertEquals(List.of("course"), clinician.postJson(base + "/medications", Api.json("name", "Amlodipine", "dose", "5 mg",
                "route", "oral", "frequency", "daily", "course", "forever", "startedAt", "2026-01-10")).problemFields(400));
        assertEquals(List.of("reviewDate"), clinician.postJson(base + "/treatment-plans", Api.json("title", "Plan", "goals", "g",
                "activities", "a", "responsibleClinician", "Dr X", "reviewDate", "2020-01-01")).problemFields(400));
        assertEquals(List.of("plannedEnd", "actualEnd"), socialWorker.postJson(base + "/care-visits", Api.json(
                "plannedStart", "2026-11-20T08:00:00Z", "plannedEnd", "2026-11-20T07:00:00Z", "actualStart", "2026-11-20T08:10:00Z",
                "actualEnd", "2026-11-20T08:00:00Z", "tasksDone", "Breakfast")).problemFields(400));
        assertEquals(List.of("eligibility", "assessedAt"), socialWorker.postJson(base + "/needs-assessments", Api.json("needs", "n",
                "eligibility", "perhaps", "assessedAt", "yesterday")).problemFields(400));

        assertEquals(0, Databases.hospitalEntries(patient));
        assertEquals(0, Databases.socialCareEntries(patient));
    }

    @Test
    void numbers_may_come_as_json_numbers_and_codes_in_any_case() {
        String patient = patientKnownToEveryone();
        Api.Client clinician = Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign());

        Api.Reply result = clinician.postJson("/api/patients/" + patient + "/blood-tests", "{\"test\":\"Sodium\",\"value\":139,"
                + "\"unit\":\"mmol/L\",\"referenceLow\":133,\"referenceHigh\":146.0,\"reportedAt\":\"" + HOUR_AGO + "\"}");
        Api.Reply medication = clinician.postJson("/api/patients/" + patient + "/medications", Api.json("name", "Sertraline 50mg tablets",
                "dose", "50 mg", "route", "oral", "frequency", "once daily", "course", "Repeat", "startedAt", "2026-01-10",
                "category", "Mental Health"));

        assertEquals(201, result.status(), result.body());
        assertFalse(result.json().getBoolean("abnormal"), "139 is within 133 to 146");
        assertEquals(201, medication.status(), medication.body());
        assertEquals(List.of("REPEAT", "MENTAL_HEALTH"), Databases.row(Databases.HOSPITAL,
                "select course, category from hospital_entry where id = ?::bigint",
                Long.toString(medication.json().getJsonNumber("id").longValue())));
    }

    @Test
    void a_value_of_the_wrong_json_shape_is_refused_by_name_with_the_rest_of_the_form() {
        String patient = patientKnownToEveryone();
        Api.Client socialWorker = Api.as(Tokens.staff("social.worker", "SOCIAL_WORKER").sign());

        Api.Reply refused = socialWorker.postJson("/api/patients/" + patient + "/care-plans",
                "{\"needs\":{\"text\":\"Personal care\"},\"outcomes\":[\"Stay at home\"],\"services\":\"Home care\"}");

        assertEquals(List.of("needs", "outcomes", "reviewDate"), refused.problemFields(400));
        assertEquals(0, Databases.socialCareEntries(patient));
    }
}

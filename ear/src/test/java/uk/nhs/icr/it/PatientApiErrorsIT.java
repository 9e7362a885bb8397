package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.time.LocalDate;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** Bad input gets a 4xx problem+json naming what is wrong, and nothing is written to either database. */
class PatientApiErrorsIT extends IcrDeployment {

    @Test
    void an_invalid_nhs_number_is_400_naming_the_field() {
        TestPatients patient = aPatient().nhsNumber("9434765918");

        Api.Reply reply = Api.postJson("/api/patients", patient.json());

        reply.problem(400);
        assertEquals(List.of("nhsNumber"), reply.errorFields());
        assertTrue(reply.body().contains("check digit"), reply.body());
        assertEquals(0, Databases.patientsWith("9434765918"));
        assertEquals(0, Databases.peopleWith("9434765918"));
    }

    @Test
    void missing_fields_are_400_with_one_error_per_field() {
        TestPatients patient = aPatient().givenName(null).birthDate((String) null).gpPractice(" ");

        Api.Reply reply = Api.postJson("/api/patients", patient.json());

        reply.problem(400);
        assertEquals(List.of("givenName", "birthDate", "gpPracticeOdsCode"), reply.errorFields());
        assertEquals(0, Databases.patientsWith(patient.nhsNumber()));
        assertEquals(0, Databases.peopleWith(patient.nhsNumber()));
    }

    @Test
    void a_birth_date_in_the_future_or_badly_written_is_400() {
        TestPatients future = aPatient().birthDate(LocalDate.now().plusDays(2));
        Api.Reply reply = Api.postJson("/api/patients", future.json());
        reply.problem(400);
        assertEquals(List.of("birthDate"), reply.errorFields());

        Api.Reply badlyWritten = Api.postJson("/api/patients", aPatient().birthDate("10/12/1985").json());
        badlyWritten.problem(400);
        assertEquals(List.of("birthDate"), badlyWritten.errorFields());
        assertEquals(0, Databases.patientsWith(future.nhsNumber()));
    }

    @Test
    void malformed_json_is_400() {
        String nhsNumber = TestPatients.newNhsNumber();

        Api.postJson("/api/patients", "{\"nhsNumber\": \"" + nhsNumber + "\", \"givenName\": ").problem(400);
        Api.postJson("/api/patients", "[1, 2, 3]").problem(400);
        Api.postJson("/api/patients", "").problem(400);

        assertEquals(0, Databases.patientsWith(nhsNumber));
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        Api.post("/api/patients", "text/plain", "Ada Lovelace").problem(415);
    }

    @Test
    void an_unknown_patient_is_404_and_a_malformed_number_in_the_path_is_400() {
        Api.get("/api/patients/" + TestPatients.newNhsNumber()).problem(404);

        Api.Reply malformed = Api.get("/api/patients/12345");
        malformed.problem(400);
        assertEquals(List.of("nhsNumber"), malformed.errorFields());
    }

    @Test
    void a_search_without_criteria_or_with_bad_paging_is_400() {
        Api.Reply noCriteria = Api.get("/api/patients");
        noCriteria.problem(400);
        assertEquals(List.of("name"), noCriteria.errorFields());

        Api.Reply badPaging = Api.get("/api/patients?name=Smith&page=-1&size=500");
        badPaging.problem(400);
        assertEquals(List.of("page", "size"), badPaging.errorFields());

        Api.Reply badDate = Api.get("/api/patients?birthDate=yesterday");
        badDate.problem(400);
        assertEquals(List.of("birthDate"), badDate.errorFields());
    }

    @Test
    void an_unknown_address_is_a_404_problem_not_an_html_page() {
        Api.get("/api/no-such-thing").problem(404);
    }

    @Test
    void control_characters_and_overlong_text_are_refused_as_400_never_500() {
        TestPatients patient = aPatient();
        assertEquals(201, Api.postJson("/api/patients", patient.json()).status());
        String base = "/api/patients/" + patient.nhsNumber();

        assertEquals(List.of("name"), Api.get("/api/patients?name=ab%00cd").problemFields(400));
        assertEquals(List.of("display"), Api.postJson(base + "/problems",
                "{\"snomedCode\":\"38341003\",\"display\":\"Hyper\\u0000tension\",\"onset\":\"2026-01-01\"}").problemFields(400));
        assertEquals(List.of("reason"), Api.as(Tokens.staff("gp.canal", "GP").sign()).postJson(base + "/break-glass",
                Api.json("reason", "x".repeat(2001))).problemFields(400));
        assertEquals(List.of("reportedAt"), Api.postJson(base + "/blood-tests", Api.json("test", "Sodium", "value", "140", "unit", "mmol/L",
                "reportedAt", "-999999999-01-01T00:00:00Z")).problemFields(400));
        assertEquals(0, Databases.hospitalEntries(patient.nhsNumber()));
    }

    @Test
    void a_body_over_the_limit_is_413_and_read_no_further() {
        Api.Reply refused = Api.postJsonExpectingRefusal("/api/patients", 1_100_000);
        assertTrue(refused.problem(413).getString("type").endsWith("body-too-large"));
        assertEquals("close", refused.header("Connection"), "the unread body ends the connection");
        Api.postJsonExpectingRefusal("/api/patients", 10_500_000).problem(413);
        Api.postJsonExpectingRefusal("/api/patients/" + aPatient().nhsNumber() + "/problems", 2_000_000).problem(413);
    }

    @Test
    void trailing_garbage_duplicate_keys_and_bytes_that_are_not_utf8_are_malformed() {
        TestPatients patient = aPatient();
        String body = patient.json();

        Api.postJson("/api/patients", body + "}}}").problem(400);
        Api.postJson("/api/patients", body + " {}").problem(400);
        Api.postJson("/api/patients", body.replace("{\"nhsNumber\"", "{\"givenName\":\"Eve\",\"nhsNumber\"")).problem(400);
        assertEquals(0, Databases.patientsWith(patient.nhsNumber()), "which of two names was meant is not guessed");
        assertEquals(201, Api.postJson("/api/patients", body + "  \n").status(), "white space after the object is fine");
    }

    @Test
    void names_are_stored_composed_and_text_that_would_display_otherwise_is_refused() {
        String decomposed = java.text.Normalizer.normalize("Nguyễn", java.text.Normalizer.Form.NFD);
        TestPatients vietnamese = aPatient().givenName("Thị Minh").familyName(decomposed);
        TestPatients hindi = aPatient().givenName("श्रीनिवास").familyName("देवनागरी");
        TestPatients welsh = aPatient().givenName("Llŷr").familyName("Siân-Ellis");

        for (TestPatients patient : List.of(vietnamese, hindi, welsh)) {
            assertEquals(201, Api.postJson("/api/patients", patient.json()).status(), patient.json());
        }
        assertEquals("Nguyễn", Databases.patientRow(vietnamese.nhsNumber()).get(2), "stored composed (NFC)");
        assertEquals(List.of("familyName"), Api.postJson("/api/patients",
                aPatient().familyName("Ada\u202Eecalevol").json()).problemFields(400));
        assertEquals(List.of("givenName"), Api.postJson("/api/patients",
                aPatient().givenName("Z" + "\u0301".repeat(99)).json()).problemFields(400));
    }

    /** Found by ApiFuzzIT (issue 19): a NUL reached PostgreSQL, which cannot hold one in text, and came back as a 500. */
    @Test
    void a_control_character_in_a_field_or_a_parameter_is_400_naming_it_and_nothing_is_registered() {
        TestPatients patient = aPatient().givenName("Ada\u0000");
        assertEquals(List.of("givenName"), Api.postJson("/api/patients", patient.json()).problemFields(400));
        assertEquals(0, Databases.patientsWith(patient.nhsNumber()));
        assertEquals(0, Databases.peopleWith(patient.nhsNumber()));

        assertEquals(List.of("name"), Api.get("/api/patients?name=Ada%00").problemFields(400));
        assertEquals(List.of("name"), Api.get("/api/patients?name=Ada%1B%5B2J").problemFields(400), "a terminal escape");
    }

    /** Found by ApiFuzzIT: 5,000 opening brackets overflowed the JSON reader's stack (a 500). */
    @Test
    void a_body_nested_absurdly_deep_is_400_malformed() {
        JsonObject problem = Api.postJson("/api/patients", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}").problem(400);
        assertTrue(problem.getString("type").endsWith("malformed-body"), problem.toString());
    }
}

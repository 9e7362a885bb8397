package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/** What a hosting engineer checks after a deploy: readiness per database, migrations, demo data, OpenAPI. */
class PlatformIT extends IcrDeployment {

    @Test
    void readiness_reports_each_database_up() {
        Api.Reply reply = Api.getAbsolute(Api.MANAGEMENT + "/health/ready");

        assertEquals(200, reply.status(), reply.body());
        Map<String, String> checks = reply.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
        assertEquals("UP", checks.get("hospital-database"), checks.toString());
        assertEquals("UP", checks.get("social-care-database"), checks.toString());
        assertEquals("UP", reply.json().getString("status"));
    }

    @Test
    void both_databases_are_migrated_by_flyway_on_deploy() {
        assertEquals(1, Databases.count(Databases.HOSPITAL,
                "select count(*) from flyway_schema_history where version = '1' and success"));
        assertEquals(1, Databases.count(Databases.SOCIAL_CARE,
                "select count(*) from flyway_schema_history where version = '1' and success"));
    }

    @Test
    void at_least_a_thousand_synthetic_demo_patients_are_in_both_databases() {
        int inHospital = Databases.count(Databases.HOSPITAL, "select count(*) from patient where nhs_number like '9990%'");
        int inSocialCare = Databases.count(Databases.SOCIAL_CARE, "select count(*) from person where nhs_number like '9990%'");

        assertTrue(inHospital >= 1000, "hospital demo patients: " + inHospital);
        assertEquals(inHospital, inSocialCare, "every demo patient has a social-care person");
        String beechRoadPatient = Databases.firstDemoPatientAt("Y90001");
        assertEquals(200, Api.get("/api/patients/" + beechRoadPatient).status());
    }

    @Test
    void openapi_documents_the_patient_endpoints() {
        Api.Reply reply = Api.getAbsolute(Api.BASE + "/openapi");

        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("/api/patients:"), reply.body());
        assertTrue(reply.body().contains("/api/patients/{nhsNumber}:"), reply.body());
        assertTrue(reply.body().contains("application/problem+json"), "error responses documented");
        String nhsNumberSchema = reply.body().split("\n    NhsNumber:\n", 2)[1].split("\n    [A-Za-z]", 2)[0];
        assertTrue(nhsNumberSchema.contains("type: string"), "an NHS number is documented as text: " + nhsNumberSchema);
    }

    /**
     * The patient's app and the practice's work queues, as a client developer reads them: every operation says what it
     * does and shows an example, of what to send or of what comes back.
     */
    @Test
    void openapi_shows_an_example_for_every_patient_app_and_practice_operation() {
        JsonObject paths = Api.getAbsolute(Api.BASE + "/openapi?format=JSON").json().getJsonObject("paths");
        List<String> undocumented = new ArrayList<>();
        int operations = 0;
        for (String path : paths.keySet()) {
            if (!path.startsWith("/api/me") && !path.startsWith("/api/practice") && !path.contains("/proxies")
                    && !path.contains("/repeats") && !path.contains("/appointments") && !path.contains("/review")) {
                continue;
            }
            for (Map.Entry<String, JsonValue> method : paths.getJsonObject(path).entrySet()) {
                if (!(method.getValue() instanceof JsonObject operation) || !operation.containsKey("responses")) {
                    continue;
                }
                operations++;
                if (!operation.containsKey("summary")) {
                    undocumented.add(method.getKey() + " " + path + ": no summary");
                }
                if (!hasExample(operation.getJsonObject("requestBody")) && operation.getJsonObject("responses").values().stream()
                        .noneMatch(response -> hasExample(response.asJsonObject()))) {
                    undocumented.add(method.getKey() + " " + path + ": no example");
                }
            }
        }
        assertTrue(operations >= 40, "the patient app's and the practice's operations: " + operations);
        assertEquals(List.of(), undocumented);
    }

    private static boolean hasExample(JsonObject bodyOrResponse) {
        if (bodyOrResponse == null || !bodyOrResponse.containsKey("content")) {
            return false;
        }
        return bodyOrResponse.getJsonObject("content").values().stream().map(JsonValue::asJsonObject)
                .anyMatch(media -> media.containsKey("example") || media.containsKey("examples"));
    }

    @Test
    void trace_is_refused_with_a_problem_and_never_echoes_the_request() {
        Api.Reply api = Api.as(Tokens.staff("gp.beech", "GP").sign()).request("TRACE", "/api/patients", "X-Probe", "echo-me-2026");
        Api.Reply portal = Api.as(null).request("TRACE", "/login.xhtml", "X-Probe", "echo-me-2026");

        api.problem(405);
        assertFalse(api.body().contains("echo-me-2026"), api.body());
        assertEquals(405, portal.status(), "the sign-in page, which anyone may reach, refuses it too");
        assertFalse(portal.body().contains("echo-me-2026"), portal.body());
    }
}

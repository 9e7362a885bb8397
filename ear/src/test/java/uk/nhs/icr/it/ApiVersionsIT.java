package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** Today's paths are version 1; a client may name it (header or media type) and is refused a version ICR does not serve. */
class ApiVersionsIT extends IcrDeployment {

    private static final String PATIENT = "/api/patients/" + Databases.firstDemoPatientAt("Y90001");

    @Test
    void naming_no_version_or_version_1_is_served_and_every_answer_says_version_1() {
        Api.Reply unnamed = Api.get(PATIENT);
        assertEquals(200, unnamed.status());
        assertEquals("1", unnamed.header("Api-Version"));
        Api.Client gp = Api.as(Tokens.staff("gp.beech", "GP").sign());
        assertEquals(200, gp.request("GET", PATIENT, "Api-Version", "1").status());
        assertEquals(200, gp.request("GET", PATIENT, "Accept", "application/json; version=1").status());
        assertEquals("1", gp.request("GET", "/api/patients/0000000000").header("Api-Version"), "errors say it too");
    }

    @Test
    void a_version_not_served_is_400_naming_the_versions_that_are() {
        Api.Client gp = Api.as(Tokens.staff("gp.beech", "GP").sign());
        JsonObject byHeader = gp.request("GET", PATIENT, "Api-Version", "2").problem(400);
        assertEquals("urn:icr:problem:unsupported-api-version", byHeader.getString("type"));
        assertTrue(byHeader.getString("detail").contains("serves API version 1"), byHeader.toString());
        gp.request("GET", PATIENT, "Accept", "application/json; version=2").problem(400);
    }
}

package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.time.LocalDate;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The National Data Opt-out over the API: the patient's own choice (online, or by phone or post through the
 * contact centre), a parent's for a child under 13 or an attorney's for an adult, never staff's; history kept;
 * direct care unaffected.
 */
class DataOptOutIT extends IcrDeployment {

    private static final Api.Client GP = Api.as(Tokens.staff("gp.beech", "GP").sign());
    private static final Api.Client CONTACT_CENTRE = Api.as(Tokens.staff("contact.centre", "CONTACT_CENTRE").sign());

    private static String patientBorn(LocalDate birthDate) {
        TestPatients patient = aPatient().birthDate(birthDate);
        assertEquals(201, Api.postJson("/api/patients", patient.json()).status());
        return patient.nhsNumber();
    }

    @Test
    void the_patients_choice_stands_staff_cannot_set_it_back_and_the_contact_centre_records_their_own_by_phone() {
        String patient = patientBorn(LocalDate.of(1980, 1, 1));
        String path = "/api/patients/" + patient + "/data-opt-out";
        JsonObject never = GP.get(path).json();
        assertFalse(never.getBoolean("optedOut"));
        assertEquals(0, never.getInt("version"));

        JsonObject own = Api.as(Tokens.patient(patient).sign()).putJson(path, "{\"optedOut\":true}").json();
        assertEquals("self", own.getString("setBy"));
        assertEquals("online", own.getString("channel"));
        assertEquals(List.of("setBy"), GP.putJson(path, "{\"optedOut\":false}").problemFields(400), "staff never decide it");
        assertEquals(List.of("setBy"), GP.putJson(path, "{\"optedOut\":false,\"setBy\":\"staff\"}").problemFields(400));
        assertEquals(List.of("setBy"), GP.putJson(path, "{\"optedOut\":false,\"setBy\":\"self\",\"channel\":\"phone\"}")
                .problemFields(400), "only the contact centre records the patient's own choice for them");
        assertTrue(GP.get(path).json().getBoolean("optedOut"), "still the patient's choice");

        assertEquals(List.of("channel"), CONTACT_CENTRE.putJson(path, "{\"optedOut\":false,\"setBy\":\"self\"}").problemFields(400));
        JsonObject byPhone = CONTACT_CENTRE.putJsonOverCurrent(path, "{\"optedOut\":false,\"setBy\":\"self\",\"channel\":\"phone\"}").json();
        assertEquals("phone", byPhone.getString("channel"));
        assertTrue(byPhone.getString("setByName").startsWith("the patient, by phone"), byPhone.toString());

        List<JsonObject> history = GP.get(path + "/history").jsonArray().getValuesAs(JsonObject.class);
        assertEquals(List.of("2 false self", "1 true self"), history.stream()
                .map(v -> v.getInt("version") + " " + v.getBoolean("optedOut") + " " + v.getString("setBy")).toList());
        CONTACT_CENTRE.get("/api/patients/" + patient + "/summary").problem(403);
    }

    @Test
    void an_attorney_or_deputy_acts_for_an_adult_not_for_a_child() {
        String adult = patientBorn(LocalDate.now().minusYears(70));
        String child = patientBorn(LocalDate.now().minusYears(8));
        String body = "{\"optedOut\":true,\"setBy\":\"attorney\",\"proxyName\":\"Ruth Evans\",\"authority\":\"lasting-power-of-attorney\"}";

        JsonObject set = GP.putJson("/api/patients/" + adult + "/data-opt-out", body).json();
        assertEquals("attorney", set.getString("setBy"));
        assertTrue(set.getString("setByName").startsWith("Ruth Evans (lasting power of attorney"), set.toString());
        assertEquals(List.of("authority"), GP.putJson("/api/patients/" + adult + "/data-opt-out",
                "{\"optedOut\":true,\"setBy\":\"attorney\",\"proxyName\":\"Ruth Evans\"}").problemFields(400));
        assertEquals(List.of("setBy"), GP.putJson("/api/patients/" + child + "/data-opt-out", body).problemFields(400));
        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from data_opt_out where patient_nhs_number = ?", child));
    }

    @Test
    void a_proxy_may_set_it_for_a_child_but_not_for_an_adult() {
        String child = patientBorn(LocalDate.now().minusYears(8));
        String adult = patientBorn(LocalDate.now().minusYears(30));
        String body = "{\"optedOut\":true,\"setBy\":\"proxy\",\"proxyName\":\"Parent of the child\"}";

        JsonObject set = GP.putJson("/api/patients/" + child + "/data-opt-out", body).json();
        assertEquals("proxy", set.getString("setBy"));
        assertTrue(set.getString("setByName").startsWith("Parent of the child"));
        assertEquals(List.of("setBy"), GP.putJson("/api/patients/" + adult + "/data-opt-out", body).problemFields(400));
        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from data_opt_out where patient_nhs_number = ?", adult));
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?"
                + " and resource_type = 'DataOptOut' and action = 'WRITE' and outcome = 'DENIED' and reason like 'not recorded:%'", adult),
                "the refused attempt, which told the caller the patient is not a child, is on the audit log");
    }

    @Test
    void opting_out_never_affects_direct_care() {
        String patient = patientBorn(LocalDate.of(1980, 1, 1));
        assertEquals(200, Api.as(Tokens.patient(patient).sign()).putJson("/api/patients/" + patient + "/data-opt-out",
                "{\"optedOut\":true}").status());

        assertEquals(200, GP.get("/api/patients/" + patient + "/record").status());
        assertEquals(200, GP.get("/api/patients/" + patient + "/summary").status());
    }

    @Test
    void bad_input_is_refused_and_writes_nothing() {
        String patient = patientBorn(LocalDate.of(1980, 1, 1));
        String path = "/api/patients/" + patient + "/data-opt-out";

        assertEquals(List.of("optedOut"), GP.putJson(path, "{}").problemFields(400));
        assertEquals(List.of("setBy"), GP.putJson(path, "{\"optedOut\":true,\"setBy\":\"self\"}").problemFields(400));
        assertEquals(List.of("setBy"), GP.putJson(path, "{\"optedOut\":true,\"setBy\":\"neighbour\"}").problemFields(400));
        assertEquals(List.of("proxyName"), GP.putJson(path, "{\"optedOut\":true,\"setBy\":\"proxy\"}").problemFields(400));
        GP.putJson(path, "{\"optedOut\":\"perhaps\"}").problem(400);
        GP.putJson("/api/patients/" + TestPatients.newNhsNumber() + "/data-opt-out", "{\"optedOut\":true,\"setBy\":\"proxy\","
                + "\"proxyName\":\"A parent\"}").problem(404);
        Api.as(Tokens.staff("gp.canal", "GP").sign()).putJson(path, "{\"optedOut\":true}").problem(404);
        CONTACT_CENTRE.putJson("/api/patients/" + TestPatients.newNhsNumber() + "/data-opt-out",
                "{\"optedOut\":true,\"setBy\":\"self\",\"channel\":\"post\"}").problem(404);

        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from data_opt_out where patient_nhs_number = ?", patient));
    }
}

package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who changes a patient's sharing consent, and when a change applies (issue 10, "who may change a preference"):
 * the patient's own change applies at once; staff record one only at the patient's request; a staff change that
 * would let anyone see more waits for the patient to confirm it (in the app, or in person to another clinician)
 * and lapses after 28 days; entered-in-error is for its author or a privacy officer; what a directive says is
 * read by the patient, its author and the privacy officer.
 */
class ConsentChangesIT extends IcrDeployment {

    private static final Api.Client GP = Api.as(Tokens.staff("gp.beech", "GP").sign());
    private static final Api.Client CLINICIAN = Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign());
    private static final Api.Client PRIVACY_OFFICER = Api.as(Tokens.staff("privacy.officer", "PRIVACY_OFFICER").sign());

    private String patient;
    private String path;
    private Api.Client own;

    /** A Beech Road patient admitted to Northgate, who denies Northgate their mental-health entries (version 1, their own). */
    @BeforeEach
    void a_patient_who_denies_northgate_their_mental_health_entries() {
        TestPatients registered = aPatient();
        assertEquals(201, Api.postJson("/api/patients", registered.json()).status());
        patient = registered.nhsNumber();
        path = "/api/patients/" + patient + "/consent";
        own = Api.as(Tokens.patient(patient).sign());
        Databases.openAdmission(patient, "RXA");
        Databases.addProblemDirectly(patient, "GENERAL", "Hypertension");
        Databases.addProblemDirectly(patient, "MENTAL_HEALTH", "Depressive disorder");
        Api.Reply first = own.putJson(path, "{\"status\":\"active\",\"provisions\":[{\"type\":\"deny\",\"categories\":[\"MENTAL_HEALTH\"],"
                + "\"organisations\":[\"RXA\"]}]}", "If-None-Match", "*");
        assertEquals(200, first.status(), first.body());
        assertEquals("not-needed", first.json().getString("confirmation"), "the patient's own change applies at once");
    }

    private boolean clinicianSeesTheDepression() {
        return CLINICIAN.get("/api/patients/" + patient + "/record?size=100").body().contains("Depressive disorder");
    }

    private static String staffChange(String status, String provisions) {
        return "{\"status\":\"" + status + "\",\"atPatientsRequest\":true,\"reason\":\"Patient asked at the surgery today\","
                + "\"provisions\":" + provisions + "}";
    }

    @Test
    void a_staff_change_that_lifts_a_deny_waits_for_the_patient_and_applies_once_they_confirm_in_the_app() {
        Api.Reply proposed = GP.putJsonOverCurrent(path, staffChange("inactive", "[]"));

        assertEquals(200, proposed.status(), proposed.body());
        assertEquals("awaiting", proposed.json().getString("confirmation"));
        assertFalse(proposed.json().getBoolean("inForce"));
        assertFalse(clinicianSeesTheDepression(), "the deny stands until the patient confirms");
        JsonObject seenByPatient = own.get(path).json();
        assertEquals(2, seenByPatient.getInt("version"));
        assertEquals("awaiting", seenByPatient.getString("confirmation"), "shown to the patient");
        assertTrue(seenByPatient.containsKey("confirmBy"));

        Api.Reply confirmed = own.postJson(path + "/confirmation", "{\"version\":2}");
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals("confirmed", confirmed.json().getString("confirmation"));
        assertTrue(confirmed.json().getBoolean("inForce"));
        assertTrue(clinicianSeesTheDepression());
        own.postJson(path + "/confirmation", "{\"version\":2}").problem(409);
        assertEquals(List.of("APP patient:" + patient), Databases.rows(Databases.HOSPITAL, "select confirmation_channel || ' ' ||"
                + " confirmed_by_username from consent_directive where patient_nhs_number = ? and version = 2", patient));
    }

    @Test
    void a_staff_change_that_only_tightens_applies_at_once() {
        Api.Reply tightened = GP.putJsonOverCurrent(path, staffChange("active",
                "[{\"type\":\"deny\",\"categories\":[\"MENTAL_HEALTH\",\"SEXUAL_HEALTH\"],\"organisations\":[\"RXA\"]}]"));

        assertEquals(200, tightened.status(), tightened.body());
        assertEquals("not-needed", tightened.json().getString("confirmation"));
        assertTrue(tightened.json().getBoolean("inForce"));
    }

    @Test
    void staff_record_a_change_only_at_the_patients_request() {
        String unattested = "{\"status\":\"active\",\"reason\":\"I think this is best for them\",\"provisions\":[]}";
        assertEquals(List.of("atPatientsRequest"), GP.putJsonOverCurrent(path, unattested).problemFields(400));
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from consent_directive where patient_nhs_number = ?", patient));
    }

    @Test
    void in_person_the_confirmation_is_taken_by_a_clinician_other_than_the_one_who_proposed_it() {
        assertEquals(200, GP.putJsonOverCurrent(path, staffChange("inactive", "[]")).status());
        Databases.createStaff("gp.beech.partner." + patient, "Y90001", "GP", Portal.DEMO_PASSWORD);
        Api.Client partner = Api.as(Tokens.staff("gp.beech.partner." + patient, "GP").sign());

        GP.postJson(path + "/confirmation", "{\"version\":2,\"confirmedInPerson\":true}").problem(403);
        assertEquals(List.of("confirmedInPerson"), partner.postJson(path + "/confirmation", "{\"version\":2}").problemFields(400));
        assertEquals("awaiting", partner.get(path).json().getString("confirmation"));
        assertTrue(partner.get(path).json().containsKey("provisions") && !partner.get(path).json().containsKey("withheld"),
                "a clinician who may take the confirmation reads what it says");

        Api.Reply confirmed = partner.postJson(path + "/confirmation", "{\"version\":2,\"confirmedInPerson\":true}");
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals("in-person", confirmed.json().getString("confirmationChannel"));
        assertTrue(clinicianSeesTheDepression());
    }

    @Test
    void an_unconfirmed_change_lapses_after_28_days_and_the_patients_choice_stands() {
        assertEquals(200, GP.putJsonOverCurrent(path, staffChange("inactive", "[]")).status());
        Databases.execute(Databases.HOSPITAL, "update consent_directive set recorded_at = recorded_at - interval '28 days 1 minute'"
                + " where patient_nhs_number = ? and version = 2", patient);

        assertEquals("lapsed", own.get(path).json().getString("confirmation"));
        JsonObject refused = own.postJson(path + "/confirmation", "{\"version\":2}").problem(409);
        assertTrue(refused.getString("detail").contains("lapsed"), refused.toString());
        assertFalse(clinicianSeesTheDepression());
        assertEquals(1, own.get(path + "/history").jsonArray().stream().map(JsonObject.class::cast)
                .filter(version -> version.getBoolean("inForce")).map(version -> version.getInt("version")).filter(v -> v == 1).count());
    }

    @Test
    void what_a_directive_says_is_read_by_the_patient_its_author_the_privacy_officer_and_staff_who_may_change_it() {
        assertEquals(200, GP.putJsonOverCurrent(path, staffChange("active",
                "[{\"type\":\"deny\",\"categories\":[\"MENTAL_HEALTH\",\"SEXUAL_HEALTH\"],\"organisations\":[\"RXA\"]}]")).status());
        Databases.createStaff("gp.beech.partner." + patient, "Y90001", "GP", Portal.DEMO_PASSWORD);
        Api.Client partner = Api.as(Tokens.staff("gp.beech.partner." + patient, "GP").sign());
        Api.Client admin = Api.as(Tokens.staff("admin.beech", "ADMIN").sign());

        assertTrue(own.get(path).body().contains("SEXUAL_HEALTH"));
        assertTrue(GP.get(path).body().contains("SEXUAL_HEALTH"), "its author");
        assertTrue(PRIVACY_OFFICER.get(path).body().contains("SEXUAL_HEALTH"));
        assertTrue(partner.get(path).body().contains("SEXUAL_HEALTH"), "a GP it restricts in nothing, who may write the next version");
        for (Api.Client restricted : List.of(CLINICIAN, admin)) {
            JsonObject other = restricted.get(path).json();
            assertEquals("Information is withheld from you", other.getString("withheld"));
            assertEquals(List.of(), other.getJsonArray("provisions"));
            assertFalse(restricted.get(path + "/history").body().contains("MENTAL_HEALTH"), "no version says");
        }
        PRIVACY_OFFICER.get("/api/patients/" + patient + "/record").problem(403);
    }

    @Test
    void a_privacy_officer_marks_a_version_entered_in_error_and_records_nothing_else() {
        assertEquals(200, GP.putJsonOverCurrent(path, staffChange("active",
                "[{\"type\":\"deny\",\"categories\":[\"MENTAL_HEALTH\",\"SEXUAL_HEALTH\"],\"organisations\":[\"RXA\"]}]")).status());

        PRIVACY_OFFICER.putJsonOverCurrent(path, staffChange("inactive", "[]")).problem(403);
        Api.Reply corrected = PRIVACY_OFFICER.putJsonOverCurrent(path, "{\"status\":\"entered-in-error\","
                + "\"reason\":\"Recorded against the wrong patient, reported by the practice\"}");
        assertEquals(200, corrected.status(), corrected.body());

        List<JsonObject> history = own.get(path + "/history").jsonArray().getValuesAs(JsonObject.class);
        assertEquals(List.of("3 entered-in-error false", "2 active false", "1 active true"), history.stream()
                .map(v -> v.getInt("version") + " " + v.getString("status") + " " + v.getBoolean("inForce")).toList());
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?"
                + " and role = 'PRIVACY_OFFICER' and action = 'WRITE' and outcome = 'GRANTED'", patient), "the correction is audited");
    }
}

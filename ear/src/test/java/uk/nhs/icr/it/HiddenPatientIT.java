package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Nobody learns who is registered by asking: an NHS number no one has and a patient the caller may not see get
 * the same status and the same body, and both attempts are on the audit log: 404 "no patient you may see" for
 * staff, 403 for a patient's token (bound to their own number). A role that may see no patient data on an
 * address is refused by role (403), whoever the patient.
 */
class HiddenPatientIT extends IcrDeployment {

    private static int deniedAuditRows(String nhsNumber) {
        return Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?"
                + " and outcome = 'DENIED'", nhsNumber);
    }

    private static String registeredElsewhere() {
        TestPatients registered = aPatient().gpPractice("Y90003");
        assertEquals(201, registered.register().status());
        return registered.nhsNumber();
    }

    /** A patient's token is bound to their own NHS number: any other is refused by that binding, registered or not. */
    @Test
    void a_patient_token_gets_the_same_403_for_an_unknown_number_and_someone_elses_record() {
        String own = registeredElsewhere();
        String someoneElse = registeredElsewhere();
        String nobody = TestPatients.newNhsNumber();
        Api.Client patient = Api.as(Tokens.patient(own).sign());

        for (String path : List.of("", "/record", "/summary", "/consent/history", "/data-opt-out", "/access-log", "/organ-donation")) {
            JsonObject known = patient.get("/api/patients/" + someoneElse + path).problem(403);
            JsonObject unknown = patient.get("/api/patients/" + nobody + path).problem(403);
            assertEquals(known, unknown, path);
        }
        assertEquals(7, deniedAuditRows(someoneElse), "each attempt on the other patient is audited");
        assertEquals(7, Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?"
                + " and username = ?", someoneElse, "patient:" + own), "under the NHS number of the patient who tried");
        assertEquals(7, deniedAuditRows(nobody), "each attempt on the unknown number is audited alike");
    }

    @Test
    void a_gp_without_a_relationship_gets_the_same_answer_as_for_an_unknown_number_with_break_glass_offered() {
        String notTheirs = registeredElsewhere();
        String nobody = TestPatients.newNhsNumber();
        Api.Client gp = Api.as(Tokens.staff("gp.beech", "GP").sign());

        JsonObject known = gp.get("/api/patients/" + notTheirs + "/record").problem(404);
        JsonObject unknown = gp.get("/api/patients/" + nobody + "/record").problem(404);

        assertEquals(known, unknown);
        assertTrue(known.getString("detail").contains("break the glass"), known.toString());
        assertEquals(1, deniedAuditRows(notTheirs));
        assertEquals(1, deniedAuditRows(nobody));
    }

    @Test
    void a_write_to_an_unknown_number_and_to_a_patient_without_relationship_answer_alike_and_write_nothing() {
        String notTheirs = registeredElsewhere();
        String nobody = TestPatients.newNhsNumber();
        Api.Client gp = Api.as(Tokens.staff("gp.beech", "GP").sign());
        String allergy = Api.json("substance", "Latex", "reaction", "Rash", "severity", "mild", "notedAt", "2026-01-01T09:00:00Z");

        JsonObject known = gp.postJson("/api/patients/" + notTheirs + "/allergies", allergy).problem(404);
        JsonObject unknown = gp.postJson("/api/patients/" + nobody + "/allergies", allergy).problem(404);

        assertEquals(known, unknown);
        assertEquals(0, Databases.hospitalEntries(notTheirs));
    }

    @Test
    void a_role_that_never_opens_records_is_refused_by_role_whoever_the_patient() {
        String known = registeredElsewhere();
        Api.Client nurse = Api.as(Tokens.staff("donation.nurse", "ORGAN_DONATION_NURSE").sign());

        JsonObject onKnown = nurse.get("/api/patients/" + known + "/record").problem(403);
        JsonObject onUnknown = nurse.get("/api/patients/" + TestPatients.newNhsNumber() + "/record").problem(403);

        assertEquals(onKnown, onUnknown);
    }
}

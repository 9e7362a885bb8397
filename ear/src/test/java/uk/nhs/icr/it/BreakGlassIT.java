package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Break-glass in the portal: refused record, reason and confirmation, red banner; then the privacy
 * officer's queue and review, and the patient's own "who viewed my record".
 */
class BreakGlassIT extends IcrDeployment {

    @Test
    void a_clinician_breaks_the_glass_and_it_reaches_the_review_queue_and_the_patients_access_log() {
        TestPatients patient = aPatient().gpPractice("Y90003").birthDate("1950-03-04");
        assertEquals(201, Api.as(Tokens.staff("gp.hillview", "GP").sign()).postJson("/api/patients", patient.json()).status());
        Portal clinician = Portal.signIn("clinician.riverside");
        String page = "/patients/patient.xhtml?nhsNumber=" + patient.nhsNumber();

        Api.Reply refused = clinician.get(page);
        assertTrue(refused.body().contains("No patient you may see has this NHS number"), refused.body());
        assertTrue(refused.body().contains("id=\"breakGlass\""), "break-glass offered");

        assertTrue(refused.body().contains(patient.nhsNumber().substring(0, 3) + " " + patient.nhsNumber().substring(3, 6)),
                "the number being opened, as 3 3 4");
        Api.Reply nothingGiven = clinician.submit(page, refused, "breakGlass", "breakGlass:breakGlassButton", Map.of());
        PortalIT.assertFieldMessage(nothingGiven.body(), "breakGlass:birthDate", "date of birth");
        PortalIT.assertFieldMessage(nothingGiven.body(), "breakGlass:confirm", "Confirm that this is an emergency");

        Api.Reply tooShort = clinician.submit(page, nothingGiven, "breakGlass", "breakGlass:breakGlassButton",
                Map.of("breakGlass:reason", "urgent", "breakGlass:birthDate", "1950-03-04", "breakGlass:confirm_input", "on"));
        PortalIT.assertFieldMessage(tooShort.body(), "breakGlass:reason", "at least 20 characters");

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("breakGlass:reason", "Brought in unconscious; need allergies and medication now");
        fields.put("breakGlass:birthDate", "1950-04-03");
        fields.put("breakGlass:confirm_input", "on");
        Api.Reply wrongPatient = clinician.submit(page, tooShort, "breakGlass", "breakGlass:breakGlassButton", fields);
        PortalIT.assertFieldMessage(wrongPatient.body(), "breakGlass:birthDate", "Does not match the patient with this NHS number");
        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from break_glass_grant where patient_nhs_number = ?",
                patient.nhsNumber()), "a number that is not the patient's opens nothing");

        fields.put("breakGlass:birthDate", "1950-03-04");
        Api.Reply granted = clinician.submit(page, wrongPatient, "breakGlass", "breakGlass:breakGlassButton", fields);
        assertEquals(302, granted.status(), "the page opens afresh under the grant: " + granted.body());
        Api.Reply opened = clinician.get(granted.header("Location").replace(Api.BASE, ""));
        assertTrue(opened.body().contains("id=\"breakGlassBanner\""), opened.body());
        assertTrue(opened.body().contains("id=\"patientBanner\""), "record shown");
        assertTrue(opened.body().contains("Latest results") && opened.body().contains("id=\"record:timelineForm:timeline\""),
                "the shared record (summary and timeline) shown too");

        Api.Reply queue = Portal.signIn("privacy.officer").get("/privacy/review.xhtml");
        assertEquals(200, queue.status());
        assertTrue(queue.body().contains("Brought in unconscious; need allergies and medication now"), queue.body());

        Api.Reply log = Api.as(Tokens.patient(patient.nhsNumber()).sign()).get("/api/patients/" + patient.nhsNumber() + "/access-log");
        assertEquals(200, log.status(), log.body());
        List<JsonObject> entries = log.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertTrue(entries.stream().anyMatch(e -> e.getBoolean("breakGlass") && e.getString("organisationOdsCode").equals("RXB")
                && e.getString("what").equals("SharedRecord read")), entries.toString());
        assertTrue(entries.stream().anyMatch(e -> e.getString("outcome").equals("DENIED")), "the refused attempt shows too");
    }

    /** H-034: a mistyped NHS number must not open a stranger's record in an emergency. */
    @Test
    void over_the_api_a_date_of_birth_that_is_not_the_patients_grants_nothing_and_is_audited() {
        TestPatients patient = aPatient().gpPractice("Y90003").birthDate("1962-07-21");
        assertEquals(201, Api.as(Tokens.staff("gp.hillview", "GP").sign()).postJson("/api/patients", patient.json()).status());
        Api.Client nurse = Api.as(Tokens.staff("nurse.riverside", "NURSE").sign());
        String path = "/api/patients/" + patient.nhsNumber() + "/break-glass";

        Api.Reply refused = nurse.postJson(path, "{\"reason\":\"Collapsed in clinic, needs medication history\",\"birthDate\":\"1962-07-12\"}");
        assertEquals(List.of("birthDate"), refused.problemFields(400));
        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from break_glass_grant where patient_nhs_number = ?",
                patient.nhsNumber()));
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?"
                + " and reason like 'identity check failed%'", patient.nhsNumber()), "the refused attempt is on record");

        assertEquals(201, nurse.postJson(path, "{\"reason\":\"Collapsed in clinic, needs medication history\",\"birthDate\":\"1962-07-21\"}")
                .status());
    }

    @Test
    void the_privacy_officer_marks_a_grant_appropriate_with_a_note() {
        TestPatients patient = aPatient().gpPractice("Y90003");
        String reason = "Sepsis pathway, needs history now for " + patient.familyName();
        assertEquals(201, Api.as(Tokens.staff("gp.hillview", "GP").sign()).postJson("/api/patients", patient.json()).status());
        Api.Reply grant = Api.as(Tokens.staff("nurse.riverside", "NURSE").sign())
                .postJson("/api/patients/" + patient.nhsNumber() + "/break-glass", Api.json("reason", reason));
        assertEquals(201, grant.status(), grant.body());
        long id = grant.json().getJsonNumber("id").longValue();

        Portal officer = Portal.signIn("privacy.officer");
        Api.Reply queue = officer.get("/privacy/review.xhtml");
        int row = Portal.rowIndexOf(queue.body(), reason);
        Api.Reply reviewed = officer.submit("/privacy/review.xhtml", queue, "review", "review:queue:" + row + ":appropriate",
                Map.of("review:queue:" + row + ":note", "Emergency confirmed with the ward"));

        assertTrue(reviewed.body().contains("marked appropriate"), reviewed.body());
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from break_glass_grant where id = ?"
                + " and review_status = 'APPROPRIATE' and reviewed_by = 'privacy.officer' and review_note = 'Emergency confirmed with the ward'", id));
    }

    @Test
    void patients_see_only_their_own_access_log_and_other_staff_none() {
        String own = Databases.firstDemoPatientAt("Y90001");
        String other = Databases.firstDemoPatientAt("Y90002");

        assertEquals(200, Api.as(Tokens.patient(own).sign()).get("/api/patients/" + own + "/access-log").status());
        Api.as(Tokens.patient(own).sign()).get("/api/patients/" + other + "/access-log").problem(403);
        Api.get("/api/patients/" + own + "/access-log").problem(403);
        assertEquals(200, Api.as(Tokens.staff("privacy.officer", "PRIVACY_OFFICER").sign())
                .get("/api/patients/" + other + "/access-log").status());
    }

    @Test
    void the_privacy_officer_sees_who_viewed_a_record_in_the_portal() {
        TestPatients patient = aPatient();
        assertEquals(201, Api.postJson("/api/patients", patient.json()).status());
        Api.get("/api/patients/" + patient.nhsNumber());
        Api.as(Tokens.staff("gp.canal", "GP").sign()).get("/api/patients/" + patient.nhsNumber());

        Portal officer = Portal.signIn("privacy.officer");
        Api.Reply form = officer.get("/privacy/access-log.xhtml");
        Api.Reply log = officer.submit("/privacy/access-log.xhtml", form, "accessLog", "accessLog:show",
                Map.of("accessLog:nhsNumber", patient.nhsNumber()));

        assertEquals(200, log.status());
        assertTrue(log.body().contains("Canal Side Medical Practice"), "the refused practice is listed by name");
        assertTrue(log.body().contains("Refused") && log.body().contains("Allowed"), log.body());
        assertTrue(log.body().contains("gp.canal"), "who, for the privacy officer");

        Api.Reply refusedOnly = officer.submit("/privacy/access-log.xhtml", log, "accessLog", "accessLog:show",
                Map.of("accessLog:nhsNumber", patient.nhsNumber(), "accessLog:outcome_input", "DENIED"));
        assertTrue(refusedOnly.body().contains("id=\"accessCount\" role=\"status\">1 access found"), "gp.canal's one refusal only");
        Api.Reply csv = officer.submit("/privacy/access-log.xhtml", refusedOnly, "entriesForm", "downloadCsv", Map.of());
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(csv.body().startsWith("\"When (UK time)\",\"Who\""), csv.body());
        assertTrue(csv.body().contains("\"gp.canal\",\"GP\",\"Canal Side Medical Practice"), csv.body());
        assertFalse(csv.body().contains("\"Allowed\""), "the filter holds for the download too");
        assertEquals(403, Portal.signIn("gp.beech").get("/privacy/access-log.xhtml").status(), "privacy officers only");
    }

}

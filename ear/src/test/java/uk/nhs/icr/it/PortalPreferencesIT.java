package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.PortalIT.assertFieldMessage;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Consent and organ donation in the portal over plain HTTP: staff record a mental-health deny and another
 * GP's view shows the withheld marker without those entries; a donation decision is recorded after the
 * identity check; the specialist nurse looks it up and a GP cannot.
 */
class PortalPreferencesIT extends IcrDeployment {

    private static final String BORN = "1968-09-30";

    private static String patientWithAMentalHealthProblem() {
        TestPatients patient = aPatient().birthDate(BORN);
        assertEquals(201, Api.postJson("/api/patients", patient.json()).status());
        Databases.addProblemDirectly(patient.nhsNumber(), "GENERAL", "Osteoarthritis");
        Databases.addProblemDirectly(patient.nhsNumber(), "MENTAL_HEALTH", "Anxiety disorder");
        return patient.nhsNumber();
    }

    @Test
    void a_mental_health_deny_recorded_in_the_portal_withholds_those_entries_from_another_gp() {
        String patient = patientWithAMentalHealthProblem();
        Portal gp = Portal.signIn("gp.beech");
        String path = "/patients/preferences.xhtml?nhsNumber=" + patient;
        Api.Reply page = gp.get(path);
        assertEquals(200, page.status(), page.body());

        Api.Reply withRow = gp.submit(path, page, "consentForm", "consentForm:addProvision", Map.of("consentForm:status_input", "active"));
        assertEquals(200, withRow.status(), withRow.body());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("consentForm:status_input", "active");
        fields.put("consentForm:provisions:0:type_input", "deny");
        fields.put("consentForm:provisions:0:categories", "MENTAL_HEALTH");
        fields.put("consentForm:provisions:0:start", "");
        fields.put("consentForm:provisions:0:end", "");
        fields.put("consentForm:reason", "Patient asked at the surgery today");
        fields.put("consentForm:atPatientsRequest_input", "on");
        Api.Reply saved = gp.submit(path, withRow, "consentForm", "consentForm:saveConsent", fields);

        assertEquals(200, saved.status(), saved.body());
        assertTrue(saved.body().contains("Consent recorded as version 1"), saved.body());
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from consent_directive where patient_nhs_number = ?"
                + " and provisions like '%MENTAL_HEALTH%' and recorded_by_username = 'gp.beech'", patient));

        Databases.createStaff("gp.beech.locum." + patient, "Y90001", "GP", Portal.DEMO_PASSWORD);
        String otherGpView = Portal.signIn("gp.beech.locum." + patient).get("/patients/patient.xhtml?nhsNumber=" + patient).body();
        assertTrue(otherGpView.contains("id=\"withheld\""), "withheld marker");
        assertTrue(otherGpView.contains("Osteoarthritis"));
        assertFalse(otherGpView.contains("Anxiety disorder"), "no mental-health entry");
        assertTrue(Databases.rows(Databases.HOSPITAL, "select reason from audit_event where patient_nhs_number = ? and username like"
                + " 'gp.beech.locum.%' and resource_type = 'SharedRecord'", patient).get(0).contains("withholds [MENTAL_HEALTH]"),
                "the audit says why");
    }

    @Test
    void a_change_made_meanwhile_is_not_overwritten_and_the_page_says_so() {
        String patient = patientWithAMentalHealthProblem();
        Portal gp = Portal.signIn("gp.beech");
        String path = "/patients/preferences.xhtml?nhsNumber=" + patient;
        Api.Reply page = gp.get(path);
        assertEquals(200, Api.as(Tokens.patient(patient).sign()).putJson("/api/patients/" + patient + "/consent",
                "{\"status\":\"active\",\"provisions\":[{\"type\":\"deny\",\"categories\":[\"mental_health\"],"
                        + "\"organisations\":[\"RXB\"]}]}").status(),
                "the patient records their own directive while the page is open");

        Api.Reply refused = gp.submit(path, page, "consentForm", "consentForm:saveConsent",
                Map.of("consentForm:status_input", "inactive", "consentForm:reason", "Patient asked at the surgery today",
                        "consentForm:atPatientsRequest_input", "on"));

        assertEquals(200, refused.status());
        assertTrue(refused.body().contains("Changed meanwhile"), refused.body());
        assertEquals(List.of("PATIENT"), Databases.rows(Databases.HOSPITAL, "select recorded_by_kind from consent_directive"
                + " where patient_nhs_number = ?", patient), "the patient's directive stands, and only it");
    }

    @Test
    void a_gp_the_patients_deny_restricts_is_told_why_and_is_offered_the_opt_out_only() {
        String patient = patientWithAMentalHealthProblem();
        assertEquals(200, Api.as(Tokens.patient(patient).sign()).putJson("/api/patients/" + patient + "/consent",
                "{\"status\":\"active\",\"provisions\":[{\"type\":\"deny\",\"categories\":[\"mental_health\"]}]}").status());

        String page = Portal.signIn("gp.beech").get("/patients/preferences.xhtml?nhsNumber=" + patient).body();

        assertTrue(page.contains("directive says is withheld from you"), page);
        assertFalse(page.contains("id=\"consentForm\""), "no form to change a directive that restricts the reader");
        assertTrue(page.contains("id=\"optOutForm\""));
    }

    @Test
    void a_consent_without_a_reason_is_refused_beside_the_field() {
        String patient = patientWithAMentalHealthProblem();
        Portal gp = Portal.signIn("gp.beech");
        String path = "/patients/preferences.xhtml?nhsNumber=" + patient;
        Api.Reply page = gp.get(path);

        Api.Reply refused = gp.submit(path, page, "consentForm", "consentForm:saveConsent",
                Map.of("consentForm:status_input", "active", "consentForm:reason", ""));

        assertEquals(200, refused.status());
        assertFieldMessage(refused.body(), "consentForm:reason", "must say why");
        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from consent_directive where patient_nhs_number = ?", patient));
    }

    @Test
    void a_donation_decision_needs_the_right_date_of_birth_and_the_nurse_then_looks_it_up() {
        String patient = patientWithAMentalHealthProblem();
        Portal gp = Portal.signIn("gp.beech");
        String path = "/patients/organ-donation.xhtml?nhsNumber=" + patient;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("decisionForm:birthDate", "1968-10-01");
        fields.put("decisionForm:decision_input", "opt-in");
        fields.put("decisionForm:organs", "KIDNEYS");

        Api.Reply wrong = gp.submit(path, gp.get(path), "decisionForm", "decisionForm:save", fields);
        assertEquals(200, wrong.status());
        assertFieldMessage(wrong.body(), "decisionForm:birthDate", "does not match");

        fields.put("decisionForm:birthDate", "1968-09-30");
        Api.Reply right = gp.submit(path, gp.get(path), "decisionForm", "decisionForm:save", fields);
        assertTrue(right.body().contains("Decision recorded on the register as version 1"), right.body());
        Api.Reply unsaid = gp.submit(path, gp.get(path), "decisionForm", "decisionForm:save", fields);
        assertFieldMessage(unsaid.body(), "decisionForm:replaceRegistered", "already on the register");
        fields.put("decisionForm:replaceRegistered_input", "on");
        Api.Reply replaced = gp.submit(path, gp.get(path), "decisionForm", "decisionForm:save", fields);
        assertTrue(replaced.body().contains("Decision recorded on the register as version 2"), replaced.body());

        Portal nurse = Portal.signIn("donation.nurse");
        Api.Reply lookupPage = nurse.get("/donation/lookup.xhtml");
        Api.Reply found = nurse.submit("/donation/lookup.xhtml", lookupPage, "lookup", "lookup:lookUp",
                Map.of("lookup:nhsNumber", patient, "lookup:at_input", ""));
        assertTrue(found.body().contains("Opted in to donate") && found.body().contains("Organs and tissue: kidneys"), found.body());
        assertFalse(found.body().contains("EXPRESS_OPT_IN") || found.body().contains("KIDNEYS"), "words, not codes");

        Api.Reply refused = gp.submit("/donation/lookup.xhtml", gp.get("/donation/lookup.xhtml"), "lookup", "lookup:lookUp",
                Map.of("lookup:nhsNumber", patient, "lookup:at_input", ""));
        assertTrue(refused.body().contains("Only the specialist nurse for organ donation may look up a decision"), refused.body());
        assertFalse(refused.body().contains("Opted in to donate"));
        assertEquals(2, Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?"
                + " and resource_type = 'OrganDonationDecision' and action = 'EVALUATE'", patient), "both look-ups on record");
    }

    @Test
    void a_clinician_records_in_the_portal_that_the_patient_confirmed_a_change_in_person() {
        String patient = patientWithAMentalHealthProblem();
        String api = "/api/patients/" + patient + "/consent";
        assertEquals(200, Api.as(Tokens.patient(patient).sign()).putJson(api, "{\"status\":\"active\",\"provisions\":[{\"type\":"
                + "\"deny\",\"categories\":[\"mental_health\"],\"organisations\":[\"RXA\"]}]}").status());
        Api.Reply proposed = Api.as(Tokens.staff("gp.beech", "GP").sign()).putJson(api, "{\"status\":\"inactive\","
                + "\"atPatientsRequest\":true,\"reason\":\"Patient asked at the surgery today\",\"provisions\":[]}", "If-Match", "\"1\"");
        assertEquals("awaiting", proposed.json().getString("confirmation"));
        Databases.createStaff("gp.beech.partner." + patient, "Y90001", "GP", Portal.DEMO_PASSWORD);
        Portal partner = Portal.signIn("gp.beech.partner." + patient);
        String path = "/patients/preferences.xhtml?nhsNumber=" + patient;
        Api.Reply page = partner.get(path);
        assertTrue(page.body().contains("Awaiting the patient's confirmation"), page.body());

        Api.Reply unattested = partner.submit(path, page, "confirmationForm", "confirmationForm:confirmChange", Map.of());
        assertFieldMessage(unattested.body(), "confirmationForm:confirmedInPerson", "in person");
        Api.Reply confirmed = partner.submit(path, partner.get(path), "confirmationForm", "confirmationForm:confirmChange",
                Map.of("confirmationForm:confirmedInPerson_input", "on"));

        assertTrue(confirmed.body().contains("The patient's confirmation is recorded: version 2 now applies"), confirmed.body());
        assertEquals(List.of("IN_PERSON gp.beech.partner." + patient), Databases.rows(Databases.HOSPITAL, "select confirmation_channel"
                + " || ' ' || confirmed_by_username from consent_directive where patient_nhs_number = ? and version = 2", patient));
    }

    @Test
    void a_privacy_officer_corrects_a_version_entered_in_error_from_the_portal_and_sees_nothing_else() {
        String patient = patientWithAMentalHealthProblem();
        String api = "/api/patients/" + patient + "/consent";
        assertEquals(200, Api.as(Tokens.staff("gp.beech", "GP").sign()).putJson(api, "{\"status\":\"active\",\"atPatientsRequest\":true,"
                + "\"reason\":\"Patient asked at the surgery today\",\"provisions\":[{\"type\":\"deny\",\"categories\":"
                + "[\"mental_health\"],\"organisations\":[\"RXB\"]}]}", "If-None-Match", "*").status());
        Portal officer = Portal.signIn("privacy.officer");
        String path = "/patients/preferences.xhtml?nhsNumber=" + patient;
        Api.Reply page = officer.get(path);
        assertTrue(page.body().contains("Withhold mental health from staff at Riverside University Hospitals NHS Trust."),
                "what the directive says, to the privacy officer");
        assertFalse(page.body().contains("id=\"consentForm\"") || page.body().contains("id=\"optOutForm\""), "nothing else to record");
        assertFalse(page.body().contains("id=\"patientBanner\""), "no read of the patient's record");

        Api.Reply corrected = officer.submit(path, page, "correctionForm", "correctionForm:markEnteredInError",
                Map.of("correctionForm:reason", "Recorded against the wrong patient, reported by the practice"));

        assertTrue(corrected.body().contains("Version 2 records the correction"), corrected.body());
        assertEquals(List.of("ENTERED_IN_ERROR"), Databases.rows(Databases.HOSPITAL, "select status from consent_directive"
                + " where patient_nhs_number = ? and version = 2", patient));
        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?"
                + " and role = 'PRIVACY_OFFICER' and outcome = 'DENIED'", patient), "the page asked for nothing it may not read");
    }
}

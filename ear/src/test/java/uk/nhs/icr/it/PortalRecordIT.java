package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.PortalIT.assertFieldMessage;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The shared record in the portal over plain HTTP: a GP sees both records in one timeline with the alerts
 * banner and the summary; a social worker's care visit, recorded through the portal form, reaches the GP's
 * view; a clinician discharges an admission to social care from the summary.
 */
class PortalRecordIT extends IcrDeployment {

    /** A Beech Road patient on the social worker's caseload, with a hospital result, an allergy and a care visit. */
    private static String patientKnownToBothRecords() {
        TestPatients patient = aPatient();
        assertEquals(201, Api.postJson("/api/patients", patient.json()).status());
        String number = patient.nhsNumber();
        Databases.allocateToCaseload(number, "social.worker");
        assertEquals(201, Api.postJson("/api/patients/" + number + "/blood-tests", Api.json("test", "Potassium", "value", "6.1",
                "unit", "mmol/L", "referenceLow", "3.5", "referenceHigh", "5.3", "reportedAt", "2026-11-01T09:00:00Z")).status());
        assertEquals(201, Api.postJson("/api/patients/" + number + "/allergies", Api.json("substance", "Penicillin", "reaction", "Rash",
                "severity", "severe", "notedAt", "2019-06-01")).status());
        assertEquals(201, Api.as(Tokens.staff("social.worker", "SOCIAL_WORKER").sign()).postJson("/api/patients/" + number
                + "/needs-assessments", Api.json("needs", "Help with washing", "eligibility", "eligible", "assessedAt",
                "2026-10-15T10:00:00Z")).status());
        return number;
    }

    @Test
    void a_gp_sees_both_records_in_one_timeline_with_the_alerts_banner_and_the_summary() {
        String patient = patientKnownToBothRecords();

        String page = Portal.signIn("gp.beech").get("/patients/patient.xhtml?nhsNumber=" + patient).body();

        assertTrue(page.contains("id=\"alerts\"") && page.contains("Allergy: Penicillin (severe)"), "alerts banner");
        assertTrue(page.contains("Active problems") && page.contains("Latest results"), "summary tab");
        assertTrue(page.contains("icr-abnormal"), "the high potassium is highlighted");
        int hospital = page.indexOf("icr-source-hospital");
        int socialCare = page.indexOf("icr-source-social-care");
        assertTrue(hospital > 0 && socialCare > 0, "timeline holds entries of both records");
        assertTrue(page.indexOf("Potassium", page.indexOf("id=\"record:timelineForm:timeline\"")) < page.indexOf("Care Act needs assessment",
                page.indexOf("id=\"record:timelineForm:timeline\"")), "newest first: the November result before the October assessment");
        assertTrue(page.contains("Callum Reid") && page.contains("Northshire County Council"),
                "author and organisation (by name) of the social care entry");
    }

    @Test
    void a_care_visit_recorded_by_the_social_worker_in_the_portal_appears_in_the_gps_view() {
        String patient = patientKnownToBothRecords();
        Portal socialWorker = Portal.signIn("social.worker");
        String path = "/patients/record-entry.xhtml?nhsNumber=" + patient + "&kind=care-visit";
        Api.Reply form = socialWorker.get(path);
        assertEquals(200, form.status());

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("careVisit:plannedStart", "2026-11-24T08:00");
        fields.put("careVisit:plannedEnd", "2026-11-24T08:30");
        fields.put("careVisit:actualStart", "2026-11-24T08:10");
        fields.put("careVisit:actualEnd", "2026-11-24T08:45");
        fields.put("careVisit:tasksDone", "Breakfast; walked to the post office together");
        fields.put("careVisit:notes", "");
        Api.Reply saved = socialWorker.submit(path, form, "careVisit", "careVisit:save", fields);

        assertEquals(302, saved.status(), saved.body());
        assertTrue(saved.header("Location").contains("/patients/patient.xhtml"), saved.header("Location"));
        assertEquals(1, Databases.count(Databases.SOCIAL_CARE, "select count(*) from social_care_entry where person_nhs_number = ?"
                + " and entry_type = 'CARE_VISIT' and actual_start = '2026-11-24T08:10:00Z'", patient), "08:10 in London in November is 08:10 UTC");
        String gpView = Portal.signIn("gp.beech").get("/patients/patient.xhtml?nhsNumber=" + patient).body();
        assertTrue(gpView.contains("walked to the post office together"), "the GP sees the visit");
        assertTrue(gpView.contains("24/11/2026 08:10"), "at the time it happened, UK time");
    }

    @Test
    void a_refused_care_visit_shows_each_reason_beside_its_field_and_writes_nothing() {
        String patient = patientKnownToBothRecords();
        Portal socialWorker = Portal.signIn("social.worker");
        String path = "/patients/record-entry.xhtml?nhsNumber=" + patient + "&kind=care-visit";
        Api.Reply form = socialWorker.get(path);

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("careVisit:plannedStart", "2026-11-24T08:00");
        fields.put("careVisit:plannedEnd", "2026-11-24T07:00");
        fields.put("careVisit:actualStart", "");
        fields.put("careVisit:actualEnd", "2026-11-24T08:45");
        fields.put("careVisit:tasksDone", "");
        Api.Reply answer = socialWorker.submit(path, form, "careVisit", "careVisit:save", fields);

        assertEquals(200, answer.status(), answer.body());
        assertFieldMessage(answer.body(), "careVisit:plannedEnd", "after planned start");
        assertFieldMessage(answer.body(), "careVisit:actualStart", "Actual start is required");
        assertFieldMessage(answer.body(), "careVisit:tasksDone", "Tasks done is required");
        assertEquals(1, Databases.socialCareEntries(patient), "only the assessment written before");
    }

    @Test
    void a_care_worker_is_not_offered_diagnoses_and_cannot_open_the_form_for_one() {
        String patient = patientKnownToBothRecords();
        Databases.onRotaNow(patient, "care.worker", "CP001");
        Portal careWorker = Portal.signIn("care.worker");

        String page = careWorker.get("/patients/patient.xhtml?nhsNumber=" + patient).body();
        assertTrue(page.contains("kind=care-visit"), "offered: care visit");
        assertFalse(page.contains("kind=problem"), "not offered: problem");

        String form = careWorker.get("/patients/record-entry.xhtml?nhsNumber=" + patient + "&kind=problem").body();
        assertTrue(form.contains("Care workers may not record this kind of entry"), form);
        assertFalse(form.contains("id=\"problem\""), "no problem form");
    }

    @Test
    void a_clinician_discharges_an_admission_to_social_care_from_the_record() {
        TestPatients registered = aPatient();
        assertEquals(201, Api.postJson("/api/patients", registered.json()).status());
        String patient = registered.nhsNumber();
        Databases.openAdmission(patient, "RXA");
        long admission = Databases.admit(patient, "RXA");
        Portal clinician = Portal.signIn("clinician.northgate");

        String record = clinician.get("/patients/patient.xhtml?nhsNumber=" + patient).body();
        String link = "/patients/record-entry.xhtml?nhsNumber=" + patient + "&amp;kind=transfer-of-care&amp;admissionId=" + admission;
        assertTrue(record.contains(link), "the open admission offers the transfer: " + record);

        String path = link.replace("&amp;", "&");
        Api.Reply form = clinician.get(path);
        assertTrue(form.body().contains(">Homecare Partners Ltd<"), "care providers to choose from, by name");
        String closes = form.body().substring(form.body().indexOf("id=\"admissionClosed\"")).replaceAll("\\s+", " ");
        assertTrue(closes.contains("Admission: Test admission") && closes.contains(", by Ward system)"),
                "the admission as the clinician knows it: " + closes.substring(0, Math.min(400, closes.length())));
        assertFalse(form.body().contains("Closes admission " + admission), "not its internal number");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("transferOfCare:admissionId", Long.toString(admission));
        fields.put("transferOfCare:dischargeSummary", "Pneumonia treated; walks with a frame");
        fields.put("transferOfCare:careNeeds", "Help with washing and dressing twice a day");
        fields.put("transferOfCare:careProviderOdsCode_input", "CP001");
        Api.Reply check = clinician.submit(path, form, "transferOfCare", "transferOfCare:save", fields);

        assertEquals(200, check.status(), check.body());
        assertTrue(check.body().contains("Check before you discharge"), "a discharge is checked before it is made");
        assertTrue(check.body().replaceAll("\\s+", " ").contains("id=\"checkProvider\">Homecare Partners Ltd"), check.body());
        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from hospital_entry where id = ? and status = 'CLOSED'",
                admission), "nothing happens before the check is confirmed");
        Map<String, String> confirm = new LinkedHashMap<>();
        confirm.put("transferOfCare:admissionId", Long.toString(admission));
        Api.Reply done = clinician.submit(path, check, "transferOfCare", "transferOfCare:confirm", confirm);

        assertEquals(302, done.status(), done.body());
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from hospital_entry where id = ? and status = 'CLOSED'",
                admission));
        assertEquals(1, Databases.count(Databases.SOCIAL_CARE, "select count(*) from social_care_entry where source_encounter_id = ?",
                admission));
        String after = clinician.get("/patients/patient.xhtml?nhsNumber=" + patient).body();
        assertTrue(after.contains("Discharge summary") && after.contains("Assessment request"), "both sides in the timeline");
    }
}

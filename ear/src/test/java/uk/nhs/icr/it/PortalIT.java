package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The portal over plain HTTP (no browser), signed in as the Beech Road GP: the root leads to the search
 * page, a patient page shows the record, and forms put each refusal beside its field.
 */
class PortalIT extends IcrDeployment {

    @Test
    void the_root_leads_to_patient_search() {
        Portal gp = Portal.signIn("gp.beech");

        Api.Reply root = gp.get("/");
        assertEquals(302, root.status());
        assertTrue(root.header("Location").endsWith("/patients/search.xhtml"), root.header("Location"));

        Api.Reply search = gp.get("/patients/search.xhtml");
        assertEquals(200, search.status());
        assertTrue(search.body().contains("Find a patient"));
        assertTrue(search.body().contains("id=\"byNumber:nhsNumber\""));
    }

    @Test
    void the_root_leads_the_privacy_officer_and_the_donation_nurse_to_their_own_pages() {
        assertTrue(Portal.signIn("privacy.officer").get("/").header("Location").endsWith("/privacy/review.xhtml"));
        Api.Reply nurse = Portal.signIn("donation.nurse").get("/");
        assertTrue(nurse.header("Location").endsWith("/donation/lookup.xhtml"), nurse.header("Location"));
    }

    @Test
    void a_patient_page_shows_the_demographic_record() {
        TestPatients patient = aPatient().givenName("Winifred");
        assertEquals(201, Api.postJson("/api/patients", patient.json()).status());

        Api.Reply page = Portal.signIn("gp.beech").get("/patients/patient.xhtml?nhsNumber=" + patient.nhsNumber());

        assertEquals(200, page.status());
        assertTrue(page.body().contains(patient.familyName().toUpperCase(java.util.Locale.UK) + ", Winifred"), page.body());
        String n = patient.nhsNumber();
        assertTrue(page.body().contains(n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6)));
    }

    @Test
    void a_name_search_lists_matching_patients_in_a_paged_table() {
        String family = TestPatients.uniqueFamilyName();
        for (String given : List.of("Ann", "Beth", "Cath")) {
            assertEquals(201, Api.postJson("/api/patients", aPatient().familyName(family).givenName(given).json()).status());
        }
        Portal gp = Portal.signIn("gp.beech");
        Api.Reply page = gp.get("/patients/search.xhtml");

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("byName:name", family);
        fields.put("byName:birthDate_input", "");
        Api.Reply answer = gp.submit("/patients/search.xhtml", page, "byName", "byName:search", fields);

        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("1-3 of 3 patients"), answer.body());
        int ann = answer.body().indexOf(">Ann<");
        int beth = answer.body().indexOf(">Beth<");
        assertTrue(ann > 0 && beth > ann, "rows in name order");
    }

    @Test
    void a_search_by_a_wrong_nhs_number_says_so_beside_the_field() {
        Portal gp = Portal.signIn("gp.beech");
        Api.Reply page = gp.get("/patients/search.xhtml");

        Api.Reply answer = gp.submit("/patients/search.xhtml", page, "byNumber", "byNumber:find",
                Map.of("byNumber:nhsNumber", "123"));

        assertEquals(200, answer.status());
        assertFieldMessage(answer.body(), "byNumber:nhsNumber", "10 digits");
    }

    @Test
    void opening_a_patient_outside_the_practice_by_nhs_number_explains_and_offers_break_glass() {
        String outside = Databases.firstDemoPatientAt("Y90004");
        Portal gp = Portal.signIn("gp.beech");
        Api.Reply page = gp.get("/patients/search.xhtml");

        Api.Reply answer = gp.submit("/patients/search.xhtml", page, "byNumber", "byNumber:find",
                Map.of("byNumber:nhsNumber", outside.substring(0, 3) + " " + outside.substring(3, 6) + " " + outside.substring(6)));
        assertEquals(302, answer.status(), answer.body());
        Api.Reply record = gp.get(answer.header("Location").replace(Api.BASE, ""));

        assertTrue(record.body().contains("No patient you may see has this NHS number"), record.body());
        assertTrue(record.body().contains("id=\"breakGlass\""), "break-glass offered to a GP");
        assertFalse(record.body().contains("id=\"patientBanner\""), "record not shown");

        Api.Reply unknown = gp.get("/patients/patient.xhtml?nhsNumber=" + TestPatients.newNhsNumber());
        assertEquals(denialOf(record.body()), denialOf(unknown.body()), "an NHS number nobody has reads the same");
    }

    private static String denialOf(String html) {
        int at = html.indexOf("id=\"deniedReason\"");
        assertTrue(at >= 0, html);
        return html.substring(at, html.indexOf("</p>", at));
    }

    @Test
    void the_register_form_shows_each_refusal_beside_its_field_and_writes_nothing() {
        Portal gp = Portal.signIn("gp.beech");
        Api.Reply form = gp.get("/patients/register.xhtml");
        assertEquals(200, form.status());
        String familyName = TestPatients.uniqueFamilyName();

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("registration:nhsNumber", "9434765918");
        fields.put("registration:givenName", "Edith");
        fields.put("registration:familyName", familyName);
        fields.put("registration:birthDate", "");
        fields.put("registration:sex_input", "female");
        fields.put("registration:postcode", "nowhere");
        fields.put("registration:gpPracticeOdsCode_input", "Y90001");
        Api.Reply answer = gp.submit("/patients/register.xhtml", form, "registration", "registration:register", fields);

        assertEquals(200, answer.status(), answer.body());
        assertFieldMessage(answer.body(), "registration:nhsNumber", "check digit");
        assertFieldMessage(answer.body(), "registration:birthDate", "Date of birth is required");
        assertFieldMessage(answer.body(), "registration:postcode", "UK postcode");
        assertFalse(answer.body().contains("Patient registered"));
        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from patient where family_name = ?", familyName));
    }

    /** Each input's p:message has the id "<input>Message" and sits in the same field block as the input. */
    static void assertFieldMessage(String html, String fieldId, String text) {
        int at = html.indexOf("id=\"" + fieldId + "Message\"");
        assertTrue(at >= 0, () -> "a message element for " + fieldId + " in " + html);
        String message = html.substring(at, html.indexOf("</script>", at));
        assertTrue(message.contains("ui-message-error") && message.contains(text),
                () -> "message for " + fieldId + " says '" + text + "': " + message);
    }
}

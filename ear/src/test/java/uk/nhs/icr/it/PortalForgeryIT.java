package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Cross-site request forgery against the portal (issue 18): a change is made only by a postback carrying the view state of
 * a page this session opened, and never from another site's page. Registration stands for every portal form (each is a
 * Faces postback through the same view state and the same filter).
 */
class PortalForgeryIT extends IcrDeployment {

    /** What the register page of this session posts for this patient, as a browser would. */
    private static Map<String, String> registrationPostback(Portal staff, TestPatients patient) {
        return staff.postback(staff.get("/patients/register.xhtml"), "registration", "registration:register", registration(patient));
    }

    private static Map<String, String> registration(TestPatients patient) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("registration:nhsNumber", patient.nhsNumber());
        fields.put("registration:givenName", "Edith");
        fields.put("registration:familyName", patient.familyName());
        fields.put("registration:birthDate", "1961-04-12");
        fields.put("registration:sex_input", "female");
        fields.put("registration:postcode", "LS1 4AP");
        fields.put("registration:gpPracticeOdsCode_input", "Y90001");
        return fields;
    }

    private static int registered(TestPatients patient) {
        return Databases.count(Databases.HOSPITAL, "select count(*) from patient where nhs_number = ?", patient.nhsNumber());
    }

    @Test
    void a_postback_with_the_sessions_own_view_state_from_its_own_origin_registers() {
        Portal gp = Portal.signIn("gp.beech");
        TestPatients patient = TestPatients.aPatient();
        Map<String, String> post = registrationPostback(gp, patient);

        // as Chromium posts the portal's own forms: their pages ask for no referrer, so the origin is sent as "null"
        Api.Reply answer = Api.postForm("/patients/register.xhtml", gp.cookie(), post, "Origin", "null", "Sec-Fetch-Site", "same-origin");

        assertTrue(answer.status() == 200 || answer.status() == 302, answer.status() + " " + answer.body());
        assertEquals(1, registered(patient), "the control: the same postback the forgeries below copy does register");
    }

    @Test
    void a_postback_from_another_sites_page_is_refused_before_anything_runs() {
        Portal gp = Portal.signIn("gp.beech");
        TestPatients patient = TestPatients.aPatient();
        Map<String, String> post = registrationPostback(gp, patient);

        assertEquals(403, Api.postForm("/patients/register.xhtml", gp.cookie(), post, "Origin", "https://evil.example").status());
        assertEquals(403, Api.postForm("/patients/register.xhtml", gp.cookie(), post, "Origin", "null", "Sec-Fetch-Site", "cross-site")
                .status(), "another site's page, whose origin the browser does not name, as its fetch metadata tells");
        assertEquals(403, Api.postForm("/patients/register.xhtml", gp.cookie(), post, "Sec-Fetch-Site", "same-site").status(),
                "a page of a sibling site (another host of the same domain)");
        assertEquals(403, Api.postForm("/sign-out", gp.cookie(), Map.of(), "Origin", "https://evil.example").status());
        assertEquals(0, registered(patient));
        assertTrue(gp.get("/patients/search.xhtml").body().contains("byNumber:nhsNumber"), "still signed in: sign-out was refused too");
    }

    @Test
    void a_view_state_taken_from_another_session_or_none_at_all_changes_nothing() {
        Portal victim = Portal.signIn("gp.beech");
        Portal attacker = Portal.signIn("gp.beech");
        TestPatients patient = TestPatients.aPatient();
        Map<String, String> stolen = registrationPostback(attacker, patient);

        Api.Reply replayed = Api.postForm("/patients/register.xhtml", victim.cookie(), stolen);
        assertFalse(replayed.body().contains("Patient registered"), replayed.body());
        Map<String, String> withoutViewState = new LinkedHashMap<>(stolen);
        withoutViewState.remove("jakarta.faces.ViewState");
        Api.Reply bare = Api.postForm("/patients/register.xhtml", victim.cookie(), withoutViewState);
        assertFalse(bare.body().contains("Patient registered"), bare.body());

        assertEquals(0, registered(patient), "the view state of one session is worth nothing in another");
    }
}

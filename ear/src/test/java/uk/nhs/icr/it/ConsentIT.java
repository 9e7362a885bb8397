package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Consent directives enforced on every read of the shared record: each kind of provision hides exactly the
 * entries it should, in the API and in the portal, the reader is told that something is withheld, break-glass
 * does not lift an explicit deny, and the audit says which rule applied.
 */
class ConsentIT extends IcrDeployment {

    private static final Api.Client GP = Api.as(Tokens.staff("gp.beech", "GP").sign());
    private static final Api.Client CLINICIAN = Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign());
    private static final Api.Client SOCIAL_WORKER = Api.as(Tokens.staff("social.worker", "SOCIAL_WORKER").sign());

    private String patient;

    /** A Beech Road patient, admitted to Northgate and on the social worker's caseload, with one entry in each category. */
    @BeforeEach
    void a_patient_with_an_entry_in_each_category() {
        TestPatients registered = aPatient();
        assertEquals(201, Api.postJson("/api/patients", registered.json()).status());
        patient = registered.nhsNumber();
        Databases.openAdmission(patient, "RXA");
        Databases.allocateToCaseload(patient, "social.worker");
        Databases.addProblemDirectly(patient, "GENERAL", "Hypertension");
        Databases.addProblemDirectly(patient, "MENTAL_HEALTH", "Depressive disorder");
        Databases.addProblemDirectly(patient, "SEXUAL_HEALTH", "Chlamydial infection");
        Databases.addSocialCareNoteDirectly(patient, "SAFEGUARDING", "Safeguarding contact");
        Databases.addSocialCareNoteDirectly(patient, "SOCIAL_CARE", "Son visits weekly");
    }

    private void consent(String provisions) {
        consent("active", provisions);
    }

    /** The patient records a new version of their own directive over whatever is current, or the first one. */
    private void consent(String status, String provisions) {
        String body = "{\"status\":\"" + status + "\",\"provisions\":" + provisions + "}";
        Api.Reply reply = Api.as(Tokens.patient(patient).sign()).putJsonOverCurrent("/api/patients/" + patient + "/consent", body);
        assertEquals(200, reply.status(), reply.body());
    }

    /** The titles a reader sees in the timeline, and whether they are told that something is withheld. */
    private Set<String> seenBy(Api.Client reader) {
        Api.Reply reply = reader.get("/api/patients/" + patient + "/record?size=100");
        assertEquals(200, reply.status(), reply.body());
        Set<String> titles = new TreeSet<>();
        reply.json().getJsonArray("items").getValuesAs(JsonObject.class).forEach(e -> titles.add(e.getString("title")));
        if (reply.json().getBoolean("withheld")) {
            titles.add("[withheld]");
        }
        return titles;
    }

    private static Set<String> all() {
        return Set.of("Hypertension", "Depressive disorder", "Chlamydial infection", "Safeguarding contact", "Son visits weekly");
    }

    private static Set<String> allBut(String... hidden) {
        Set<String> seen = new TreeSet<>(all());
        List.of(hidden).forEach(seen::remove);
        seen.add("[withheld]");
        return seen;
    }

    @Test
    void without_a_directive_everything_is_shared_for_direct_care() {
        assertEquals(all(), seenBy(GP));
        GP.get("/api/patients/" + patient + "/consent").problem(404);
    }

    @Test
    void a_deny_for_a_category_hides_it_from_everyone_and_says_something_is_withheld() {
        consent("[{\"type\":\"deny\",\"categories\":[\"MENTAL_HEALTH\"]}]");

        assertEquals(allBut("Depressive disorder"), seenBy(GP));
        assertEquals(allBut("Depressive disorder"), seenBy(CLINICIAN));
        JsonObject summary = GP.get("/api/patients/" + patient + "/summary").json();
        assertTrue(summary.getBoolean("withheld"));
        assertFalse(summary.toString().contains("Depressive"), summary.toString());
    }

    @Test
    void an_entry_a_clinician_files_under_a_sensitive_category_is_withheld_like_any_other() {
        consent("[{\"type\":\"deny\",\"categories\":[\"MENTAL_HEALTH\"]}]");
        Api.Reply recorded = CLINICIAN.postJson("/api/patients/" + patient + "/medications", Api.json("name", "Sertraline 50mg tablets",
                "dose", "50 mg", "route", "oral", "frequency", "once daily", "course", "repeat", "startedAt", "2026-11-01",
                "category", "mental_health"));
        assertEquals(201, recorded.status(), recorded.body());
        assertEquals("MENTAL_HEALTH", recorded.json().getString("category"));

        assertEquals(allBut("Depressive disorder"), seenBy(GP), "the new medication is withheld too");
        JsonObject withheld = CLINICIAN.getUrl(recorded.header("Location")).problem(404);
        assertEquals(CLINICIAN.get("/api/patients/" + patient + "/record/hospital/999999999").problem(404), withheld,
                "a withheld entry answers as an absent one: the reader learns nothing about it");
        assertEquals(List.of("category"), CLINICIAN.postJson("/api/patients/" + patient + "/problems", Api.json("snomedCode", "35489007",
                "display", "Depression", "onset", "2026-01-01", "category", "social_care")).problemFields(400));
    }

    @Test
    void a_deny_for_a_role_hides_only_from_that_role() {
        consent("[{\"type\":\"deny\",\"categories\":[\"SOCIAL_CARE\",\"SAFEGUARDING\"],\"roles\":[\"HOSPITAL_CLINICIAN\"]}]");

        assertEquals(allBut("Son visits weekly", "Safeguarding contact"), seenBy(CLINICIAN));
        assertEquals(all(), seenBy(GP));
        assertEquals(allBut("Depressive disorder", "Chlamydial infection"), seenBy(SOCIAL_WORKER),
                "not denied to social workers; the sensitive categories were never permitted to them");
    }

    @Test
    void a_deny_for_an_organisation_hides_only_from_its_staff() {
        consent("[{\"type\":\"deny\",\"categories\":[\"SEXUAL_HEALTH\"],\"organisations\":[\"RXA\"]}]");

        assertEquals(allBut("Chlamydial infection"), seenBy(CLINICIAN));
        assertEquals(all(), seenBy(GP));
    }

    @Test
    void a_deny_applies_only_within_its_period() {
        String yesterday = LocalDate.now().minusDays(1).toString();
        String tomorrow = LocalDate.now().plusDays(1).toString();
        consent("[{\"type\":\"deny\",\"categories\":[\"MENTAL_HEALTH\"],\"end\":\"" + yesterday + "\"},"
                + "{\"type\":\"deny\",\"categories\":[\"SEXUAL_HEALTH\"],\"start\":\"" + tomorrow + "\"},"
                + "{\"type\":\"deny\",\"categories\":[\"SOCIAL_CARE\"],\"start\":\"" + yesterday + "\",\"end\":\"" + tomorrow + "\"}]");

        assertEquals(allBut("Son visits weekly"), seenBy(GP));
    }

    @Test
    void a_permit_makes_an_exception_to_a_deny() {
        consent("[{\"type\":\"deny\",\"categories\":[\"MENTAL_HEALTH\"]},"
                + "{\"type\":\"permit\",\"categories\":[\"MENTAL_HEALTH\"],\"organisations\":[\"Y90001\"]}]");

        assertEquals(all(), seenBy(GP));
        assertEquals(allBut("Depressive disorder"), seenBy(CLINICIAN));
    }

    @Test
    void a_deny_without_categories_withholds_everything_and_an_inactive_directive_nothing() {
        consent("[{\"type\":\"deny\"}]");
        assertEquals(Set.of("[withheld]"), seenBy(CLINICIAN));
        assertEquals(Set.of("Safeguarding contact", "[withheld]"), seenBy(GP), "safeguarding is never withheld from the GP");

        Api.Client own = Api.as(Tokens.patient(patient).sign());
        String path = "/api/patients/" + patient + "/consent";
        assertEquals(200, own.putJson(path, "{\"status\":\"inactive\",\"provisions\":[{\"type\":\"deny\"}]}", "If-Match",
                own.get(path).header("ETag")).status(), "a deny of everything restricts all staff: the patient lifts it");
        assertEquals(all(), seenBy(GP));
        List<JsonObject> history = GP.get("/api/patients/" + patient + "/consent/history").jsonArray().getValuesAs(JsonObject.class);
        assertEquals(List.of("2 inactive", "1 active"), history.stream().map(v -> v.getInt("version") + " " + v.getString("status")).toList());
    }

    @Test
    void break_glass_does_not_lift_an_explicit_deny_and_the_audit_says_which_rule_applied() {
        consent("[{\"type\":\"deny\",\"categories\":[\"MENTAL_HEALTH\"]}]");
        Api.Client otherGp = Api.as(Tokens.staff("gp.canal", "GP").sign());
        assertEquals(201, otherGp.postJson("/api/patients/" + patient + "/break-glass",
                Api.json("reason", "Unconscious in A&E, need the medication history now")).status());

        assertEquals(allBut("Depressive disorder"), seenBy(otherGp));
        List<String> reasons = Databases.rows(Databases.HOSPITAL, "select reason from audit_event where patient_nhs_number = ?"
                + " and username = 'gp.canal' and resource_type = 'SharedRecord' order by id", patient);
        assertEquals(1, reasons.size());
        assertTrue(reasons.get(0).contains("break-glass") && reasons.get(0).contains("withholds [MENTAL_HEALTH]"), reasons.get(0));
    }

    @Test
    void under_break_glass_allergies_alerts_and_the_fact_of_a_safeguarding_concern_stay_in_view_whatever_is_denied() {
        assertEquals(201, GP.postJson("/api/patients/" + patient + "/allergies", Api.json("substance", "Penicillin",
                "reaction", "Anaphylaxis", "severity", "severe", "notedAt", "2019-03-01")).status());
        assertEquals(201, SOCIAL_WORKER.postJson("/api/patients/" + patient + "/safeguarding-concerns", Api.json("category",
                "Financial abuse", "description", "Nephew taking pension money", "raisedAt", "2026-11-20")).status());
        consent("[{\"type\":\"deny\"}]");
        assertFalse(seenBy(CLINICIAN).contains("Penicillin"), "a reader with a relationship follows the patient's deny");

        Api.Client otherGp = Api.as(Tokens.staff("gp.canal", "GP").sign());
        assertEquals(201, otherGp.postJson("/api/patients/" + patient + "/break-glass",
                Api.json("reason", "Collapsed in the street, unconscious, need allergies now")).status());

        assertEquals(Set.of("Penicillin", "[withheld]"), seenBy(otherGp), "the emergency minimum, and that more is withheld");
        String alerts = otherGp.get("/api/patients/" + patient + "/summary").json().getJsonArray("alerts").toString();
        assertTrue(alerts.contains("Allergy: Penicillin (severe)"), alerts);
        assertTrue(alerts.contains("Safeguarding concern open (details withheld)"), alerts);
        assertFalse(otherGp.get("/api/patients/" + patient + "/summary").body().contains("Nephew"), "the fact, not the concern");
    }

    @Test
    void a_prescriber_whose_own_prescription_the_patient_withholds_is_warned_and_no_one_else_is() {
        Api.Reply prescribed = GP.postJson("/api/patients/" + patient + "/medications", Api.json("name", "Sertraline 50mg tablets",
                "dose", "50 mg", "route", "oral", "frequency", "once daily", "course", "repeat", "startedAt", "2026-11-01"));
        assertEquals(201, prescribed.status(), prescribed.body());
        assertEquals("MENTAL_HEALTH", prescribed.json().getString("category"), "an antidepressant reveals the condition");
        consent("[{\"type\":\"deny\",\"categories\":[\"MENTAL_HEALTH\"]}]");

        String gpAlerts = GP.get("/api/patients/" + patient + "/summary").json().getJsonArray("alerts").toString();
        assertTrue(gpAlerts.contains("1 active medication you prescribed is withheld from you"), gpAlerts);
        assertFalse(gpAlerts.contains("Sertraline"), "the warning, not the medicine");
        String clinicianAlerts = CLINICIAN.get("/api/patients/" + patient + "/summary").json().getJsonArray("alerts").toString();
        assertFalse(clinicianAlerts.contains("you prescribed"), "only its prescriber: " + clinicianAlerts);
    }

    @Test
    void under_break_glass_a_dnacpr_decision_stays_in_view_whatever_is_denied() {
        Databases.addDnacprDirectly(patient, "DNACPR decision");
        consent("[{\"type\":\"deny\"}]");
        Api.Client otherGp = Api.as(Tokens.staff("gp.canal", "GP").sign());
        assertEquals(201, otherGp.postJson("/api/patients/" + patient + "/break-glass",
                Api.json("reason", "Cardiac arrest in the waiting room, need resuscitation status")).status());

        assertTrue(seenBy(otherGp).contains("DNACPR decision"));
        String alerts = otherGp.get("/api/patients/" + patient + "/summary").json().getJsonArray("alerts").toString();
        assertTrue(alerts.contains("DNACPR decision: Agreed with the patient and family"), alerts);
    }

    @Test
    void the_portal_shows_the_withheld_marker_and_none_of_the_withheld_entries() {
        consent("[{\"type\":\"deny\",\"categories\":[\"MENTAL_HEALTH\"]}]");

        String page = Portal.signIn("gp.beech").get("/patients/patient.xhtml?nhsNumber=" + patient).body();

        assertTrue(page.contains("id=\"withheld\""), "the withheld marker");
        assertTrue(page.contains("Hypertension"));
        assertFalse(page.contains("Depressive disorder"), "no mental-health entry anywhere on the page");
    }

    @Test
    void the_patient_records_their_own_directive_and_sees_their_record_but_a_safeguarding_concern_about_them() {
        Api.Client self = Api.as(Tokens.patient(patient).sign());
        Api.Reply reply = self.putJson("/api/patients/" + patient + "/consent",
                "{\"status\":\"active\",\"provisions\":[{\"type\":\"deny\",\"categories\":[\"SEXUAL_HEALTH\"]}]}");

        assertEquals(200, reply.status(), reply.body());
        assertEquals("patient", reply.json().getString("recordedBy"));
        Set<String> ownView = new TreeSet<>(all());
        ownView.remove("Safeguarding contact");
        assertEquals(ownView, seenBy(self), "everything but safeguarding, and no withheld notice");
        assertEquals(allBut("Chlamydial infection"), seenBy(GP));
    }

    @Test
    void bad_directives_are_refused_field_by_field_and_write_nothing() {
        String path = "/api/patients/" + patient + "/consent";

        assertEquals(List.of("status", "reason"), GP.putJson(path, "{\"provisions\":[]}").problemFields(400));
        assertEquals(List.of("status", "scope", "provisions[0].type", "provisions[0].categories[0]", "provisions[0].organisations[0]",
                        "provisions[0].roles[0]", "provisions[0].end"),
                GP.putJson(path, "{\"status\":\"maybe\",\"scope\":\"marketing\",\"atPatientsRequest\":true,\"reason\":\"Patient asked today\",\"provisions\":"
                        + "[{\"type\":\"hide\",\"categories\":[\"GOSSIP\"],\"organisations\":[\"not a code\"],\"roles\":[\"JANITOR\"],"
                        + "\"start\":\"2026-05-01\",\"end\":\"2026-04-01\"}]}").problemFields(400));
        assertEquals(List.of("recordedBy"), GP.putJson(path, "{\"status\":\"active\",\"recordedBy\":\"patient\",\"atPatientsRequest\":true,\"reason\":\"Patient asked today\"}")
                .problemFields(400));
        assertEquals(List.of("recordedBy"), GP.putJson(path, "{\"status\":\"active\",\"recordedBy\":\"attorney\",\"atPatientsRequest\":true,\"reason\":\"Patient asked today\"}")
                .problemFields(400));
        GP.putJson(path, "{\"status\": ").problem(400);
        GP.putJson("/api/patients/" + TestPatients.newNhsNumber() + "/consent", "{\"status\":\"active\",\"atPatientsRequest\":true,\"reason\":\"Patient asked today\"}")
                .problem(404);
        Api.as(Tokens.staff("care.worker", "CARE_WORKER").sign()).putJson(path, "{\"status\":\"active\",\"atPatientsRequest\":true,\"reason\":\"Patient asked today\"}")
                .problem(403);

        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from consent_directive where patient_nhs_number = ?", patient));
    }

    @Test
    void staff_the_directive_restricts_cannot_lift_it() {
        consent("[{\"type\":\"deny\",\"categories\":[\"MENTAL_HEALTH\"],\"organisations\":[\"RXA\"]}]");
        String path = "/api/patients/" + patient + "/consent";

        Api.Reply current = CLINICIAN.get(path);
        assertEquals(200, current.status(), current.body());
        assertEquals("Information is withheld from you", current.json().getString("withheld"));
        assertFalse(current.body().contains("MENTAL_HEALTH"), current.body());
        Api.Reply history = CLINICIAN.get(path + "/history");
        assertFalse(history.body().contains("MENTAL_HEALTH"), "nor what it withholds, in any version");
        CLINICIAN.putJson(path, "{\"status\":\"inactive\",\"atPatientsRequest\":true,\"reason\":\"Patient said on the ward it is fine\",\"provisions\":[]}",
                "If-Match", "\"1\"").problem(403);
        CLINICIAN.putJson(path, "{\"status\":\"entered-in-error\",\"atPatientsRequest\":true,\"reason\":\"Patient said on the ward it is fine\"}",
                "If-Match", "\"1\"").problem(403);

        assertEquals(allBut("Depressive disorder"), seenBy(CLINICIAN), "the deny stands");
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from consent_directive where patient_nhs_number = ?", patient));
    }

    @Test
    void entered_in_error_voids_that_version_only_and_the_one_before_applies_again_but_staff_never_loosen_that_way() {
        consent("[{\"type\":\"deny\",\"categories\":[\"MENTAL_HEALTH\"]}]");
        Databases.createStaff("gp.beech.partner." + patient, "Y90001", "GP", Portal.DEMO_PASSWORD);
        Api.Client partner = Api.as(Tokens.staff("gp.beech.partner." + patient, "GP").sign());
        Api.Client privacyOfficer = Api.as(Tokens.staff("privacy.officer", "PRIVACY_OFFICER").sign());
        String path = "/api/patients/" + patient + "/consent";
        String sexualHealthToo = "{\"status\":\"active\",\"atPatientsRequest\":true,\"reason\":\"Patient asked at the surgery today\","
                + "\"provisions\":[{\"type\":\"deny\",\"categories\":[\"MENTAL_HEALTH\",\"SEXUAL_HEALTH\"],\"organisations\":[\"RXA\"]}]}";
        // a deny to everyone restricts every member of staff: the patient narrows it to Northgate (RXA) first
        Api.Client own = Api.as(Tokens.patient(patient).sign());
        assertEquals(200, own.putJsonOverCurrent(path, "{\"status\":\"active\",\"provisions\":[{\"type\":\"deny\","
                + "\"categories\":[\"MENTAL_HEALTH\"],\"organisations\":[\"RXA\"]}]}").status());
        assertEquals(200, GP.putJsonOverCurrent(path, sexualHealthToo).status(), "version 3, by gp.beech: it tightens, so applies at once");
        assertEquals(allBut("Depressive disorder", "Chlamydial infection"), seenBy(CLINICIAN));

        String inError = "{\"status\":\"entered-in-error\",\"reason\":\"Recorded for the wrong patient by me\"}";
        partner.putJsonOverCurrent(path, inError).problem(403);
        JsonObject refused = GP.putJsonOverCurrent(path, inError).problem(403);
        assertTrue(refused.getString("detail").contains("would let staff see more"), "even its author does not undo a restriction that way");
        assertEquals(allBut("Depressive disorder", "Chlamydial infection"), seenBy(CLINICIAN), "the restriction stands");
        assertEquals(200, privacyOfficer.putJsonOverCurrent(path, inError).status(), "a privacy officer corrects the record");

        assertEquals(allBut("Depressive disorder"), seenBy(CLINICIAN), "version 2 applies again, not nothing");
        List<JsonObject> history = GP.get(path + "/history").jsonArray().getValuesAs(JsonObject.class);
        assertEquals(List.of("4 entered-in-error", "3 active", "2 active", "1 active"),
                history.stream().map(v -> v.getInt("version") + " " + v.getString("status")).toList());
    }
}

package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.time.LocalDate;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;

/**
 * The organ-donation register over the API: decisions recorded after an identity check, kept as versions,
 * looked up only by the specialist nurse for organ donation (every look-up audited), and evaluated for deemed
 * consent on a date.
 */
class OrganDonationIT extends IcrDeployment {

    private static final Api.Client GP = Api.as(Tokens.staff("gp.beech", "GP").sign());
    private static final Api.Client NURSE = Api.as(Tokens.staff("donation.nurse", "ORGAN_DONATION_NURSE").sign());
    private static final String BORN = "1975-03-14";

    private static String patientBorn(String birthDate) {
        TestPatients patient = aPatient().birthDate(birthDate);
        assertEquals(201, Api.postJson("/api/patients", patient.json()).status());
        return patient.nhsNumber();
    }

    /** Records a decision as a client that knows the register's current version does: the first without a precondition. */
    private static Api.Reply record(Api.Client who, String patient, String body) {
        int current = Databases.count(Databases.HOSPITAL, "select coalesce(max(version), 0) from organ_donation_decision"
                + " where patient_nhs_number = ?", patient);
        String path = "/api/patients/" + patient + "/organ-donation";
        return current == 0 ? who.postJson(path, body) : who.postJson(path, body, "If-Match", "\"" + current + "\"");
    }

    private static int decisions(String patient) {
        return Databases.count(Databases.HOSPITAL, "select count(*) from organ_donation_decision where patient_nhs_number = ?", patient);
    }

    private static int audited(String patient, String action, String outcome) {
        return Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ? and"
                + " resource_type = 'OrganDonationDecision' and action = ? and outcome = ?", patient, action, outcome);
    }

    @Test
    void a_decision_is_recorded_after_the_identity_check_and_each_change_is_kept_in_order() {
        String patient = patientBorn(BORN);

        assertEquals(201, record(GP, patient, "{\"birthDate\":\"" + BORN + "\",\"decision\":\"opt-in\"}").status());
        assertEquals(201, record(GP, patient, "{\"birthDate\":\"" + BORN + "\",\"decision\":\"opt-in\",\"organs\":[\"kidneys\",\"corneas\"],"
                + "\"faithDeclaration\":true}").status());
        Api.Reply third = record(GP, patient, "{\"birthDate\":\"" + BORN + "\",\"decision\":\"representatives\",\"representatives\":"
                + "[{\"name\":\"Sam Lee\",\"relationship\":\"Brother\",\"contact\":\"07700 900123\"},"
                + "{\"name\":\"Jo Lee\",\"relationship\":\"Sister\",\"contact\":\"07700 900124\"}]}");
        assertEquals(201, third.status(), third.body());

        List<JsonObject> history = NURSE.get("/api/patients/" + patient + "/organ-donation/history").jsonArray().getValuesAs(JsonObject.class);
        assertEquals(List.of("3 representatives", "2 opt-in", "1 opt-in"),
                history.stream().map(d -> d.getInt("version") + " " + d.getString("decision")).toList());
        assertEquals(List.of("KIDNEYS", "CORNEAS"), history.get(1).getJsonArray("organs").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        assertTrue(history.get(1).getBoolean("faithDeclaration"));
        assertEquals(3, audited(patient, "RECORD", "GRANTED"), "each change is audited with it");
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ? and"
                + " resource_type = 'OrganDonationDecision' and action = 'RECORD' and reason like '%; version 3'", patient),
                "the audit entry names the version it recorded");
    }

    @Test
    void a_date_of_birth_that_does_not_match_is_422_writes_nothing_and_is_audited() {
        String patient = patientBorn(BORN);

        record(GP, patient, "{\"birthDate\":\"1975-03-15\",\"decision\":\"opt-out\"}").problem(422);

        assertEquals(0, decisions(patient));
        assertEquals(0, audited(patient, "RECORD", "GRANTED"), "the change's audit entry went with the change");
        assertEquals(1, audited(patient, "RECORD", "DENIED"), "the failed identity check is on record");
    }

    @Test
    void at_most_two_representatives_and_other_bad_input_is_refused_field_by_field() {
        String patient = patientBorn(BORN);
        String three = "[{\"name\":\"A\",\"relationship\":\"B\",\"contact\":\"C\"},{\"name\":\"A\",\"relationship\":\"B\",\"contact\":\"C\"},"
                + "{\"name\":\"A\",\"relationship\":\"B\",\"contact\":\"C\"}]";

        assertEquals(List.of("representatives"), record(GP, patient, "{\"birthDate\":\"" + BORN + "\",\"decision\":\"representatives\","
                + "\"representatives\":" + three + "}").problemFields(400));
        assertEquals(List.of("representatives"), record(GP, patient, "{\"birthDate\":\"" + BORN + "\",\"decision\":\"representatives\"}")
                .problemFields(400));
        assertEquals(List.of("representatives[0].contact"), record(GP, patient, "{\"birthDate\":\"" + BORN + "\",\"decision\":"
                + "\"representatives\",\"representatives\":[{\"name\":\"Sam\",\"relationship\":\"Brother\"}]}").problemFields(400));
        assertEquals(List.of("birthDate", "decision"), record(GP, patient, "{}").problemFields(400));
        assertEquals(List.of("organs[0]"), record(GP, patient, "{\"birthDate\":\"" + BORN + "\",\"decision\":\"opt-in\",\"organs\":[\"brain\"]}")
                .problemFields(400));
        assertEquals(List.of("organs"), record(GP, patient, "{\"birthDate\":\"" + BORN + "\",\"decision\":\"opt-out\",\"organs\":[\"heart\"]}")
                .problemFields(400));
        record(GP, patient, "{\"birthDate\": ").problem(400);
        record(GP, TestPatients.newNhsNumber(), "{\"birthDate\":\"" + BORN + "\",\"decision\":\"opt-in\"}").problem(404);
        assertEquals(List.of("at"), NURSE.get("/api/patients/" + patient + "/organ-donation/evaluation?at=soon").problemFields(400));
        assertEquals(List.of("lacksCapacity", "residency"), GP.putJson("/api/patients/" + patient + "/organ-donation/circumstances",
                "{\"residency\":\"mars\"}").problemFields(400));

        assertEquals(0, decisions(patient));
    }

    @Test
    void the_specialist_nurse_looks_up_a_decision_a_gp_gets_403_and_both_are_audited() {
        String patient = patientBorn(BORN);
        assertEquals(201, record(GP, patient, "{\"birthDate\":\"" + BORN + "\",\"decision\":\"opt-out\"}").status());

        assertEquals("opt-out", NURSE.get("/api/patients/" + patient + "/organ-donation").json().getString("decision"));
        assertEquals("OPT_OUT", NURSE.get("/api/patients/" + patient + "/organ-donation/evaluation").json().getString("outcome"));
        GP.get("/api/patients/" + patient + "/organ-donation").problem(403);
        GP.get("/api/patients/" + patient + "/organ-donation/evaluation").problem(403);

        assertEquals(1, audited(patient, "LOOK_UP", "GRANTED"));
        assertEquals(1, audited(patient, "EVALUATE", "GRANTED"));
        assertEquals(1, audited(patient, "LOOK_UP", "DENIED"));
        assertEquals(1, audited(patient, "EVALUATE", "DENIED"));
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?"
                + " and action = 'LOOK_UP' and outcome = 'GRANTED' and purpose = 'ORGAN_DONATION' and username = 'donation.nurse'", patient));
    }

    @Test
    void deemed_consent_is_evaluated_on_the_date_asked() {
        LocalDate eighteenthBirthday = LocalDate.of(2026, 6, 1);
        String turningEighteen = patientBorn(eighteenthBirthday.minusYears(18).toString());
        String path = "/api/patients/" + turningEighteen + "/organ-donation/evaluation?at=";

        JsonObject dayBefore = NURSE.get(path + eighteenthBirthday.minusDays(1)).json();
        assertEquals("NOT_APPLICABLE", dayBefore.getString("outcome"));
        assertTrue(dayBefore.getString("reason").contains("under 18"), dayBefore.toString());
        JsonObject birthday = NURSE.get(path + eighteenthBirthday).json();
        assertEquals("DEEMED_CONSENT", birthday.getString("outcome"));
        assertTrue(birthday.getJsonArray("needsExpressConsent").toString().contains("FACE"), "novel transplants always need express consent");
        assertTrue(birthday.getBoolean("familyToBeConsulted"));

        assertEquals(200, GP.putJson("/api/patients/" + turningEighteen + "/organ-donation/circumstances",
                "{\"lacksCapacity\":false,\"residency\":\"visitor\"}").status());
        JsonObject visitor = NURSE.get(path + LocalDate.now()).json();
        assertEquals("NOT_APPLICABLE", visitor.getString("outcome"));
        assertTrue(visitor.getString("reason").contains("visitor"), visitor.toString());
        assertEquals("DEEMED_CONSENT", NURSE.get(path + eighteenthBirthday).json().getString("outcome"),
                "on the birthday nothing said the person was a visitor: circumstances apply from when they were recorded");
    }

    @Test
    void representatives_are_two_different_people_appointed_by_an_adult_and_faith_goes_with_an_opt_in() {
        String adult = patientBorn(BORN);
        String fourteen = LocalDate.now().minusYears(14).toString();
        String child = patientBorn(fourteen);
        String sam = "{\"name\":\"Sam Lee\",\"relationship\":\"Brother\",\"contact\":\"07700 900123\"}";
        String samAgain = "{\"name\":\" sam  lee \",\"relationship\":\"Brother\",\"contact\":\"07700 900999\"}";

        assertEquals(List.of("decision"), record(GP, child, "{\"birthDate\":\"" + fourteen + "\",\"decision\":\"representatives\","
                + "\"representatives\":[" + sam + "]}").problemFields(400));
        assertEquals(List.of("representatives"), record(GP, adult, "{\"birthDate\":\"" + BORN + "\",\"decision\":\"representatives\","
                + "\"representatives\":[" + sam + "," + samAgain + "]}").problemFields(400));
        assertEquals(List.of("faithDeclaration"), record(GP, adult, "{\"birthDate\":\"" + BORN + "\",\"decision\":\"opt-out\","
                + "\"faithDeclaration\":true}").problemFields(400));

        assertEquals(0, decisions(adult) + decisions(child));
        assertEquals(201, record(GP, child, "{\"birthDate\":\"" + fourteen + "\",\"decision\":\"opt-in\"}").status(),
                "a child may register a decision to donate");
    }

    @Test
    void circumstances_are_a_clinicians_judgement_and_every_change_is_kept() {
        String patient = patientBorn(BORN);
        String path = "/api/patients/" + patient + "/organ-donation/circumstances";

        Api.as(Tokens.staff("admin.beech", "ADMIN").sign()).putJson(path, "{\"lacksCapacity\":true,\"residency\":\"visitor\"}").problem(403);
        Api.as(Tokens.patient(patient).sign()).putJson(path, "{\"lacksCapacity\":false,\"residency\":\"visitor\"}").problem(403);
        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from organ_donation_circumstances where patient_nhs_number = ?",
                patient));

        assertEquals(1, GP.putJson(path, "{\"lacksCapacity\":false,\"residency\":\"visitor\"}").json().getInt("version"));
        assertEquals(2, GP.putJsonOverCurrent(path, "{\"lacksCapacity\":false,\"residency\":\"ordinarily-resident\"}").json()
                .getInt("version"));

        assertEquals(List.of("VISITOR", "ORDINARILY_RESIDENT"), Databases.rows(Databases.HOSPITAL, "select residency from"
                + " organ_donation_circumstances where patient_nhs_number = ? order by version", patient), "the first is kept");
        assertEquals("DEEMED_CONSENT", NURSE.get("/api/patients/" + patient + "/organ-donation/evaluation").json().getString("outcome"));
        assertEquals("ordinarily-resident", GP.get(path).json().getString("residency"));
        Api.as(Tokens.staff("admin.beech", "ADMIN").sign()).get(path).problem(403);
    }

    @Test
    void an_express_decision_is_what_applies_from_the_day_it_was_registered() {
        String patient = patientBorn(BORN);
        String today = LocalDate.now().toString();
        String yesterday = LocalDate.now().minusDays(1).toString();
        assertEquals(201, record(Api.as(Tokens.patient(patient).sign()), patient,
                "{\"birthDate\":\"" + BORN + "\",\"decision\":\"opt-in\",\"organs\":[\"heart\"]}").status());

        assertEquals("DEEMED_CONSENT", NURSE.get("/api/patients/" + patient + "/organ-donation/evaluation?at=" + yesterday).json()
                .getString("outcome"));
        JsonObject now = NURSE.get("/api/patients/" + patient + "/organ-donation/evaluation?at=" + today).json();
        assertEquals("EXPRESS_OPT_IN", now.getString("outcome"));
        assertEquals("[\"HEART\"]", now.getJsonArray("organs").toString());
        assertEquals("patient", Api.as(Tokens.patient(patient).sign()).get("/api/patients/" + patient + "/organ-donation").json()
                .getString("recordedBy"), "the person sees their own decision");
    }
}

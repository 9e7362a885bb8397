package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every role, with a legitimate relationship, without one, and after breaking the glass, reading through the
 * portal and the API and writing through the API, against the expected outcome table below. Each attempt
 * must leave exactly one audit row, denied ones included.
 */
class AccessMatrixIT extends IcrDeployment {

    enum Scenario { RELATIONSHIP, NONE, BREAK_GLASS }

    /** A demo user of each role and how a test gives them a legitimate relationship with a patient. */
    record Role(String name, String user, String relationship) {
    }

    static final List<Role> ROLES = List.of(
            new Role("GP", "gp.beech", "registered at Y90001"),
            new Role("HOSPITAL_CLINICIAN", "clinician.northgate", "admitted to RXA"),
            new Role("NURSE", "nurse.northgate", "admitted to RXA"),
            new Role("SOCIAL_WORKER", "social.worker", "on social.worker's caseload"),
            new Role("CARE_WORKER", "care.worker", "on care.worker's rota now"),
            new Role("ADMIN", "admin.beech", "registered at Y90001"),
            new Role("PRIVACY_OFFICER", "privacy.officer", "admitted to RXA"),
            new Role("ORGAN_DONATION_NURSE", "donation.nurse", "admitted to RXA"));

    /**
     * Expected: portal read, API read, API write of the postcode ('+' allowed, '-' refused), per role and
     * scenario. Break-glass is for emergency reading: it never changes demographics.
     */
    static final Map<String, Map<Scenario, String>> EXPECTED = Map.of(
            "GP", Map.of(Scenario.RELATIONSHIP, "+++", Scenario.NONE, "---", Scenario.BREAK_GLASS, "++-"),
            "HOSPITAL_CLINICIAN", Map.of(Scenario.RELATIONSHIP, "+++", Scenario.NONE, "---", Scenario.BREAK_GLASS, "++-"),
            "NURSE", Map.of(Scenario.RELATIONSHIP, "+++", Scenario.NONE, "---", Scenario.BREAK_GLASS, "++-"),
            "SOCIAL_WORKER", Map.of(Scenario.RELATIONSHIP, "+++", Scenario.NONE, "---", Scenario.BREAK_GLASS, "---"),
            "CARE_WORKER", Map.of(Scenario.RELATIONSHIP, "++-", Scenario.NONE, "---", Scenario.BREAK_GLASS, "---"),
            "ADMIN", Map.of(Scenario.RELATIONSHIP, "+++", Scenario.NONE, "---", Scenario.BREAK_GLASS, "---"),
            "PRIVACY_OFFICER", Map.of(Scenario.RELATIONSHIP, "---", Scenario.NONE, "---", Scenario.BREAK_GLASS, "---"),
            "ORGAN_DONATION_NURSE", Map.of(Scenario.RELATIONSHIP, "---", Scenario.NONE, "---", Scenario.BREAK_GLASS, "---"));

    /** Which roles may break the glass at all. */
    static final List<String> MAY_BREAK_GLASS = List.of("GP", "HOSPITAL_CLINICIAN", "NURSE");

    @Test
    void every_role_gets_exactly_the_expected_access_and_every_attempt_is_audited() {
        List<String> mismatches = new ArrayList<>();
        for (Role role : ROLES) {
            Portal portal = Portal.signIn(role.user());
            Api.Client api = Api.as(Tokens.staff(role.user(), role.name()).sign());
            for (Scenario scenario : Scenario.values()) {
                String patient = patientFor(role, scenario);
                if (scenario == Scenario.BREAK_GLASS) {
                    int status = api.postJson("/api/patients/" + patient + "/break-glass",
                            Api.json("reason", "Collapsed in clinic, need medication history")).status();
                    int expectedStatus = MAY_BREAK_GLASS.contains(role.name()) ? 201 : 403;
                    if (status != expectedStatus) {
                        mismatches.add(role.name() + " break-glass: " + status + ", expected " + expectedStatus);
                    }
                    assertEquals(1, Databases.auditRows(patient, "BreakGlass", "GRANT"), "break-glass attempt audited");
                }
                String actual = outcome(portalRead(portal, patient)) + outcome(apiRead(api, patient))
                        + outcome(apiWrite(api, patient));
                String expected = EXPECTED.get(role.name()).get(scenario);
                if (!actual.equals(expected)) {
                    mismatches.add(role.name() + " " + scenario + ": " + actual + ", expected " + expected);
                }
                assertEquals(1, Databases.auditRows(patient, "SharedRecord", "READ"), role.name() + " " + scenario + " page view audited");
                assertEquals(1, Databases.auditRows(patient, "Patient", "READ"), role.name() + " " + scenario + " API read audited");
                assertEquals(1, Databases.auditRows(patient, "Patient", "WRITE"), role.name() + " " + scenario + " write audited");
                int denied = Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?"
                        + " and resource_type in ('Patient', 'SharedRecord') and action in ('READ', 'WRITE') and outcome = 'DENIED'", patient);
                assertEquals(expected.chars().filter(c -> c == '-').count(), denied, "denials audited as denied");
            }
        }
        assertTrue(mismatches.isEmpty(), "unexpected outcomes: " + mismatches);
    }

    private static String patientFor(Role role, Scenario scenario) {
        // registered at a practice none of the matrix users belongs to, unless the relationship is registration
        boolean registeredHere = scenario == Scenario.RELATIONSHIP && role.relationship().startsWith("registered");
        TestPatients patient = aPatient().gpPractice(registeredHere ? "Y90001" : "Y90003");
        assertEquals(201, patient.register().status());
        if (scenario == Scenario.RELATIONSHIP) {
            switch (role.relationship()) {
                case "admitted to RXA" -> Databases.openAdmission(patient.nhsNumber(), "RXA");
                case "on social.worker's caseload" -> Databases.allocateToCaseload(patient.nhsNumber(), "social.worker");
                case "on care.worker's rota now" -> Databases.onRotaNow(patient.nhsNumber(), "care.worker", "CP001");
                default -> { }
            }
        }
        return patient.nhsNumber();
    }

    private static boolean portalRead(Portal portal, String patient) {
        Api.Reply page = portal.get("/patients/patient.xhtml?nhsNumber=" + patient);
        assertEquals(200, page.status());
        boolean shown = page.body().contains("id=\"patientBanner\"");
        boolean refused = page.body().contains("id=\"denied\"");
        assertTrue(shown != refused, "the page either shows the record or says why not");
        return shown;
    }

    private static boolean apiRead(Api.Client api, String patient) {
        return allowed(api.get("/api/patients/" + patient));
    }

    private static boolean apiWrite(Api.Client api, String patient) {
        return allowed(api.putJson("/api/patients/" + patient + "/postcode", Api.json("postcode", "BS5 6XY"), "If-Match", "*"));
    }

    /** 200, or a refusal: 403 by role, 404 "no patient you may see" by relationship (HiddenPatientIT holds which is which). */
    private static boolean allowed(Api.Reply reply) {
        if (reply.status() != 200) {
            reply.problem(reply.status() == 404 ? 404 : 403);
        }
        return reply.status() == 200;
    }

    private static String outcome(boolean allowed) {
        return allowed ? "+" : "-";
    }
}

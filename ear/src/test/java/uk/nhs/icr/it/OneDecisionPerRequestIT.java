package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The access decision point decides once per request: one page view or one API read is one decision and one
 * audit entry, however many reads of the patient's data it takes to answer.
 */
class OneDecisionPerRequestIT extends IcrDeployment {

    private static final Api.Client GP = Api.as(Tokens.staff("gp.beech", "GP").sign());
    private static final Api.Client NURSE = Api.as(Tokens.staff("donation.nurse", "ORGAN_DONATION_NURSE").sign());

    private String patient;

    @BeforeEach
    void a_patient_of_the_practice_with_something_on_record() {
        TestPatients registered = aPatient();
        assertEquals(201, Api.postJson("/api/patients", registered.json()).status());
        patient = registered.nhsNumber();
        assertEquals(201, GP.postJson("/api/patients/" + patient + "/allergies", Api.json("substance", "Penicillin",
                "reaction", "Rash", "severity", "mild", "notedAt", "2026-01-01T09:00:00Z")).status());
    }

    private int auditRows() {
        return Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?", patient);
    }

    @Test
    void opening_the_patient_page_is_one_decision_and_one_audit_entry() {
        Portal gp = Portal.signIn("gp.beech");
        int before = auditRows();

        Api.Reply page = gp.get("/patients/patient.xhtml?nhsNumber=" + patient);

        assertEquals(200, page.status());
        assertTrue(page.body().contains("Penicillin"), "the summary shows the allergy");
        assertTrue(page.body().contains("Allergy"), "the timeline shows the entry");
        assertEquals(before + 1, auditRows(), "banner, summary and first timeline page: one audit entry");
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?"
                + " and resource_type = 'SharedRecord' and action = 'READ' and channel = 'PORTAL'", patient));
    }

    @Test
    void opening_the_preferences_page_is_one_audit_entry() {
        Portal gp = Portal.signIn("gp.beech");
        int before = auditRows();

        assertEquals(200, gp.get("/patients/preferences.xhtml?nhsNumber=" + patient).status());

        assertEquals(before + 1, auditRows(), "consent and opt-out, current and history: one audit entry");
    }

    @Test
    void each_api_read_is_one_audit_entry() {
        List<String> reads = List.of("", "/record", "/record?type=ALLERGY", "/summary", "/results?test=Potassium", "/consent/history",
                "/data-opt-out", "/data-opt-out/history");
        for (String read : reads) {
            int before = auditRows();
            Api.Reply reply = GP.get("/api/patients/" + patient + read);
            assertEquals(200, reply.status(), read + ": " + reply.body());
            assertEquals(before + 1, auditRows(), read);
        }
        int before = auditRows();
        assertEquals(200, Api.as(Tokens.patient(patient).sign()).get("/api/patients/" + patient + "/access-log").status());
        assertEquals(before + 1, auditRows(), "the patient's own access log");
        before = auditRows();
        assertEquals(200, NURSE.get("/api/patients/" + patient + "/organ-donation/evaluation").status());
        assertEquals(before + 1, auditRows(), "the donation evaluation");
    }
}

package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Break-glass is for emergency reading: under a grant a clinician reads and may record clinical entries, but
 * never changes what belongs to the patient (consent, opt-out, organ donation, circumstances) or their
 * demographics. It is not for a clinician who already cares for the patient, and its reason is words.
 * Patients under 13 do not set their own sharing and opt-out choices (the NHS App's age).
 */
class BreakGlassLimitsIT extends IcrDeployment {

    private static final Api.Client OTHER_GP = Api.as(Tokens.staff("gp.canal", "GP").sign());
    private static final String REASON = "Collapsed in the waiting room, need allergies and medication";

    private static String registered(LocalDate born) {
        TestPatients patient = aPatient().birthDate(born);
        assertEquals(201, Api.postJson("/api/patients", patient.json()).status());
        return patient.nhsNumber();
    }

    private static int rows(String table, String nhsNumber) {
        return Databases.count(Databases.HOSPITAL, "select count(*) from " + table + " where patient_nhs_number = ?", nhsNumber);
    }

    @Test
    void under_break_glass_a_clinician_may_record_a_clinical_entry_but_never_the_patients_choices_or_demographics() {
        LocalDate born = LocalDate.of(1961, 4, 2);
        String patient = registered(born);
        String base = "/api/patients/" + patient;
        assertEquals(201, OTHER_GP.postJson(base + "/break-glass", Api.json("reason", REASON)).status());

        assertEquals(200, OTHER_GP.get(base).status(), "reading is what break-glass is for");
        assertEquals(201, OTHER_GP.postJson(base + "/allergies", Api.json("substance", "Penicillin", "reaction", "Anaphylaxis",
                "severity", "severe", "notedAt", "2026-11-01T09:00:00Z")).status(), "a clinical entry may be recorded");

        List<Api.Reply> refused = List.of(
                OTHER_GP.putJson(base + "/consent", "{\"status\":\"inactive\",\"atPatientsRequest\":true,\"reason\":\"Patient asked today\",\"provisions\":[]}"),
                OTHER_GP.putJson(base + "/data-opt-out", "{\"optedOut\":true}"),
                OTHER_GP.postJson(base + "/organ-donation", "{\"birthDate\":\"" + born + "\",\"decision\":\"opt-out\"}"),
                OTHER_GP.putJson(base + "/organ-donation/circumstances", "{\"lacksCapacity\":true,\"residency\":\"visitor\"}"),
                OTHER_GP.putJson(base + "/postcode", Api.json("postcode", "BS5 6XY")));
        for (Api.Reply reply : refused) {
            reply.problem(403);
        }
        assertEquals(0, rows("consent_directive", patient));
        assertEquals(0, rows("data_opt_out", patient));
        assertEquals(0, rows("organ_donation_decision", patient));
        assertEquals(0, rows("organ_donation_circumstances", patient));
        assertEquals(5, Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?"
                + " and username = 'gp.canal' and outcome = 'DENIED' and purpose = 'BREAK_GLASS'", patient), "each refusal audited");
    }

    @Test
    void a_clinician_who_already_cares_for_the_patient_gets_409_and_no_grant() {
        String patient = registered(LocalDate.of(1970, 1, 1));

        Api.postJson("/api/patients/" + patient + "/break-glass", Api.json("reason", REASON)).problem(409);

        assertEquals(0, rows("break_glass_grant", patient));
    }

    @Test
    void a_reason_is_words_not_padding() {
        String patient = registered(LocalDate.of(1970, 1, 1));
        String path = "/api/patients/" + patient + "/break-glass";

        assertEquals(List.of("reason"), OTHER_GP.postJson(path, Api.json("reason", "a".repeat(25))).problemFields(400));
        assertEquals(List.of("reason"), OTHER_GP.postJson(path, Api.json("reason", "urgent urgent urgent urgent")).problemFields(400));
        assertEquals(0, rows("break_glass_grant", patient));
    }

    @Test
    void a_child_under_13_does_not_set_their_own_sharing_or_opt_out_but_a_13_year_old_does() {
        String child = registered(LocalDate.now().minusYears(10));
        String teenager = registered(LocalDate.now().minusYears(13).minusDays(1));
        Api.Client childApp = Api.as(Tokens.patient(child).sign());
        Api.Client teenagerApp = Api.as(Tokens.patient(teenager).sign());

        assertTrue(childApp.get("/api/patients/" + child).problem(403).getString("detail").contains("aged 13 and over"),
                "the app is for 13 and over: a parent acts for a younger child");
        childApp.putJson("/api/patients/" + child + "/data-opt-out", "{\"optedOut\":true}").problem(403);
        childApp.putJson("/api/patients/" + child + "/consent", "{\"status\":\"active\",\"provisions\":[]}").problem(403);
        assertEquals(0, rows("data_opt_out", child));
        assertEquals(0, rows("consent_directive", child));

        assertEquals(200, teenagerApp.putJson("/api/patients/" + teenager + "/data-opt-out", "{\"optedOut\":true}").status());
    }
}

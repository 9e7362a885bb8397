package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.nhs.icr.sharedrecord.SensitiveContentBackfill;

/**
 * Sensitive categories (mental, sexual and reproductive health, substance misuse) are seen by the clinicians
 * caring for a patient, and by other staff with a relationship (administrators, social workers, care workers)
 * only when the patient permits; what a medicine or a test reveals files it under its category; a
 * safeguarding concern is never withheld from the GP or the social worker.
 */
class SensitiveByDefaultIT extends IcrDeployment {

    private static final Api.Client GP = Api.as(Tokens.staff("gp.beech", "GP").sign());
    private static final Api.Client NURSE = Api.as(Tokens.staff("nurse.northgate", "NURSE").sign());
    private static final Api.Client ADMIN = Api.as(Tokens.staff("admin.beech", "ADMIN").sign());
    private static final Api.Client SOCIAL_WORKER = Api.as(Tokens.staff("social.worker", "SOCIAL_WORKER").sign());
    private static final Api.Client CARE_WORKER = Api.as(Tokens.staff("care.worker", "CARE_WORKER").sign());

    private static final Set<String> EVERYTHING = Set.of("Hypertension", "Depressive disorder", "Chlamydial infection",
            "Alcohol dependence", "Termination of pregnancy", "Safeguarding contact");

    private String patient;

    /** Registered at Beech Road, admitted to Northgate, on the social worker's caseload and cared for by CP001. */
    @BeforeEach
    void a_patient_every_role_cares_for_with_an_entry_in_each_category() {
        TestPatients registered = aPatient();
        assertEquals(201, Api.postJson("/api/patients", registered.json()).status());
        patient = registered.nhsNumber();
        Databases.openAdmission(patient, "RXA");
        Databases.allocateToCaseload(patient, "social.worker");
        Databases.onRotaNow(patient, "care.worker", "CP001");
        Databases.addProblemDirectly(patient, "GENERAL", "Hypertension");
        Databases.addProblemDirectly(patient, "MENTAL_HEALTH", "Depressive disorder");
        Databases.addProblemDirectly(patient, "SEXUAL_HEALTH", "Chlamydial infection");
        Databases.addProblemDirectly(patient, "SUBSTANCE_MISUSE", "Alcohol dependence");
        Databases.addProblemDirectly(patient, "REPRODUCTIVE_HEALTH", "Termination of pregnancy");
        Databases.addSocialCareNoteDirectly(patient, "SAFEGUARDING", "Safeguarding contact");
    }

    /** The titles a reader sees in the timeline, and "[withheld]" when they are told something is withheld. */
    private Set<String> seenBy(Api.Client reader) {
        Api.Reply reply = reader.get("/api/patients/" + patient + "/record?size=100");
        assertEquals(200, reply.status(), reply.body());
        Set<String> titles = new TreeSet<>();
        reply.json().getJsonArray("items").getValuesAs(JsonObject.class).forEach(entry -> titles.add(entry.getString("title")));
        if (reply.json().getBoolean("withheld")) {
            titles.add("[withheld]");
        }
        return titles;
    }

    private static Set<String> only(String... seen) {
        Set<String> titles = new TreeSet<>(List.of(seen));
        titles.add("[withheld]");
        return titles;
    }

    /** The patient records their own directive. */
    private void consent(String provisions) {
        Api.Reply reply = Api.as(Tokens.patient(patient).sign()).putJson("/api/patients/" + patient + "/consent",
                "{\"status\":\"active\",\"provisions\":" + provisions + "}");
        assertEquals(200, reply.status(), reply.body());
    }

    @Test
    void clinicians_see_sensitive_categories_and_other_staff_only_what_is_not_sensitive() {
        assertEquals(EVERYTHING, seenBy(GP));
        assertEquals(EVERYTHING, seenBy(NURSE));
        assertEquals(only("Hypertension", "Safeguarding contact"), seenBy(ADMIN));
        assertEquals(only("Hypertension", "Safeguarding contact"), seenBy(SOCIAL_WORKER));
        assertEquals(only("Hypertension", "Safeguarding contact"), seenBy(CARE_WORKER));
    }

    @Test
    void the_patient_may_permit_a_sensitive_category_to_a_role() {
        consent("[{\"type\":\"permit\",\"categories\":[\"mental_health\"],\"roles\":[\"social_worker\"]}]");

        assertEquals(only("Hypertension", "Depressive disorder", "Safeguarding contact"), seenBy(SOCIAL_WORKER));
        assertEquals(only("Hypertension", "Safeguarding contact"), seenBy(ADMIN), "the permit names social workers only");
    }

    @Test
    void staff_from_whom_sensitive_data_is_withheld_cannot_permit_it_to_themselves_nor_read_the_directive() {
        String path = "/api/patients/" + patient + "/consent";
        String selfPermit = "{\"status\":\"active\",\"atPatientsRequest\":true,\"reason\":\"Patient asked at reception today\",\"provisions\":"
                + "[{\"type\":\"permit\",\"categories\":[\"mental_health\"],\"roles\":[\"admin\"]}]}";

        ADMIN.putJson(path, selfPermit).problem(403);
        SOCIAL_WORKER.putJson(path, selfPermit.replace("admin", "social_worker")).problem(403);
        assertEquals(only("Hypertension", "Safeguarding contact"), seenBy(ADMIN));

        consent("[{\"type\":\"deny\",\"categories\":[\"sexual_health\"],\"organisations\":[\"RXB\"]}]");
        Api.Reply read = ADMIN.get(path);
        assertEquals("Information is withheld from you", read.json().getString("withheld"));
        assertFalse(read.body().contains("SEXUAL_HEALTH"), "the directive would name what is hidden");
        assertFalse(ADMIN.get(path + "/history").body().contains("SEXUAL_HEALTH"));
    }

    @Test
    void a_medicine_or_test_that_reveals_a_condition_is_filed_under_it_whatever_the_writer_chose() {
        String base = "/api/patients/" + patient;
        Api.Reply lithium = GP.postJson(base + "/medications", Api.json("name", "Lithium carbonate 400mg modified-release tablets",
                "dose", "400 mg", "route", "oral", "frequency", "at night", "course", "repeat", "startedAt", "2026-01-10"));
        Api.Reply level = GP.postJson(base + "/blood-tests", Api.json("test", "Serum lithium", "value", "0.7", "unit", "mmol/L",
                "referenceLow", "0.4", "referenceHigh", "1.0", "reportedAt", "2026-11-20T09:00:00Z", "category", "general"));
        assertEquals(201, lithium.status(), lithium.body());
        assertEquals(201, level.status(), level.body());

        assertEquals(List.of("MENTAL_HEALTH", "MENTAL_HEALTH"), Databases.rows(Databases.HOSPITAL, "select category from hospital_entry"
                + " where patient_nhs_number = ? and title like '%ithium%' order by entry_type", patient));
        assertEquals(only("Hypertension", "Safeguarding contact"), seenBy(ADMIN), "neither the prescription nor the level");
        assertEquals(0, ADMIN.get("/api/patients/" + patient + "/results?test=Serum%20lithium").jsonArray().size());
    }

    @Test
    void a_safeguarding_concern_is_never_withheld_from_the_gp_or_the_social_worker() {
        consent("[{\"type\":\"deny\",\"categories\":[\"safeguarding\"]}]");

        assertEquals(EVERYTHING, seenBy(GP));
        assertEquals(only("Hypertension", "Safeguarding contact"), seenBy(SOCIAL_WORKER));
        Set<String> nurseSees = new TreeSet<>(EVERYTHING);
        nurseSees.remove("Safeguarding contact");
        nurseSees.add("[withheld]");
        assertEquals(nurseSees, seenBy(NURSE), "a nurse is not a safeguarding lead: the patient's deny stands");
    }

    @Test
    void a_safeguarding_concern_is_not_shown_to_the_person_it_concerns_nor_announced() {
        assertEquals(201, SOCIAL_WORKER.postJson("/api/patients/" + patient + "/safeguarding-concerns", Api.json("category",
                "Financial abuse", "description", "Nephew taking pension money", "raisedAt", "2026-11-20")).status());
        Api.Client own = Api.as(Tokens.patient(patient).sign());

        Set<String> ownView = seenBy(own);
        assertEquals(Set.of("Hypertension", "Depressive disorder", "Chlamydial infection", "Alcohol dependence",
                "Termination of pregnancy"), ownView, "everything but safeguarding, and no withheld notice");
        JsonObject summary = own.get("/api/patients/" + patient + "/summary").json();
        assertEquals("[]", summary.getJsonArray("openSafeguardingConcerns").toString());
        assertFalse(summary.getJsonArray("alerts").toString().contains("Safeguarding"), summary.toString());
        assertFalse(summary.getBoolean("withheld"));
        JsonObject gpSummary = GP.get("/api/patients/" + patient + "/summary").json();
        assertTrue(gpSummary.getJsonArray("alerts").toString().contains("Safeguarding concern open"), gpSummary.toString());
        String accessLog = "/api/patients/" + patient + "/access-log?size=100";
        assertFalse(own.get(accessLog).body().contains("SafeguardingConcern"), "nor does their access log tell of it");
        assertTrue(Api.as(Tokens.staff("privacy.officer", "PRIVACY_OFFICER").sign()).get(accessLog).body()
                .contains("SafeguardingConcern"), "the privacy officer's view of the log is whole");
    }

    @Test
    void an_entry_recorded_as_general_before_the_table_existed_is_refiled_by_the_migration_step() throws Exception {
        Databases.addProblemDirectly(patient, "GENERAL", "Lithium toxicity");
        assertEquals(only("Hypertension", "Lithium toxicity", "Safeguarding contact"), seenBy(ADMIN), "as it was before V8");

        long refiled;
        try (Connection hospital = Databases.connect(Databases.HOSPITAL)) {
            hospital.setAutoCommit(false);
            refiled = SensitiveContentBackfill.refile(hospital, read -> { });
            hospital.commit();
        }

        assertTrue(refiled >= 1, "refiled " + refiled);
        assertEquals(List.of("MENTAL_HEALTH"), Databases.rows(Databases.HOSPITAL, "select category from hospital_entry"
                + " where patient_nhs_number = ? and title = 'Lithium toxicity'", patient));
        assertEquals(only("Hypertension", "Safeguarding contact"), seenBy(ADMIN));
    }
}

package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Discharge from a hospital admission to social care is one XA transaction: the admission closes and the
 * discharge summary is written in the hospital database, and the assessment request is opened in the
 * social-care database, or none of it happens. Checked by reading both databases directly.
 */
class TransferOfCareIT extends IcrDeployment {

    private static final Api.Client CLINICIAN = Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign());

    /** A registered patient admitted to Northgate (RXA), so its clinician has a legitimate relationship. */
    private static String admittedPatient() {
        TestPatients patient = aPatient();
        assertEquals(201, Api.postJson("/api/patients", patient.json()).status());
        Databases.openAdmission(patient.nhsNumber(), "RXA");
        return patient.nhsNumber();
    }

    private static String transfer(long admissionId, String provider) {
        return Api.json("admissionId", Long.toString(admissionId), "dischargeSummary", "Pneumonia treated; walks with a frame",
                "careNeeds", "Help with washing and dressing twice a day", "careProviderOdsCode", provider);
    }

    private static String admissionStatus(long admissionId) {
        return Databases.row(Databases.HOSPITAL, "select status from hospital_entry where id = ?::bigint", Long.toString(admissionId)).get(0);
    }

    @Test
    void transfer_closes_the_admission_writes_the_discharge_and_opens_the_social_care_request() {
        String patient = admittedPatient();
        long admission = Databases.admit(patient, "RXA");

        Api.Reply reply = CLINICIAN.postJson("/api/patients/" + patient + "/transfers-of-care", transfer(admission, "CP001"));

        assertEquals(201, reply.status(), reply.body());
        JsonObject body = reply.json();
        assertEquals(admission, body.getJsonNumber("admissionId").longValue());
        assertEquals("CLOSED", admissionStatus(admission));
        assertEquals(1, Databases.dischargeSummaries(admission));
        assertEquals(List.of("REFERRAL_REQUEST", "CP001", "Help with washing and dressing twice a day", "RXA"),
                Databases.row(Databases.SOCIAL_CARE, "select entry_type, care_provider_ods, details, organisation_ods"
                        + " from social_care_entry where source_encounter_id = ?::bigint", Long.toString(admission)));
        assertEquals(body.getJsonNumber("referralRequestId").longValue(), Databases.queryLong(Databases.SOCIAL_CARE,
                "select id from social_care_entry where source_encounter_id = ?", admission));
    }

    /** A ward records a discharge after the patient has gone: the admission ends when they left, not when it was typed. */
    @Test
    void a_discharge_recorded_afterwards_ends_the_admission_when_the_patient_left_and_never_before_it_began() {
        String patient = admittedPatient();
        long admission = Databases.admit(patient, "RXA");
        String path = "/api/patients/" + patient + "/transfers-of-care";
        String base = transfer(admission, "CP001");

        assertEquals(List.of("dischargedAt"), CLINICIAN.postJson(path, base.replace("}", ",\"dischargedAt\":\"2000-01-01T10:00:00Z\"}"))
                .problemFields(400), "before the admission began");
        assertEquals(List.of("dischargedAt"), CLINICIAN.postJson(path, base.replace("}", ",\"dischargedAt\":\"2999-01-01T10:00:00Z\"}"))
                .problemFields(400), "in the future");
        assertEquals("OPEN", admissionStatus(admission));
        assertEquals(0, Databases.assessmentRequests(admission));

        String left = Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS).toString();
        Api.Reply reply = CLINICIAN.postJson(path, base.replace("}", ",\"dischargedAt\":\"" + left + "\"}"));
        assertEquals(201, reply.status(), reply.body());
        assertEquals(left, reply.json().getString("dischargedAt"));
        assertEquals(List.of(left), Databases.row(Databases.HOSPITAL, "select to_char(ended_at at time zone 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from hospital_entry where id = ?::bigint", Long.toString(admission)));
    }

    @Test
    void a_failure_in_the_social_care_write_rolls_back_the_hospital_side_too() {
        String patient = admittedPatient();
        long admission = Databases.admit(patient, "RXA");
        // a request for this admission already in social care (written behind the application's back) makes the
        // social-care insert violate its unique constraint after the hospital changes were sent in the same transaction
        Databases.execute(Databases.SOCIAL_CARE, "insert into social_care_entry (person_nhs_number, entry_type, occurred_at, recorded_at,"
                + " author_username, author_name, organisation_ods, title, status, source_encounter_id, care_provider_ods)"
                + " values (?, 'REFERRAL_REQUEST', now(), now(), 'other.system', 'Other system', 'LA001', 'Assessment request', 'OPEN',"
                + " ?, 'CP001')", patient, admission);

        Api.Reply reply = CLINICIAN.postJson("/api/patients/" + patient + "/transfers-of-care", transfer(admission, "CP001"));

        reply.problem(409);
        assertEquals("OPEN", admissionStatus(admission), "admission still open: the hospital side rolled back");
        assertEquals(0, Databases.dischargeSummaries(admission), "no discharge summary kept");
        assertEquals(1, Databases.assessmentRequests(admission), "only the request that was there before");
    }

    @Test
    void a_second_transfer_of_the_same_admission_is_refused_and_writes_nothing() {
        String patient = admittedPatient();
        long admission = Databases.admit(patient, "RXA");
        assertEquals(201, CLINICIAN.postJson("/api/patients/" + patient + "/transfers-of-care", transfer(admission, "CP001")).status());

        Api.Reply again = CLINICIAN.postJson("/api/patients/" + patient + "/transfers-of-care", transfer(admission, "LA001"));

        JsonObject problem = again.problem(409);
        assertTrue(problem.getString("detail").contains("already ended"), problem.toString());
        assertEquals(1, Databases.dischargeSummaries(admission));
        assertEquals(1, Databases.assessmentRequests(admission));
    }

    @Test
    void refusals_write_nothing_in_either_database() {
        String patient = admittedPatient();
        long admission = Databases.admit(patient, "RXA");
        long outpatient = Databases.queryLong(Databases.HOSPITAL, "insert into hospital_entry (patient_nhs_number, entry_type, occurred_at,"
                + " recorded_at, author_username, author_name, organisation_ods, title, status, encounter_kind) values (?, 'ENCOUNTER',"
                + " now(), now(), 'clinic.system', 'Clinic', 'RXA', 'Outpatient appointment', 'CLOSED', 'OUTPATIENT') returning id", patient);
        String path = "/api/patients/" + patient + "/transfers-of-care";
        int hospitalBefore = Databases.hospitalEntries(patient);

        assertEquals(List.of("careProviderOdsCode"), CLINICIAN.postJson(path, transfer(admission, "Y90001")).problemFields(400),
                "a GP practice is not a care provider");
        assertEquals(List.of("careProviderOdsCode"), CLINICIAN.postJson(path, transfer(admission, "ZZZ99")).problemFields(400),
                "unknown provider");
        assertEquals(List.of("admissionId", "dischargeSummary", "careNeeds", "careProviderOdsCode"),
                CLINICIAN.postJson(path, "{}").problemFields(400));
        CLINICIAN.postJson(path, "{\"admissionId\": ").problem(400);
        CLINICIAN.postJson(path, transfer(outpatient, "CP001")).problem(409);
        CLINICIAN.postJson(path, transfer(admission + 1_000_000, "CP001")).problem(409);
        Api.as(Tokens.staff("gp.beech", "GP").sign()).postJson(path, transfer(admission, "CP001")).problem(403);
        CLINICIAN.postJson("/api/patients/" + TestPatients.newNhsNumber() + "/transfers-of-care", transfer(admission, "CP001")).problem(404);

        assertEquals("OPEN", admissionStatus(admission));
        assertEquals(hospitalBefore, Databases.hospitalEntries(patient));
        assertEquals(0, Databases.socialCareEntries(patient));
    }

    @Test
    void after_a_discharge_the_trust_keeps_the_record_for_the_discharge_period_and_then_no_longer() {
        String patient = admittedPatient();
        long admission = Databases.admit(patient, "RXA");
        assertEquals(201, CLINICIAN.postJson("/api/patients/" + patient + "/transfers-of-care", transfer(admission, "CP001")).status());

        assertEquals(List.of("ADMISSION ended"), Databases.rows(Databases.HOSPITAL, "select kind || case when ended_at is null"
                + " then ' open' else ' ended' end from care_relationship where patient_nhs_number = ? and organisation_ods = 'RXA'",
                patient), "the discharge ends the trust's admission episode");
        assertEquals(200, CLINICIAN.get("/api/patients/" + patient + "/summary").status(), "letters and late results still come");
        String search = "/api/patients?name=" + Databases.patientRow(patient).get(2);
        assertEquals(1, CLINICIAN.get(search).json().getJsonArray("items").size(), "and the ward still finds the patient");
        Databases.execute(Databases.HOSPITAL, "update care_relationship set ended_at = now() - interval '29 days'"
                + " where patient_nhs_number = ? and organisation_ods = 'RXA' and ended_at is not null", patient);

        CLINICIAN.get("/api/patients/" + patient + "/summary").problem(404);
        assertEquals(0, CLINICIAN.get(search).json().getJsonArray("items").size(), "nor found by search");
    }

    @Test
    void only_staff_of_the_admitting_trust_discharge_the_admission() {
        String patient = admittedPatient();
        long admission = Databases.admit(patient, "RXA");
        Databases.openAdmission(patient, "RXB");
        Api.Client otherTrust = Api.as(Tokens.staff("clinician.riverside", "HOSPITAL_CLINICIAN").sign());

        otherTrust.postJson("/api/patients/" + patient + "/transfers-of-care", transfer(admission, "CP001")).problem(403);

        assertEquals("OPEN", admissionStatus(admission));
        assertEquals(0, Databases.dischargeSummaries(admission));
        assertEquals(0, Databases.assessmentRequests(admission));
    }
}

package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.Inpatients.admittedTo;
import static uk.nhs.icr.it.Inpatients.prescription;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.it.Inpatients.Admitted;

/**
 * Medicines reconciliation at admission (each medicine the patient came in on continued, changed or stopped, with a reason and
 * the prescription that carries it on; complete when none is left) and discharge medication: the ward's active prescriptions
 * go home with the patient, onto the hospital record and to the care provider, in the transfer of care's one XA transaction.
 */
class ReconciliationAndDischargeIT extends IcrDeployment {

    private final Api.Client clinician = Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign());
    private final Api.Client nurse = Api.as(Tokens.staff("nurse.northgate", "NURSE").sign());

    private long prescribe(Admitted patient, Inpatients.Prescription prescription) {
        Api.Reply reply = clinician.postJson(patient.prescriptions(), prescription.json());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonNumber("id").longValue();
    }

    private static long recordLine(Admitted patient, String medicine) {
        return Databases.queryLong(Databases.HOSPITAL, "select id from hospital_entry where patient_nhs_number = ? and entry_type ="
                + " 'MEDICATION' and title = ?", patient.nhsNumber(), medicine);
    }

    private static String decision(String source, long sourceId, String decision, String reason, Long prescription) {
        return "{\"source\":\"" + source + "\",\"sourceId\":" + sourceId + ",\"decision\":\"" + decision + "\""
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + (prescription == null ? "" : ",\"prescriptionId\":" + prescription)
                + "}";
    }

    @Test
    void each_medicine_the_patient_came_in_on_is_continued_changed_or_stopped_and_the_ward_list_shows_it_reconciled() {
        Admitted patient = admittedTo("RXA");
        assertEquals(200, clinician.putJson(patient.admission() + "/ward", "{\"ward\":\"ASH\",\"bed\":\"3\"}").status());
        Inpatients.onTheRecord(patient.nhsNumber(), "Amlodipine 5mg tablets", "GENERAL");
        Inpatients.onTheRecord(patient.nhsNumber(), "Ramipril 5mg capsules", "GENERAL");
        Inpatients.onTheRecord(patient.nhsNumber(), "Naproxen 500mg tablets", "GENERAL");
        String path = patient.admission() + "/reconciliation";

        JsonObject before = clinician.get(path).json();
        assertEquals("not started", before.getString("status"));
        assertEquals(List.of("Amlodipine 5mg tablets", "Naproxen 500mg tablets", "Ramipril 5mg capsules"),
                before.getJsonArray("cameInOn").getValuesAs(JsonObject.class).stream().map(i -> i.getString("medicine")).sorted().toList());

        long amlodipine = prescribe(patient, prescription(patient.admissionId(), "Amlodipine 5mg tablets", "5", "08:00"));
        long ramipril = prescribe(patient, prescription(patient.admissionId(), "Ramipril 2.5mg capsules", "2.5", "08:00"));
        assertEquals(200, clinician.postJson(path, decision("hospital-record", recordLine(patient, "Amlodipine 5mg tablets"), "continued",
                null, amlodipine)).status());
        assertEquals(List.of("reason"), clinician.postJson(path, decision("hospital-record", recordLine(patient, "Ramipril 5mg capsules"),
                "changed", null, ramipril)).problemFields(400));
        JsonObject inProgress = clinician.postJson(path, decision("hospital-record", recordLine(patient, "Ramipril 5mg capsules"),
                "changed", "Dose halved: acute kidney injury", ramipril)).json();
        assertEquals("in progress", inProgress.getString("status"));
        assertEquals(409, clinician.postJson(path, decision("hospital-record", recordLine(patient, "Amlodipine 5mg tablets"), "stopped",
                "Low blood pressure", null)).status(), "decided already");
        assertEquals(409, clinician.postJson(path + "/complete", "{}").status(), "naproxen is still to decide");
        assertEquals(403, nurse.postJson(path, decision("hospital-record", recordLine(patient, "Naproxen 500mg tablets"), "stopped",
                "Acute kidney injury", null)).status(), "a prescriber's decision");

        JsonObject done = clinician.postJson(path, decision("hospital-record", recordLine(patient, "Naproxen 500mg tablets"), "stopped",
                "Acute kidney injury", null)).json();
        assertEquals("complete", done.getString("status"));
        JsonObject row = nurse.get("/api/wards/ASH").json().getJsonArray("patients").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("nhsNumber").equals(patient.nhsNumber())).findFirst().orElseThrow();
        assertEquals("done", row.getString("reconciliation"));

        assertEquals(List.of("duplicate-therapy"), Inpatients.alertKinds(clinician.postJson(patient.prescriptions() + "/checks",
                prescription(patient.admissionId(), "Amlodipine 10mg tablets", "10", "08:00").json()).json()),
                "one duplicate (the prescription), not two: a reconciled line is carried by its prescription");
    }

    @Test
    void a_patient_who_came_in_on_no_medicines_is_reconciled_by_completing_it() {
        Admitted patient = admittedTo("RXA");
        assertEquals(List.of("admissionId"), clinician.postJson(patient.admission() + "/reconciliation/complete", "{}").problemFields(400),
                "recorded on the patient's stay on a ward");
        assertEquals(200, clinician.putJson(patient.admission() + "/ward", "{\"ward\":\"OAK\"}").status());
        JsonObject done = clinician.postJson(patient.admission() + "/reconciliation/complete", "{}").json();
        assertEquals("complete", done.getString("status"), done.toString());
    }

    @Test
    void the_ward_prescriptions_go_home_on_the_record_and_to_the_care_provider_in_the_transfer_of_care() {
        Admitted patient = admittedTo("RXA");
        assertEquals(200, clinician.putJson(patient.admission() + "/ward", "{\"ward\":\"OAK\",\"bed\":\"12\"}").status());
        long amlodipine = prescribe(patient, prescription(patient.admissionId(), "Amlodipine 5mg tablets", "5", "08:00"));
        prescribe(patient, prescription(patient.admissionId(), "Paracetamol 500mg tablets", "1000").asRequired(240, 4));
        prescribe(patient, prescription(patient.admissionId(), "Ceftriaxone 1g powder for solution for injection vials", "2000"));
        prescribe(patient, prescription(patient.admissionId(), "Sertraline 50mg tablets", "50", "08:00").with("category", "MENTAL_HEALTH"));

        Api.Reply reply = clinician.postJson("/api/patients/" + patient.nhsNumber() + "/transfers-of-care", Api.json("admissionId",
                Long.toString(patient.admissionId()), "dischargeSummary", "Pneumonia treated", "careNeeds", "Help with washing",
                "careProviderOdsCode", "CP001"));
        assertEquals(201, reply.status(), reply.body());
        assertEquals(List.of("Amlodipine 5mg tablets: 5 mg oral, at 08:00",
                        "Paracetamol 500mg tablets: 1000 mg oral, as required, at least 240 minutes apart, at most 4 in 24 hours"),
                reply.json().getJsonArray("dischargeMedicines").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList());

        assertEquals(List.of("Amlodipine 5mg tablets", "Paracetamol 500mg tablets", "Sertraline 50mg tablets"),
                Databases.column(Databases.HOSPITAL, "select title from hospital_entry where patient_nhs_number = ? and entry_type ="
                        + " 'MEDICATION' and status = 'ACTIVE' order by title", patient.nhsNumber()), "once-only doses stay behind");
        assertEquals("MENTAL_HEALTH", Databases.column(Databases.HOSPITAL, "select category from hospital_entry where"
                + " patient_nhs_number = ? and title = 'Sertraline 50mg tablets'", patient.nhsNumber()).get(0));
        String toCareProvider = Databases.column(Databases.SOCIAL_CARE, "select discharge_medicines from social_care_entry where"
                + " source_encounter_id = ?", patient.admissionId()).get(0);
        assertTrue(toCareProvider.startsWith("Amlodipine 5mg tablets: 5 mg oral, at 08:00\nParacetamol"), toCareProvider);
        assertTrue(toCareProvider.endsWith("1 more medicine(s) filed under a restricted category: see the discharge letter"));
        assertTrue(Databases.column(Databases.HOSPITAL, "select stopped_at is not null from inpatient_prescription where id = ?",
                amlodipine).get(0).startsWith("t"));
        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from inpatient_stay where admission_id = ? and ended_at is"
                + " null", patient.admissionId()), "off the ward list");
    }

    @Test
    void a_transfer_that_fails_in_social_care_leaves_the_prescriptions_running_and_no_discharge_medication_on_the_record() {
        Admitted patient = admittedTo("RXA");
        long amlodipine = prescribe(patient, prescription(patient.admissionId(), "Amlodipine 5mg tablets", "5", "08:00"));
        Databases.execute(Databases.SOCIAL_CARE, "insert into social_care_entry (person_nhs_number, entry_type, occurred_at, recorded_at,"
                + " author_username, author_name, organisation_ods, title, status, source_encounter_id, care_provider_ods)"
                + " values (?, 'REFERRAL_REQUEST', now(), now(), 'other.system', 'Other system', 'LA001', 'Assessment request', 'OPEN',"
                + " ?, 'CP001')", patient.nhsNumber(), patient.admissionId());

        Api.Reply reply = clinician.postJson("/api/patients/" + patient.nhsNumber() + "/transfers-of-care", Api.json("admissionId",
                Long.toString(patient.admissionId()), "dischargeSummary", "Pneumonia treated", "careNeeds", "Help with washing",
                "careProviderOdsCode", "CP001"));

        reply.problem(409);
        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from hospital_entry where patient_nhs_number = ? and"
                + " entry_type = 'MEDICATION'", patient.nhsNumber()));
        assertNull(Databases.row(Databases.HOSPITAL, "select stopped_at from inpatient_prescription where id = ?::bigint",
                Long.toString(amlodipine)).get(0), "the prescription still runs: the hospital side rolled back");
    }
}

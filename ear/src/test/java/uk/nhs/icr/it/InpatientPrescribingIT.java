package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.Inpatients.admittedTo;
import static uk.nhs.icr.it.Inpatients.alertKinds;
import static uk.nhs.icr.it.Inpatients.prescription;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.it.Inpatients.Admitted;

/**
 * Inpatient prescribing checks each prescription as it is written, against both records: an allergy and a severe interaction
 * are hard stops that only a prescriber's reason overrides (kept and audited); duplicate therapy, moderate interactions and
 * a dose above the usual maximum warn; what the patient's consent withholds is left out and the prescriber is told.
 */
class InpatientPrescribingIT extends IcrDeployment {

    private final Api.Client clinician = Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign());
    private final Api.Client nurse = Api.as(Tokens.staff("nurse.northgate", "NURSE").sign());

    private JsonObject check(Admitted patient, Inpatients.Prescription prescription) {
        Api.Reply reply = clinician.postJson(patient.prescriptions() + "/checks", prescription.json());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private JsonObject prescribe(Admitted patient, Inpatients.Prescription prescription) {
        Api.Reply reply = clinician.postJson(patient.prescriptions(), prescription.json());
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    void an_allergy_is_a_hard_stop_that_only_a_prescribers_reason_overrides_and_the_override_is_kept_and_audited() {
        Admitted patient = admittedTo("RXA");
        Databases.addAllergyDirectly(patient.nhsNumber(), "Penicillin");
        Inpatients.Prescription amoxicillin = prescription(patient.admissionId(), "Amoxicillin 500mg capsules", "500", "08:00", "14:00",
                "22:00");

        JsonObject checked = check(patient, amoxicillin);
        assertTrue(checked.getBoolean("hardStop"));
        assertEquals(List.of("allergy"), alertKinds(checked));
        assertTrue(checked.getJsonArray("alerts").getJsonObject(0).getString("message").contains("penicillins"));

        Api.Reply refused = clinician.postJson(patient.prescriptions(), amoxicillin.json());
        assertEquals(List.of("overrideReason"), refused.problemFields(400));
        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from inpatient_prescription where patient_nhs_number = ?",
                patient.nhsNumber()), "nothing written");
        assertEquals(403, nurse.postJson(patient.prescriptions(), amoxicillin.overriddenBecause("Tolerated before").json()).status(),
                "a nurse does not prescribe, nor override");

        JsonObject written = prescribe(patient, amoxicillin);
        assertEquals("Tolerated before", written.getString("overrideReason"));
        assertEquals(List.of("allergy"), alertKinds(written));
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from inpatient_prescription where id = ?"
                + " and override_reason = 'Tolerated before' and check_alerts like '%\"kind\":\"ALLERGY\"%'",
                written.getJsonNumber("id").longValue()), "the override and the alert it overrode are kept on the prescription");
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ? and"
                + " resource_type = 'InpatientPrescription' and action = 'CREATE' and outcome like 'GRANTED%' and reason like"
                + " '%hard stop overridden (allergy)%'", patient.nhsNumber()));
    }

    @Test
    void a_medicine_of_a_group_already_given_is_duplicate_therapy_a_warning_that_does_not_stop_it() {
        Admitted patient = admittedTo("RXA");
        prescribe(patient, prescription(patient.admissionId(), "Atorvastatin 20mg tablets", "20", "22:00"));

        JsonObject simvastatin = prescribe(patient, prescription(patient.admissionId(), "Simvastatin 40mg tablets", "40", "22:00"));
        assertEquals(List.of("duplicate-therapy"), alertKinds(simvastatin));
        assertTrue(simvastatin.getJsonArray("alerts").getJsonObject(0).getString("message").contains("Atorvastatin 20mg tablets"));

        Inpatients.onTheRecord(patient.nhsNumber(), "Amlodipine 5mg tablets", "GENERAL");
        JsonObject amlodipine = check(patient, prescription(patient.admissionId(), "Amlodipine 10mg tablets", "10", "08:00"));
        assertFalse(amlodipine.getBoolean("hardStop"));
        assertTrue(alertKinds(amlodipine).contains("duplicate-therapy"), "the GP's amlodipine on the record counts too");

        // the patient's app reads what they are on in hospital, with their own token
        Api.Reply own = Api.as(Tokens.patient(patient.nhsNumber()).sign()).get(patient.prescriptions());
        assertEquals(200, own.status(), own.body());
        assertEquals(List.of("Atorvastatin 20mg tablets", "Simvastatin 40mg tablets"), own.json().getJsonArray("prescriptions")
                .getValuesAs(JsonObject.class).stream().map(p -> p.getString("medicine")).toList());
    }

    @Test
    void an_interaction_is_checked_against_every_active_medicine_severe_ones_stop_and_moderate_ones_warn() {
        Admitted patient = admittedTo("RXA");
        prescribe(patient, prescription(patient.admissionId(), "Warfarin 1mg tablets", "3", "18:00"));
        prescribe(patient, prescription(patient.admissionId(), "Digoxin 125microgram tablets", "125", "08:00"));

        JsonObject ibuprofen = check(patient, prescription(patient.admissionId(), "Ibuprofen 400mg tablets", "400", "08:00", "14:00",
                "20:00"));
        assertTrue(ibuprofen.getBoolean("hardStop"));
        JsonObject alert = ibuprofen.getJsonArray("alerts").getJsonObject(0);
        assertEquals(List.of("interaction", "severe"), List.of(alert.getString("kind"), alert.getString("level")));
        assertTrue(alert.getString("message").contains("Warfarin 1mg tablets"), alert.getString("message"));

        JsonObject furosemide = prescribe(patient, prescription(patient.admissionId(), "Furosemide 40mg tablets", "40", "08:00"));
        assertEquals(List.of("interaction"), alertKinds(furosemide));
        assertEquals("warning", furosemide.getJsonArray("alerts").getJsonObject(0).getString("level"), "digoxin: moderate");

        Api.Reply stopped = clinician.postJson(patient.prescriptions() + "/" + prescribe(patient, prescription(patient.admissionId(),
                "Paracetamol 500mg tablets", "1000", "08:00")).getJsonNumber("id") + "/stop", "{\"reason\":\"No longer needed\"}");
        assertEquals("stopped", stopped.json().getString("status"), stopped.body());
    }

    @Test
    void a_daily_dose_above_the_usual_maximum_warns_and_one_within_it_does_not() {
        Admitted patient = admittedTo("RXA");
        JsonObject five = check(patient, prescription(patient.admissionId(), "Paracetamol 500mg tablets", "1000", "06:00", "10:00",
                "14:00", "18:00", "22:00"));
        assertEquals(List.of("dose-range"), alertKinds(five));
        assertTrue(five.getJsonArray("alerts").getJsonObject(0).getString("message").contains("5000 mg a day"));

        assertEquals(List.of(), alertKinds(check(patient, prescription(patient.admissionId(), "Paracetamol 500mg tablets", "1000",
                "06:00", "12:00", "18:00", "22:00"))));
        assertEquals(List.of("dose-range"), alertKinds(check(patient, prescription(patient.admissionId(), "Paracetamol 500mg tablets",
                "1000").asRequired(240, 6))), "as required: the most it allows in 24 hours");
    }

    @Test
    void medicines_the_patients_consent_withholds_are_left_out_of_the_checks_and_the_prescriber_is_told_they_may_be_incomplete() {
        Admitted patient = admittedTo("RXA");
        Inpatients.onTheRecord(patient.nhsNumber(), "Sertraline 50mg tablets", "MENTAL_HEALTH");
        Inpatients.Prescription tramadol = prescription(patient.admissionId(), "Tramadol 50mg capsules", "50").asRequired(360, 4);

        JsonObject seen = check(patient, tramadol);
        assertEquals(List.of("interaction"), alertKinds(seen), "the SSRI on the record is seen while nothing withholds it");
        assertFalse(seen.getBoolean("checksIncomplete"));

        Api.Reply consent = Api.as(Tokens.patient(patient.nhsNumber()).sign()).putJsonOverCurrent("/api/patients/" + patient.nhsNumber()
                + "/consent", "{\"status\":\"active\",\"provisions\":[{\"type\":\"deny\",\"categories\":[\"MENTAL_HEALTH\"]}]}");
        assertEquals(200, consent.status(), consent.body());

        JsonObject withheld = check(patient, tramadol);
        assertTrue(withheld.getBoolean("checksIncomplete"));
        assertEquals(List.of("checks-incomplete"), alertKinds(withheld));
        assertFalse(withheld.getJsonArray("alerts").getJsonObject(0).getString("message").contains("Sertraline"),
                "told that something is withheld, never what");
        assertTrue(prescribe(patient, tramadol).getBoolean("checksIncomplete"), "kept on the prescription");

        // a mood stabiliser prescribed without a category is filed under mental health all the same, and withheld with it
        long lithium = prescribe(patient, prescription(patient.admissionId(), "Lithium carbonate 400mg modified-release tablets", "400",
                "08:00")).getJsonNumber("id").longValue();
        assertEquals(List.of("MENTAL_HEALTH"), Databases.column(Databases.HOSPITAL, "select category from inpatient_prescription"
                + " where id = ?", lithium));
        JsonObject list = clinician.get(patient.prescriptions() + "?admission=" + patient.admissionId()).json();
        assertEquals(List.of(1, 1), List.of(list.getJsonArray("prescriptions").size(), list.getInt("withheld")), list.toString());
    }

    @Test
    void the_medicines_on_the_social_care_mar_chart_are_checked_too() {
        Admitted patient = admittedTo("RXA");
        long careMedicine = Databases.queryLong(Databases.SOCIAL_CARE, "insert into care_medicine (person_nhs_number, provider_ods,"
                + " medicine, dose, route, category, as_required, time_critical, controlled_drug, started_on, added_by, added_at)"
                + " values (?, 'CH001', 'Co-careldopa 25mg/100mg tablets', 'One tablet', 'oral', 'GENERAL', false, true, false,"
                + " current_date - 30, 'care.coordinator', now()) returning id", patient.nhsNumber());
        Databases.execute(Databases.SOCIAL_CARE, "insert into care_medicine_time (care_medicine_id, time_of_day) values (?, '08:00')",
                careMedicine);

        JsonObject metoclopramide = check(patient, prescription(patient.admissionId(), "Metoclopramide 10mg tablets", "10", "08:00"));
        assertTrue(metoclopramide.getBoolean("hardStop"));
        assertTrue(metoclopramide.getJsonArray("alerts").getJsonObject(0).getString("message").contains("Co-careldopa"));
    }

    @Test
    void a_prescription_is_refused_field_by_field_and_only_on_an_open_admission_at_the_prescribers_own_trust() {
        Admitted patient = admittedTo("RXA");
        assertEquals(List.of("timesOfDay"), clinician.postJson(patient.prescriptions(), prescription(patient.admissionId(),
                "Paracetamol 500mg tablets", "1000").with("kind", "regular").json().replace("\"kind\":\"once-only\",", ""))
                .problemFields(400));
        assertEquals(List.of("medicine"), clinician.postJson(patient.prescriptions(), prescription(patient.admissionId(),
                "Snake oil 5mg tablets", "5", "08:00").json()).problemFields(400));
        assertEquals(List.of("mostPer24Hours"), clinician.postJson(patient.prescriptions(), prescription(patient.admissionId(),
                "Paracetamol 500mg tablets", "1000").asRequired(240, 30).json()).problemFields(400));

        Databases.openAdmission(patient.nhsNumber(), "RXB");
        Api.Client riverside = Api.as(Tokens.staff("clinician.riverside", "HOSPITAL_CLINICIAN").sign());
        assertEquals(403, riverside.postJson(patient.prescriptions(), prescription(patient.admissionId(), "Paracetamol 500mg tablets",
                "1000", "08:00").json()).status(), "another trust's clinician does not prescribe on this admission");

        Databases.execute(Databases.HOSPITAL, "update hospital_entry set status = 'CLOSED' where id = ?", patient.admissionId());
        assertEquals(List.of("admissionId"), clinician.postJson(patient.prescriptions(), prescription(patient.admissionId(),
                "Paracetamol 500mg tablets", "1000", "08:00").json()).problemFields(400));
    }
}

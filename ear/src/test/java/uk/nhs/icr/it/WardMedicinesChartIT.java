package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.Inpatients.admittedTo;
import static uk.nhs.icr.it.Inpatients.prescription;
import static uk.nhs.icr.it.Inpatients.timeOfDay;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.it.Inpatients.Admitted;

/**
 * The ward medicines chart: nurses record each dose given, not given with a reason, or delayed; as-required doses keep to
 * their interval and 24-hour maximum; a controlled drug is co-signed by a second nurse; a dose is recorded once; and the ward
 * list shows overdue doses, time-critical ones 30 minutes past due and others 60, at a fixed moment.
 */
class WardMedicinesChartIT extends IcrDeployment {

    private final Api.Client clinician = Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign());
    private final Api.Client nurse = Api.as(Tokens.staff("nurse.northgate", "NURSE").sign());

    /** A dose time a few hours ago, to the minute, and a start before it: its first dose is due then. */
    private final Instant due = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
    private final Instant start = Instant.now().minus(Duration.ofHours(20));

    private long prescribe(Admitted patient, Inpatients.Prescription prescription) {
        Api.Reply reply = clinician.postJson(patient.prescriptions(), prescription.startingAt(start).json());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getJsonNumber("id").longValue();
    }

    private static String dose(long prescription, Instant dueAt, String outcome, String... more) {
        StringBuilder json = new StringBuilder("{\"prescriptionId\":" + prescription + ",\"outcome\":\"" + outcome + "\"");
        if (dueAt != null) {
            json.append(",\"dueAt\":\"").append(dueAt).append('"');
        }
        for (int i = 0; i < more.length; i += 2) {
            json.append(",\"").append(more[i]).append("\":\"").append(more[i + 1]).append('"');
        }
        return json.append('}').toString();
    }

    @Test
    void a_dose_is_given_not_given_with_a_reason_or_delayed_and_then_given_and_each_is_recorded_once() {
        Admitted patient = admittedTo("RXA");
        String doses = patient.chart() + "/doses";
        long amlodipine = prescribe(patient, prescription(patient.admissionId(), "Amlodipine 5mg tablets", "5", timeOfDay(due)));
        long lansoprazole = prescribe(patient, prescription(patient.admissionId(), "Lansoprazole 30mg gastro-resistant capsules", "30",
                timeOfDay(due)));
        long furosemide = prescribe(patient, prescription(patient.admissionId(), "Furosemide 40mg tablets", "40", timeOfDay(due)));

        JsonObject given = nurse.postJson(doses, dose(amlodipine, due, "given")).json();
        assertEquals(List.of("given", "Nurse Jack Evans"), List.of(given.getString("outcome"), given.getString("givenBy")));
        assertEquals(5, given.getJsonNumber("dose").intValue(), "the prescribed dose when none is said");
        assertEquals(409, nurse.postJson(doses, dose(amlodipine, due, "given")).status(), "the same dose again");
        assertEquals(List.of("dueAt"), nurse.postJson(doses, dose(amlodipine, due.plus(Duration.ofMinutes(7)), "given")).problemFields(400),
                "not a time it is due");
        assertEquals(List.of("dose"), nurse.postJson(doses, dose(furosemide, due, "given", "dose", "80")).problemFields(400),
                "more than prescribed");

        assertEquals(List.of("reason"), nurse.postJson(doses, dose(lansoprazole, due, "not-given")).problemFields(400));
        JsonObject refused = nurse.postJson(doses, dose(lansoprazole, due, "not-given", "reason", "nil-by-mouth")).json();
        assertEquals("nil-by-mouth", refused.getString("reason"));

        assertEquals(List.of("note"), nurse.postJson(doses, dose(furosemide, due, "delayed")).problemFields(400));
        assertEquals(201, nurse.postJson(doses, dose(furosemide, due, "delayed", "note", "Away in X-ray until 11:00")).status());
        Api.Reply later = nurse.postJson(doses, dose(furosemide, due, "given"));
        assertEquals(201, later.status(), later.body());
        assertEquals("given", later.json().getString("outcome"), "the delayed dose given on the same line");

        long bisoprolol = prescribe(patient, prescription(patient.admissionId(), "Bisoprolol 2.5mg tablets", "2.5", timeOfDay(due)));
        assertEquals(201, nurse.postJson(doses, dose(bisoprolol, due, "delayed", "note", "Pulse 48: asked the doctor")).status());
        assertEquals("not-given", nurse.postJson(doses, dose(bisoprolol, due, "not-given", "reason", "clinical-reason")).json()
                .getString("outcome"), "a delayed dose not given in the end, with its reason");
        assertEquals(List.of("dueAt"), nurse.postJson(doses, dose(amlodipine, due.plusMillis(300), "given")).problemFields(400),
                "a due time a fraction off names no dose: never a second line");

        JsonObject chart = nurse.get(patient.chart() + "?admission=" + patient.admissionId() + "&date="
                + LocalDate.ofInstant(due, Inpatients.UK)).json();
        List<String> outcomes = chart.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .map(line -> line.getJsonArray("due").getJsonObject(0).getJsonObject("recorded").getString("outcome")).toList();
        assertEquals(List.of("given", "not-given", "given", "not-given"), outcomes);
        assertEquals(4, Databases.count(Databases.HOSPITAL, "select count(*) from medicine_administration a join inpatient_prescription p"
                + " on p.id = a.prescription_id where p.patient_nhs_number = ?", patient.nhsNumber()));
    }

    @Test
    void the_database_holds_one_line_per_prescription_and_due_time_whatever_writes_it() throws SQLException {
        Admitted patient = admittedTo("RXA");
        long amlodipine = prescribe(patient, prescription(patient.admissionId(), "Amlodipine 5mg tablets", "5", timeOfDay(due)));
        assertEquals(201, nurse.postJson(patient.chart() + "/doses", dose(amlodipine, due, "given")).status());
        try (Connection connection = Databases.connect(Databases.HOSPITAL)) {
            assertThrows(SQLException.class, () -> Databases.execute(connection, "insert into medicine_administration (prescription_id,"
                    + " due_at, outcome, dose, given_at, nurse, nurse_name, recorded_at) values (?, ?::timestamptz, 'GIVEN', 5, now(),"
                    + " 'other.nurse', 'Other Nurse', now())", amlodipine, due.toString()));
        }
    }

    @Test
    void an_as_required_dose_keeps_to_its_minimum_interval_and_its_most_in_24_hours() {
        Admitted patient = admittedTo("RXA");
        String doses = patient.chart() + "/doses";
        long paracetamol = prescribe(patient, prescription(patient.admissionId(), "Paracetamol 500mg tablets", "1000").asRequired(240, 2));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        assertEquals(201, nurse.postJson(doses, dose(paracetamol, null, "given", "givenAt", now.minus(Duration.ofHours(16)).toString()))
                .status());
        Api.Reply tooSoon = nurse.postJson(doses, dose(paracetamol, null, "given", "givenAt", now.minus(Duration.ofHours(13)).toString()));
        assertEquals(409, tooSoon.status());
        assertTrue(tooSoon.json().getString("detail").contains("240 minutes"), tooSoon.body());
        assertEquals(201, nurse.postJson(doses, dose(paracetamol, null, "given", "givenAt", now.minus(Duration.ofHours(8)).toString()))
                .status());
        Api.Reply third = nurse.postJson(doses, dose(paracetamol, null, "given"));
        assertEquals(409, third.status(), "a third dose within 24 hours of two");
        assertTrue(third.json().getString("detail").contains("at most 2"), third.body());
        assertEquals(List.of("dueAt"), nurse.postJson(doses, dose(paracetamol, due, "given")).problemFields(400));
    }

    @Test
    void a_controlled_drug_is_given_with_a_second_nurse_who_co_signs_with_their_own_password() {
        Admitted patient = admittedTo("RXA");
        String doses = patient.chart() + "/doses";
        String witness = "nurse.witness." + UUID.randomUUID().toString().substring(0, 8);
        Databases.createStaff(witness, "RXA", "NURSE", "Witness-Pass-42");
        long morphine = prescribe(patient, prescription(patient.admissionId(), "Morphine sulfate 10mg/5ml oral solution", "5",
                timeOfDay(due)));

        assertEquals(List.of("witness"), nurse.postJson(doses, dose(morphine, due, "given")).problemFields(400));
        assertEquals(List.of("witness"), nurse.postJson(doses, dose(morphine, due, "given", "witness", "nurse.northgate",
                "witnessPassword", "x")).problemFields(400), "never the nurse giving it");
        assertEquals(List.of("witnessPassword"), nurse.postJson(doses, dose(morphine, due, "given", "witness", witness,
                "witnessPassword", "wrong")).problemFields(400));
        assertEquals(1, Databases.queryLong(Databases.HOSPITAL, "select failed_sign_ins from staff where username = ?", witness),
                "a wrong co-signature counts towards locking the witness's account");

        JsonObject given = nurse.postJson(doses, dose(morphine, due, "given", "witness", witness, "witnessPassword",
                "Witness-Pass-42")).json();
        assertEquals("Test User", given.getString("witnessedBy"));
        assertEquals(List.of(witness), Databases.column(Databases.HOSPITAL, "select witness from medicine_administration where"
                + " prescription_id = ?", morphine));
    }

    @Test
    void the_ward_list_shows_time_critical_doses_overdue_after_30_minutes_and_others_after_60_at_a_fixed_moment() {
        Admitted patient = admittedTo("RXA");
        JsonObject stay = clinician.putJson(patient.admission() + "/ward", "{\"ward\":\"OAK\",\"bed\":\"T7\"}").json();
        assertEquals("OAK", stay.getString("ward"));
        long careldopa = prescribe(patient, prescription(patient.admissionId(), "Co-careldopa 25mg/100mg tablets", "1", timeOfDay(due)));
        long amlodipine = prescribe(patient, prescription(patient.admissionId(), "Amlodipine 5mg tablets", "5", timeOfDay(due)));

        assertEquals(List.of(careldopa), overdueOf(patient, due.plus(Duration.ofMinutes(45))), "time-critical: 45 minutes is overdue");
        assertEquals(List.of(), overdueOf(patient, due.plus(Duration.ofMinutes(25))));
        assertEquals(List.of(careldopa, amlodipine), overdueOf(patient, due.plus(Duration.ofMinutes(70))), "time-critical first");

        assertEquals(201, nurse.postJson(patient.chart() + "/doses", dose(amlodipine, due, "given", "givenAt",
                due.plus(Duration.ofMinutes(50)).toString())).status());
        assertEquals(List.of(careldopa), overdueOf(patient, null), "given now: no longer overdue");
        assertEquals(List.of(careldopa, amlodipine), overdueOf(patient, due.plus(Duration.ofMinutes(70))),
                "the list as it stood then: the dose was recorded later");

        JsonObject row = nurse.get("/api/wards/OAK").json().getJsonArray("patients").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("nhsNumber").equals(patient.nhsNumber())).findFirst().orElseThrow();
        assertEquals(List.of("T7", "to do", "2"), List.of(row.getString("bed"), row.getString("reconciliation"),
                Integer.toString(row.getInt("activePrescriptions"))));
        assertTrue(Databases.auditRows(patient.nhsNumber(), "WardList", "READ") >= 1, "each patient listed is on their access log");
        assertEquals(403, Api.as(Tokens.staff("gp.beech", "GP").sign()).get("/api/wards/OAK").status());
    }

    /** The prescriptions of the patient's doses overdue on the ward list at {@code at}, in the list's order. */
    private List<Long> overdueOf(Admitted patient, Instant at) {
        Api.Reply reply = nurse.get("/api/wards/OAK" + (at == null ? "" : "?at=" + at));
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("overdueDoses").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("nhsNumber").equals(patient.nhsNumber()))
                .map(d -> d.getJsonNumber("prescriptionId").longValue()).toList();
    }
}

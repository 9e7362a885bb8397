package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Referral-to-treatment pathways by the national clock rules, over HTTP: a referral starts the clock and goes on the
 * timeline; a transfer between trusts keeps the clock; a stop ends it (admitted only after a decision to admit) and
 * nothing follows; a child who was not brought is not discharged; a refused event writes nothing.
 */
class WaitingTimesIT extends IcrDeployment {

    private static final Api.Client GP = Api.as(Tokens.staff("gp.beech", "GP").sign());
    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/London"));

    private static String patientBorn(LocalDate born) {
        TestPatients patient = TestPatients.aPatient().birthDate(born);
        assertEquals(201, patient.register().status());
        return patient.nhsNumber();
    }

    private static JsonObject start(String patient, LocalDate clockStart) {
        Api.Reply started = GP.postJson("/api/patients/" + patient + "/pathways", "{\"providerOdsCode\":\"RXA\",\"treatmentFunction\":"
                + "\"320\",\"priority\":\"routine\",\"clockStart\":\"" + clockStart + "\",\"reason\":\"Palpitations on exertion\"}");
        assertEquals(201, started.status(), started.body());
        return started.json();
    }

    private static Api.Reply event(String patient, JsonObject pathway, String body) {
        return GP.postJson("/api/patients/" + patient + "/pathways/" + pathway.getJsonNumber("id").longValue() + "/events", body);
    }

    private static int events(JsonObject pathway) {
        return Databases.count(Databases.HOSPITAL, "select count(*) from rtt_event where pathway_id = ?", pathway.getJsonNumber("id")
                .longValue());
    }

    @Test
    void a_transfer_keeps_the_clock_and_a_treatment_stops_it_as_admitted_after_a_decision_to_admit() {
        String patient = patientBorn(LocalDate.of(1958, 4, 4));
        LocalDate received = TODAY.minusWeeks(20).minusDays(3);
        JsonObject pathway = start(patient, received);
        assertEquals(20, pathway.getInt("weeksWaited"));
        assertFalse(pathway.getBoolean("withinStandard"), "past 18 weeks");
        assertEquals("Cardiology", pathway.getString("treatmentFunctionName"));

        assertEquals(200, event(patient, pathway, "{\"kind\":\"first-outpatient\",\"occurredOn\":\"" + received.plusWeeks(6) + "\"}").status());
        JsonObject moved = event(patient, pathway, "{\"kind\":\"transfer\",\"occurredOn\":\"" + received.plusWeeks(8) + "\","
                + "\"toProviderOdsCode\":\"RXB\"}").json();
        assertEquals("RXB", moved.getString("providerOdsCode"));
        assertEquals(received.toString(), moved.getString("clockStart"), "the clock runs on from the first referral");
        assertEquals(20, moved.getInt("weeksWaited"));
        assertEquals(200, event(patient, pathway, "{\"kind\":\"decision-to-admit\",\"occurredOn\":\"" + received.plusWeeks(12) + "\"}")
                .status());
        JsonObject stopped = event(patient, pathway, "{\"kind\":\"clock-stop\",\"occurredOn\":\"" + received.plusWeeks(15) + "\","
                + "\"stopReason\":\"first-definitive-treatment\"}").json();
        assertEquals(15, stopped.getInt("weeksWaited"), "the wait ends at the stop");
        assertTrue(stopped.getBoolean("admitted"));
        assertEquals(List.of("clock-start", "first-outpatient", "transfer", "decision-to-admit", "clock-stop"),
                stopped.getJsonArray("events").getValuesAs(JsonObject.class).stream().map(e -> e.getString("kind")).toList());

        event(patient, pathway, "{\"kind\":\"first-outpatient\",\"occurredOn\":\"" + TODAY + "\"}").problem(409);
        assertEquals(5, events(pathway), "nothing follows a stop");
        JsonObject referral = GP.get("/api/patients/" + patient + "/record/hospital/" + stopped.getJsonNumber("referralEntryId")
                .longValue()).json();
        assertEquals("COMPLETED", referral.getString("status"));
        assertTrue(referral.getString("summary").contains("clock stopped " + received.plusWeeks(15) + ": first definitive treatment"),
                referral.toString());
    }

    @Test
    void a_child_who_was_not_brought_is_not_discharged_and_a_refused_event_writes_nothing() {
        String child = patientBorn(TODAY.minusYears(9));
        JsonObject pathway = start(child, TODAY.minusWeeks(5));

        assertEquals(List.of("stopReason"), event(child, pathway, "{\"kind\":\"clock-stop\",\"occurredOn\":\"" + TODAY + "\","
                + "\"stopReason\":\"did-not-attend\"}").problemFields(400));
        assertEquals(List.of("occurredOn"), event(child, pathway, "{\"kind\":\"first-outpatient\",\"occurredOn\":\""
                + TODAY.minusWeeks(6) + "\"}").problemFields(400), "before the clock started");
        assertEquals(List.of("toProviderOdsCode"), event(child, pathway, "{\"kind\":\"transfer\",\"occurredOn\":\"" + TODAY + "\","
                + "\"toProviderOdsCode\":\"RXA\"}").problemFields(400), "the trust holding them already");
        assertEquals(List.of("occurredOn"), event(child, pathway, "{\"kind\":\"first-outpatient\",\"occurredOn\":\""
                + TODAY.plusDays(3) + "\"}").problemFields(400), "in the future");
        assertEquals(1, events(pathway), "the clock start only");
        assertEquals(5, GP.get("/api/patients/" + child + "/pathways").jsonArray().getJsonObject(0).getInt("weeksWaited"));

        assertEquals(List.of("treatmentFunction"), GP.postJson("/api/patients/" + child + "/pathways", "{\"providerOdsCode\":\"RXA\","
                + "\"treatmentFunction\":\"999\",\"priority\":\"routine\",\"clockStart\":\"" + TODAY + "\",\"reason\":\"x\"}")
                .problemFields(400));
        assertEquals(List.of("providerOdsCode"), GP.postJson("/api/patients/" + child + "/pathways", "{\"providerOdsCode\":\"Y90001\","
                + "\"treatmentFunction\":\"320\",\"priority\":\"routine\",\"clockStart\":\"" + TODAY + "\",\"reason\":\"x\"}")
                .problemFields(400), "a GP practice is not a trust");
        Api.as(Tokens.staff("nurse.northgate", "NURSE").sign()).postJson("/api/patients/" + child + "/pathways", "{\"providerOdsCode\":"
                + "\"RXA\",\"treatmentFunction\":\"320\",\"priority\":\"routine\",\"clockStart\":\"" + TODAY + "\",\"reason\":\"x\"}")
                .problem(403);
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from rtt_pathway where patient_nhs_number = ?", child));
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from hospital_entry where patient_nhs_number = ? and"
                + " entry_type = 'REFERRAL'", child), "no half-written referral from a refused start");
    }

    @Test
    void a_clinician_starts_a_pathway_and_records_its_first_outpatient_in_the_portal_and_is_told_what_is_wrong() {
        String patient = patientBorn(LocalDate.of(1960, 6, 6));
        String page = "/patients/pathways.xhtml?nhsNumber=" + patient;
        Portal gp = Portal.signIn("gp.beech");
        Api.Reply empty = gp.get(page);
        assertEquals(200, empty.status());
        assertTrue(empty.body().contains("No pathway."), empty.body());

        Api.Reply refused = gp.submit(page, empty, "start", "start:save", Map.of("start:providerOdsCode", "RXA",
                "start:treatmentFunction", "330", "start:priority", "routine", "start:clockStart", TODAY.plusDays(2).toString(),
                "start:reason", "Changing mole"));
        assertFalse(refused.body().contains("has started"), "a referral received in the future is refused");
        Api.Reply started = gp.submit(page, refused, "start", "start:save", Map.of("start:providerOdsCode", "RXA",
                "start:treatmentFunction", "330", "start:priority", "routine", "start:clockStart", TODAY.minusWeeks(3).toString(),
                "start:reason", "Changing mole"));
        assertTrue(started.body().contains("The pathway for Dermatology has started"), started.body());
        long pathway = GP.get("/api/patients/" + patient + "/pathways").jsonArray().getJsonObject(0).getJsonNumber("id").longValue();

        Api.Reply seen = gp.submit(page, started, "event", "event:record", Map.of("event:pathway", Long.toString(pathway),
                "event:kind", "first-outpatient", "event:occurredOn", TODAY.minusWeeks(1).toString(), "event:toProviderOdsCode", "",
                "event:stopReason", "", "event:detail", ""));
        assertTrue(seen.body().contains("Recorded on the Dermatology pathway: first outpatient appointment"), seen.body());
        assertEquals(2, Databases.count(Databases.HOSPITAL, "select count(*) from rtt_event where pathway_id = ?", pathway));
        assertTrue(seen.body().contains("first outpatient appointment"), "on the page's list of what happened");
    }

    @Test
    void a_trust_clinician_sees_the_longest_wait_first_on_the_dashboard_and_the_patient_sees_it_was_read() {
        String patient = patientBorn(LocalDate.of(1955, 5, 5));
        JsonObject pathway = start(patient, TODAY.minusYears(4));
        try {
            Api.Reply dashboard = Portal.signIn("clinician.northgate").get("/waits/dashboard.xhtml");
            assertEquals(200, dashboard.status());
            String rows = dashboard.body().substring(dashboard.body().indexOf("id=\"longestWaits_data\""));
            String first = rows.substring(0, rows.indexOf("</tr>"));
            assertTrue(first.contains(patient) && first.contains("(past 18)"), "the four-year wait comes first, past 18 weeks: " + first);
            assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ? and username"
                    + " = 'clinician.northgate' and reason like '%longest waits%'", patient), "on the patient's access log");
        } finally {
            assertEquals(200, event(patient, pathway, "{\"kind\":\"clock-stop\",\"occurredOn\":\"" + TODAY + "\",\"stopReason\":"
                    + "\"decision-not-to-treat\"}").status(), "stopped, so later runs' lists are not filled with it");
        }
    }
}

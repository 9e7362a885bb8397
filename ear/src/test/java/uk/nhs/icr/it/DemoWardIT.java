package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The demo's Oak Ward, as the README says to try it: ten patients mid-stay in beds B1 to B10, each with a plan and an expected
 * discharge, charts with doses given, refused and due, a Parkinson's dose overdue, and the patient in B1 allergic to penicillin.
 */
class DemoWardIT extends IcrDeployment {

    private final Api.Client nurse = Api.as(Tokens.staff("nurse.northgate", "NURSE").sign());
    private final Api.Client clinician = Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign());

    private List<JsonObject> demoBeds(JsonObject ward) {
        return ward.getJsonArray("patients").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.containsKey("bed") && p.getString("bed").matches("B([1-9]|10)"))
                .filter(p -> !"Test admission".equals(p.getString("reason", null))).toList();
    }

    @Test
    void oak_ward_has_ten_patients_mid_stay_with_plans_charts_and_an_overdue_parkinsons_dose() {
        JsonObject ward = nurse.get("/api/wards/OAK").json();
        List<JsonObject> beds = demoBeds(ward);
        assertEquals(10, beds.size(), ward.toString());
        assertTrue(beds.stream().allMatch(p -> p.containsKey("plan") && p.containsKey("expectedDischarge")), "every bed has a plan");
        assertEquals(5, beds.stream().filter(p -> p.getString("reconciliation").equals("done")).count());
        assertEquals(2, beds.stream().filter(p -> p.getBoolean("medicallyFit")).count());

        Set<String> demoPatients = beds.stream().map(p -> p.getString("nhsNumber")).collect(Collectors.toSet());
        assertTrue(ward.getJsonArray("overdueDoses").getValuesAs(JsonObject.class).stream()
                .anyMatch(d -> demoPatients.contains(d.getString("nhsNumber")) && d.getBoolean("timeCritical")
                        && d.getString("medicine").startsWith("Co-careldopa")), "the Parkinson's dose missed in B2");

        JsonObject b2 = beds.stream().filter(p -> p.getString("bed").equals("B2")).findFirst().orElseThrow();
        // yesterday's chart (whole) and today's (due later): what the demo adds whatever the time of day
        String chart = "/api/patients/" + b2.getString("nhsNumber") + "/medicines-chart?admission=" + b2.getJsonNumber("admissionId");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        Set<String> recorded = java.util.stream.Stream.of(nurse.get(chart + "&date=" + today.minusDays(1)).json(),
                        nurse.get(chart + "&date=" + today).json())
                .flatMap(day -> day.getJsonArray("lines").getValuesAs(JsonObject.class).stream())
                .flatMap(line -> line.getJsonArray("due").getValuesAs(JsonObject.class).stream())
                .map(d -> !d.containsKey("recorded") || d.isNull("recorded") ? "open" : d.getJsonObject("recorded").getString("outcome"))
                .collect(Collectors.toSet());
        assertTrue(recorded.contains("given") && recorded.contains("open"), recorded.toString());
        assertTrue(Databases.count(Databases.HOSPITAL, "select count(*) from medicine_administration a join inpatient_prescription p"
                + " on p.id = a.prescription_id join inpatient_stay s on s.admission_id = p.admission_id where s.bed like 'B%'"
                + " and a.outcome = 'NOT_GIVEN'") > 0, "some doses refused");

        JsonObject b1 = beds.stream().filter(p -> p.getString("bed").equals("B1")).findFirst().orElseThrow();
        Api.Reply checked = clinician.postJson("/api/patients/" + b1.getString("nhsNumber") + "/prescriptions/checks",
                "{\"admissionId\":" + b1.getJsonNumber("admissionId") + ",\"medicine\":\"Amoxicillin 500mg capsules\",\"kind\":\"regular\","
                        + "\"dose\":500,\"timesOfDay\":[\"08:00\",\"14:00\",\"22:00\"]}");
        assertTrue(checked.json().getBoolean("hardStop"), "the allergy clash to try: " + checked.body());
    }
}

package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.Inpatients.admittedTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.it.Inpatients.Admitted;

/**
 * An admission's treatment plan: problem, goals and interventions as tasks with due times and owners, the expected date of
 * discharge and its criteria; the ward list shows each patient's plan, overdue tasks, expected discharge and medically fit;
 * a task is completed in one call.
 */
class AdmissionPlanIT extends IcrDeployment {

    private final Api.Client clinician = Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign());
    private final Api.Client nurse = Api.as(Tokens.staff("nurse.northgate", "NURSE").sign());

    private static String plan(String reviewOn, Instant observationsDue, Instant reviewDue) {
        return "{\"problem\":\"Community-acquired pneumonia\",\"goals\":\"Off oxygen; eating and walking as before\","
                + "\"interventions\":\"IV antibiotics 48 hours then oral; physiotherapy\",\"reviewOn\":\"" + reviewOn + "\","
                + "\"tasks\":[{\"title\":\"Observations (NEWS2)\",\"kind\":\"observations\",\"ownerRole\":\"NURSE\",\"dueAt\":\""
                + observationsDue + "\"},{\"title\":\"Consultant review of antibiotics\",\"kind\":\"review\",\"ownerRole\":"
                + "\"HOSPITAL_CLINICIAN\",\"dueAt\":\"" + reviewDue + "\"}]}";
    }

    private JsonObject rowOf(Admitted patient) {
        return nurse.get("/api/wards/ASH").json().getJsonArray("patients").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("nhsNumber").equals(patient.nhsNumber())).findFirst().orElseThrow();
    }

    @Test
    void the_ward_list_shows_the_plan_overdue_tasks_expected_discharge_and_medically_fit_and_a_task_is_done_in_one_call() {
        Admitted patient = admittedTo("RXA");
        assertEquals(200, clinician.putJson(patient.admission() + "/ward", "{\"ward\":\"ASH\",\"bed\":\"4\"}").status());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate expected = LocalDate.now(Inpatients.UK).plusDays(3);

        Api.Reply written = clinician.putJson(patient.admission() + "/plan", plan(LocalDate.now(Inpatients.UK).plusDays(2).toString(),
                now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(4))));
        assertEquals(200, written.status(), written.body());
        assertEquals(200, clinician.putJson(patient.admission() + "/discharge-plan", "{\"expectedDischarge\":\"" + expected
                + "\",\"dischargeCriteria\":\"Off oxygen 24 hours; walks to the bathroom\",\"medicallyFit\":false}").status());

        JsonObject row = rowOf(patient);
        assertEquals(List.of("Community-acquired pneumonia", "in place", expected.toString(), "false", "2", "1"), List.of(
                row.getString("plan"), row.getString("planStatus"), row.getString("expectedDischarge"),
                Boolean.toString(row.getBoolean("medicallyFit")), Integer.toString(row.getInt("openTasks")),
                Integer.toString(row.getInt("overdueTasks"))));
        JsonObject overdue = nurse.get("/api/wards/ASH").json().getJsonArray("overdueTasks").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("nhsNumber").equals(patient.nhsNumber())).findFirst().orElseThrow();
        assertEquals(List.of("Observations (NEWS2)", "nurse"), List.of(overdue.getString("title"), overdue.getString("ownerRole")));

        String done = patient.admission() + "/plan/tasks/" + overdue.getJsonNumber("taskId") + "/done";
        JsonObject task = nurse.postJson(done, "{}").json();
        assertEquals("Nurse Jack Evans", task.getString("doneBy"));
        assertEquals(409, nurse.postJson(done, "{}").status(), "done already");
        assertEquals(List.of(1, 0), List.of(rowOf(patient).getInt("openTasks"), rowOf(patient).getInt("overdueTasks")));
    }

    @Test
    void a_new_version_of_the_plan_supersedes_the_last_and_a_plan_due_for_review_today_says_so() {
        Admitted patient = admittedTo("RXA");
        assertEquals(200, clinician.putJson(patient.admission() + "/ward", "{\"ward\":\"ASH\"}").status());
        Instant later = Instant.now().plus(Duration.ofHours(6));
        String today = LocalDate.now(Inpatients.UK).toString();
        assertEquals(200, clinician.putJson(patient.admission() + "/plan", plan(today, later, later)).status());
        assertEquals(200, clinician.putJson(patient.admission() + "/plan", plan(today, later, later)
                .replace("Community-acquired pneumonia", "Pneumonia with delirium")).status());

        assertEquals(List.of("COMPLETED", "ACTIVE"), Databases.column(Databases.HOSPITAL, "select status from hospital_entry where"
                + " encounter_id = ? and entry_type = 'TREATMENT_PLAN' order by id", patient.admissionId()));
        JsonObject row = rowOf(patient);
        assertEquals(List.of("Pneumonia with delirium", "review due"), List.of(row.getString("plan"), row.getString("planStatus")));
        assertEquals(403, nurse.putJson(patient.admission() + "/plan", plan(today, later, later)).status(), "a prescriber's plan");
        assertEquals(List.of("reviewOn"), clinician.putJson(patient.admission() + "/plan", plan("2020-01-01", later, later))
                .problemFields(400));
        assertTrue(clinician.get(patient.admission() + "/plan").json().getJsonArray("tasks").size() == 4, "each version's tasks");
    }
}

package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A home-care agency running its day on ICR: the coordinator plans visits onto rotas; the care worker sees their round, checks
 * in, ticks tasks and checks out into the record; a care worker opens only the people on their rota around their visits;
 * late and missed visits reach the coordinator's alert list until answered.
 */
class HomeCareIT extends IcrDeployment {

    private final Api.Client coordinator = HomeCare.coordinator();
    private final Api.Client maja = HomeCare.maja();
    private final Api.Client tom = HomeCare.tom();
    private final Api.Client otherCoordinator = Api.as(Tokens.staff("carehome.manager", "CARE_COORDINATOR").sign());

    private String person;

    @BeforeEach
    void a_client_of_homecare_partners() {
        person = HomeCare.aClient();
    }

    @Test
    void the_care_worker_works_through_a_planned_visit_and_check_out_writes_it_into_the_record() {
        Instant start = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        JsonObject planned = HomeCare.plan(person, "care.worker", start, start.plus(Duration.ofMinutes(45)), "Personal care", "Lunch", "Medicines");
        long visit = planned.getJsonNumber("id").longValue();
        assertEquals("planned", planned.getString("status"));
        assertEquals("Maja Nowak", planned.getString("careWorkerName"));

        List<JsonObject> round = maja.get("/api/rota").jsonArray().getValuesAs(JsonObject.class);
        assertTrue(round.stream().anyMatch(v -> v.getJsonNumber("id").longValue() == visit && v.getString("nhsNumber").equals(person)),
                "the visit is on Maja's round today");
        assertTrue(tom.get("/api/rota").jsonArray().getValuesAs(JsonObject.class).stream()
                .noneMatch(v -> v.getJsonNumber("id").longValue() == visit), "and not on Tom's");

        String path = "/api/patients/" + person + "/visits/" + visit;
        assertEquals(409, maja.putJson(path + "/tasks/1", "{\"done\":true}").status(), "tasks are ticked after checking in");
        assertEquals(404, tom.postJson(path + "/check-in", "").status(), "not on Tom's rota: Tom may not open the person at all");
        Api.Reply in = maja.postJson(path + "/check-in", "");
        assertEquals(200, in.status(), in.body());
        assertEquals("in-progress", in.json().getString("status"));
        assertEquals(409, maja.postJson(path + "/check-in", "").status(), "a visit is checked into once");

        assertEquals(200, maja.putJson(path + "/tasks/1", "{\"done\":true}").status());
        assertEquals(List.of("note"), maja.putJson(path + "/tasks/2", "{\"done\":false}").problemFields(400),
                "a task not done says why");
        assertEquals(200, maja.putJson(path + "/tasks/2", "{\"done\":false,\"note\":\"Not hungry; left a sandwich\"}").status());
        assertEquals(409, maja.putJson(path + "/tasks/9", "{\"done\":true}").status());

        Api.Reply out = maja.postJson(path + "/check-out", "{\"notes\":\"Cheerful today\"}");
        assertEquals(200, out.status(), out.body());
        JsonObject done = out.json();
        assertEquals("completed", done.getString("status"));
        long entry = done.getJsonNumber("recordEntryId").longValue();
        assertEquals(1, Databases.count(Databases.SOCIAL_CARE, "select count(*) from social_care_entry where id = ? and entry_type = 'CARE_VISIT'"
                + " and tasks_done = 'Personal care: done; Lunch: not done (Not hungry; left a sandwich); Medicines: not recorded'"
                + " and details = 'Cheerful today' and author_username = 'care.worker'", entry));
        assertEquals(409, maja.postJson(path + "/check-out", "{}").status(), "checked out once");
    }

    @Test
    void a_care_worker_opens_only_the_people_on_their_rota_from_an_hour_before_a_visit_to_an_hour_after() {
        String patientPath = "/api/patients/" + person;
        assertEquals(200, coordinator.get(patientPath).status(), "the coordinator: the provider's client");
        assertEquals(404, maja.get(patientPath).status(), "in the agency's care is not on Maja's rota");

        Instant now = Instant.now();
        HomeCare.plan(person, "care.worker", now.plus(Duration.ofHours(3)), now.plus(Duration.ofHours(4)), "Tea");
        assertEquals(404, maja.get(patientPath).status(), "a visit three hours away does not open the record yet");
        HomeCare.plan(person, "care.worker.tom", now.plus(Duration.ofMinutes(40)), now.plus(Duration.ofMinutes(80)), "Tea");
        assertEquals(404, maja.get(patientPath).status(), "Tom's visit is not Maja's");
        int readsBefore = Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?"
                + " and username = 'care.worker.tom'", person);
        assertEquals(200, tom.get(patientPath).status(), "Tom's visit in 40 minutes opens it for him");
        assertEquals(readsBefore + 1, Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?"
                + " and username = 'care.worker.tom'", person), "Tom's read is on the person's audit log");

        String earlier = HomeCare.aClient();
        HomeCare.plan(earlier, "care.worker", now.minus(Duration.ofHours(3)), now.minus(Duration.ofMinutes(70)), "Breakfast");
        assertEquals(404, maja.get("/api/patients/" + earlier).status(), "a visit that ended over an hour ago no longer opens it");
        String recent = HomeCare.aClient();
        HomeCare.plan(recent, "care.worker", now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(40)), "Breakfast");
        assertEquals(200, maja.get("/api/patients/" + recent).status(), "one that ended 40 minutes ago still does");
    }

    @Test
    void a_visit_not_started_30_minutes_after_its_planned_start_is_late_and_missed_once_its_end_has_passed() {
        Instant now = Instant.now();
        long late = HomeCare.plan(person, "care.worker", now.minus(Duration.ofMinutes(40)), now.plus(Duration.ofMinutes(20)), "Lunch")
                .getJsonNumber("id").longValue();
        long missed = HomeCare.plan(person, "care.worker.tom", now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2)), "Breakfast")
                .getJsonNumber("id").longValue();
        long onTime = HomeCare.plan(person, "care.worker", now.minus(Duration.ofMinutes(20)), now.plus(Duration.ofMinutes(20)), "Tea")
                .getJsonNumber("id").longValue();
        long started = HomeCare.plan(person, "care.worker", now.minus(Duration.ofMinutes(50)), now.plus(Duration.ofMinutes(10)), "Tea")
                .getJsonNumber("id").longValue();
        assertEquals(200, maja.postJson("/api/patients/" + person + "/visits/" + started + "/check-in", "").status());

        List<JsonObject> alerts = alerts();
        assertEquals("late-visit", alertAbout("visit " + late, alerts).getString("kind"));
        assertTrue(alertAbout("visit " + late, alerts).getString("message").contains("minutes late"));
        assertEquals("missed-visit", alertAbout("visit " + missed, alerts).getString("kind"));
        assertEquals("Tom Bryant", alertAbout("visit " + missed, alerts).getString("careWorker"));
        assertEquals(person, alertAbout("visit " + missed, alerts).getString("nhsNumber"));
        assertTrue(alerts.stream().noneMatch(a -> a.getString("subject").equals("visit " + onTime)), "20 minutes is not late yet");
        assertTrue(alerts.stream().noneMatch(a -> a.getString("subject").equals("visit " + started)), "a started visit is not late");

        String answer = "{\"kind\":\"missed-visit\",\"subject\":\"visit " + missed + "\",\"note\":\"Tom's car broke down; family visited\"}";
        assertEquals(204, coordinator.postJson("/api/care-providers/CP001/alerts/acknowledgements", answer).status());
        assertTrue(alerts().stream().noneMatch(a -> a.getString("subject").equals("visit " + missed)), "answered: off the list");
        assertEquals(404, coordinator.postJson("/api/care-providers/CP001/alerts/acknowledgements", answer).status(),
                "no open alert to answer twice");
        assertEquals(List.of("kind", "note"), coordinator.postJson("/api/care-providers/CP001/alerts/acknowledgements",
                "{\"kind\":\"lost\",\"subject\":\"visit 1\"}").problemFields(400));

        assertEquals(403, otherCoordinator.get("/api/care-providers/CP001/alerts").status(), "another provider's coordinator");
        assertEquals(403, maja.get("/api/care-providers/CP001/alerts").status(), "a care worker");
        assertEquals(400, coordinator.get("/api/care-providers/not%20a%20code/alerts").status());
    }

    @Test
    void a_visit_is_checked_into_around_its_time_only() {
        Instant now = Instant.now();
        HomeCare.plan(person, "care.worker", now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofMinutes(25)), "Breakfast");
        long nextWeek = HomeCare.plan(person, "care.worker", now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(7).plusMinutes(30)),
                "Breakfast").getJsonNumber("id").longValue();
        Api.Reply early = maja.postJson("/api/patients/" + person + "/visits/" + nextWeek + "/check-in", "");
        assertEquals(409, early.status(), "today's visit opens the record, not next week's for checking into");
        assertTrue(early.json().getString("detail").contains("not due now"), early.body());
    }

    @Test
    void the_rota_and_continuity_show_who_visited_whom() {
        Instant now = Instant.now();
        long first = HomeCare.plan(person, "care.worker", now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofMinutes(25)), "Breakfast")
                .getJsonNumber("id").longValue();
        long second = HomeCare.plan(person, "care.worker.tom", now.minus(Duration.ofMinutes(4)), now.plus(Duration.ofMinutes(26)), "Lunch")
                .getJsonNumber("id").longValue();
        assertEquals(200, maja.postJson("/api/patients/" + person + "/visits/" + first + "/check-in", "").status());
        assertEquals(200, tom.postJson("/api/patients/" + person + "/visits/" + second + "/check-in", "").status());

        List<JsonObject> rota = coordinator.get("/api/care-providers/CP001/rota").jsonArray().getValuesAs(JsonObject.class);
        assertTrue(rota.stream().anyMatch(v -> v.getJsonNumber("id").longValue() == first && v.getString("careWorker").equals("care.worker")));
        assertTrue(rota.stream().anyMatch(v -> v.getJsonNumber("id").longValue() == second && v.getString("careWorker").equals("care.worker.tom")));

        JsonObject continuity = coordinator.get("/api/care-providers/CP001/continuity").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(row -> row.getString("nhsNumber").equals(person)).findFirst().orElseThrow();
        assertEquals(2, continuity.getInt("careWorkers"), "two different carers this week");
        assertEquals(2, continuity.getInt("visits"));
        assertEquals(400, coordinator.get("/api/care-providers/CP001/rota?date=yesterday").status());
    }

    @Test
    void only_the_coordinator_plans_and_only_for_their_own_care_workers_and_clients() {
        Instant now = Instant.now();
        String body = HomeCare.visit("care.worker", now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)), "Tea");
        assertEquals(403, maja.postJson("/api/patients/" + person + "/visits", body).status(), "a care worker does not plan");
        assertEquals(400, coordinator.postJson("/api/patients/" + person + "/visits",
                HomeCare.visit("carehome.worker", now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)), "Tea")).status(),
                "a care worker of another provider");
        assertEquals(List.of("plannedEnd"), coordinator.postJson("/api/patients/" + person + "/visits",
                HomeCare.visit("care.worker", now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(1)), "Tea")).problemFields(400));
        assertEquals(List.of("tasks"), coordinator.postJson("/api/patients/" + person + "/visits",
                HomeCare.visit("care.worker", now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)), " ")).problemFields(400));
        TestPatients notOurs = TestPatients.aPatient();
        assertEquals(201, notOurs.register().status());
        assertEquals(404, coordinator.postJson("/api/patients/" + notOurs.nhsNumber() + "/visits", body).status(),
                "registered, but not the provider's client");
        long planned = HomeCare.plan(person, "care.worker", now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)), "Tea")
                .getJsonNumber("id").longValue();
        Api.Reply cancelled = coordinator.postJson("/api/patients/" + person + "/visits/" + planned + "/cancellation",
                "{\"reason\":\"In hospital\"}");
        assertEquals("cancelled", cancelled.json().getString("status"));
        assertEquals(0, Databases.count(Databases.SOCIAL_CARE, "select count(*) from planned_visit where id = ? and status <> 'CANCELLED'",
                planned));
    }

    private List<JsonObject> alerts() {
        Api.Reply reply = coordinator.get("/api/care-providers/CP001/alerts");
        assertEquals(200, reply.status(), reply.body());
        return reply.jsonArray().getValuesAs(JsonObject.class);
    }

    private static JsonObject alertAbout(String subject, List<JsonObject> alerts) {
        return alerts.stream().filter(a -> a.getString("subject").equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no alert about " + subject + " in " + alerts));
    }

}

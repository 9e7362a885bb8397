package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Medicines and fluids in social care: the electronic MAR chart (due doses, outcomes, one record per dose, a witness for a
 * controlled drug, as-required protocols), the missed time-critical dose alert, what consent does to a medicine carers give,
 * and the food and fluid chart against its target.
 */
class MedicinesAndFluidsIT extends IcrDeployment {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private final Api.Client coordinator = HomeCare.coordinator();
    private final Api.Client maja = HomeCare.maja();
    private final Api.Client tom = HomeCare.tom();

    private String person;
    private String mar;

    /** A client of Homecare Partners whom Maja and Tom are both visiting now. */
    @BeforeEach
    void a_client_with_carers_on_their_way() {
        person = HomeCare.aClient();
        Instant now = Instant.now();
        HomeCare.plan(person, "care.worker", now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(30)), "Medicines");
        HomeCare.plan(person, "care.worker.tom", now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(30)), "Medicines");
        mar = "/api/patients/" + person + "/mar";
    }

    @Test
    void a_time_critical_dose_not_recorded_30_minutes_after_it_was_due_alerts_the_coordinator_until_it_is() {
        ZonedDateTime due = ZonedDateTime.now(UK).minusMinutes(45).truncatedTo(ChronoUnit.MINUTES);
        long medicine = addMedicine("{\"medicine\":\"Co-careldopa 25mg/100mg tablets\",\"dose\":\"One tablet\",\"timesOfDay\":[\""
                + due.toLocalTime() + "\"],\"timeCritical\":true,\"startedOn\":\"" + due.toLocalDate().minusDays(1) + "\"}");
        String subject = "dose " + medicine + " " + due.toInstant();
        JsonObject alert = alerts().stream().filter(a -> a.getString("subject").equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no alert for the dose due at " + due));
        assertEquals("missed-time-critical-medicine", alert.getString("kind"));
        assertTrue(alert.getString("message").contains("Co-careldopa"));

        JsonObject line = medicineOnChart(maja.get(mar + "?date=" + due.toLocalDate()).json(), medicine);
        JsonObject open = line.getJsonArray("due").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("dueAt").equals(due.toInstant().toString())).findFirst().orElseThrow();
        assertTrue(open.getBoolean("overdue"), "the chart shows the dose overdue");

        Api.Reply given = maja.postJson(mar + "/doses", dose(medicine, due.toInstant(), "given", null, null));
        assertEquals(201, given.status(), given.body());
        assertFalse(alerts().stream().anyMatch(a -> a.getString("subject").equals(subject)), "recorded: the alert is gone");

        Api.Reply again = tom.postJson(mar + "/doses", dose(medicine, due.toInstant(), "given", null, null));
        assertEquals(409, again.status(), "two carers cannot both give one dose");
        assertTrue(again.json().getString("detail").contains("recorded already"));
        assertEquals(1, Databases.count(Databases.SOCIAL_CARE, "select count(*) from social_care_entry where care_medicine_id = ?", medicine));
    }

    @Test
    void a_mar_line_records_each_outcome_with_a_note_where_the_dose_was_not_given() {
        ZonedDateTime due = ZonedDateTime.now(UK).minusMinutes(5).truncatedTo(ChronoUnit.MINUTES);
        long medicine = addMedicine("{\"medicine\":\"Amlodipine 5mg tablets\",\"dose\":\"One tablet\",\"timesOfDay\":[\""
                + due.toLocalTime() + "\"],\"startedOn\":\"" + due.toLocalDate().minusDays(1) + "\"}");
        assertEquals(List.of("note"), maja.postJson(mar + "/doses", dose(medicine, due.toInstant(), "refused", null, null)).problemFields(400));
        assertEquals(List.of("dueAt"), maja.postJson(mar + "/doses", dose(medicine, due.toInstant().plusSeconds(60), "given", null, null))
                .problemFields(400), "not one of its due times");
        assertEquals(List.of("outcome"), maja.postJson(mar + "/doses", dose(medicine, due.toInstant(), "thrown-away", null, null))
                .problemFields(400));
        Api.Reply refused = maja.postJson(mar + "/doses", dose(medicine, due.toInstant(), "refused", null, "Said she had taken it"));
        assertEquals(201, refused.status(), refused.body());

        JsonObject recorded = medicineOnChart(maja.get(mar + "?date=" + due.toLocalDate()).json(), medicine).getJsonArray("due")
                .getValuesAs(JsonObject.class).stream().filter(d -> d.getString("dueAt").equals(due.toInstant().toString()))
                .findFirst().orElseThrow().getJsonObject("recorded");
        assertEquals("refused", recorded.getString("outcome"));
        assertEquals("Maja Nowak", recorded.getString("recordedBy"));
        assertEquals("Said she had taken it", recorded.getString("note"));
        assertEquals(1, Databases.count(Databases.SOCIAL_CARE, "select count(*) from social_care_entry where care_medicine_id = ?"
                + " and entry_type = 'MEDICATION_ADMINISTRATION' and status = 'REFUSED' and author_username = 'care.worker'", medicine),
                "the MAR line is an entry of the person's record");

        // the other outcomes, each against a dose of its own
        ZonedDateTime first = due.minusMinutes(30);
        long thrice = addMedicine("{\"medicine\":\"Paracetamol 500mg tablets\",\"dose\":\"Two tablets\",\"timesOfDay\":[\""
                + first.toLocalTime() + "\",\"" + first.plusMinutes(10).toLocalTime() + "\",\"" + first.plusMinutes(20).toLocalTime()
                + "\"],\"startedOn\":\"" + due.toLocalDate().minusDays(1) + "\"}");
        assertEquals(201, maja.postJson(mar + "/doses", dose(thrice, first.toInstant(), "not-available", null, "Not delivered")).status());
        assertEquals(201, maja.postJson(mar + "/doses", dose(thrice, first.plusMinutes(10).toInstant(), "self-administered", null, null))
                .status());
        assertEquals(List.of("note"), maja.postJson(mar + "/doses", dose(thrice, first.plusMinutes(20).toInstant(), "missed", null, null))
                .problemFields(400));
        // the three doses may straddle midnight: both days' charts
        List<String> outcomes = java.util.stream.Stream.of(first.toLocalDate(), first.plusMinutes(20).toLocalDate()).distinct()
                .flatMap(day -> medicineOnChart(maja.get(mar + "?date=" + day).json(), thrice).getJsonArray("due")
                        .getValuesAs(JsonObject.class).stream())
                .filter(d -> d.containsKey("recorded")).map(d -> d.getJsonObject("recorded").getString("outcome")).toList();
        assertTrue(outcomes.containsAll(List.of("not-available", "self-administered")), outcomes.toString());
    }

    @Test
    void a_controlled_drug_given_is_witnessed_by_someone_else() {
        ZonedDateTime due = ZonedDateTime.now(UK).minusMinutes(5).truncatedTo(ChronoUnit.MINUTES);
        // transcribed without saying it is a controlled drug: the formulary says so
        long medicine = addMedicine("{\"medicine\":\"Morphine sulfate 10mg/5ml oral solution\",\"dose\":\"2.5 ml\",\"timesOfDay\":[\""
                + due.toLocalTime() + "\"],\"startedOn\":\"" + due.toLocalDate().minusDays(1) + "\"}");
        assertEquals(List.of("witness"), maja.postJson(mar + "/doses", dose(medicine, due.toInstant(), "given", null, null))
                .problemFields(400), "no witness");
        assertEquals(List.of("witness"), maja.postJson(mar + "/doses", dose(medicine, due.toInstant(), "given", "care.worker", null))
                .problemFields(400), "the giver cannot witness themselves");
        assertEquals(List.of("witness"), maja.postJson(mar + "/doses", dose(medicine, due.toInstant(), "given", "gp.beech", null))
                .problemFields(400), "a witness from the same organisation");
        Api.Reply witnessed = maja.postJson(mar + "/doses", dose(medicine, due.toInstant(), "given", "care.worker.tom", null));
        assertEquals(201, witnessed.status(), witnessed.body());
        assertEquals("Tom Bryant", witnessed.json().getString("witnessedBy"));
        assertEquals(1, Databases.count(Databases.SOCIAL_CARE, "select count(*) from social_care_entry where care_medicine_id = ?"
                + " and witness_username = 'care.worker.tom' and author_username = 'care.worker'", medicine));
    }

    @Test
    void an_as_required_medicine_keeps_to_its_protocol() {
        long medicine = addMedicine("{\"medicine\":\"Paracetamol 500mg tablets\",\"dose\":\"Two tablets\",\"asRequired\":true,"
                + "\"protocol\":\"For pain; ask first\",\"minimumIntervalMinutes\":240,\"mostPerDay\":4}");
        assertEquals(201, maja.postJson(mar + "/doses", dose(medicine, null, "given", null, "Knee pain")).status());
        Api.Reply tooSoon = tom.postJson(mar + "/doses", dose(medicine, null, "given", null, null));
        assertEquals(409, tooSoon.status());
        assertTrue(tooSoon.json().getString("detail").contains("at least 240"), tooSoon.body());
        String anHourAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();
        Api.Reply backDated = tom.postJson(mar + "/doses", "{\"careMedicine\":" + medicine + ",\"outcome\":\"given\",\"at\":\""
                + anHourAgo + "\"}");
        assertEquals(409, backDated.status(), "a dose recorded late is checked against the doses after it too");
        assertTrue(backDated.json().getString("detail").contains("after that"), backDated.body());
        assertEquals(List.of("protocol"), coordinator.postJson(mar + "/medicines", "{\"medicine\":\"Paracetamol 500mg tablets\","
                + "\"dose\":\"Two tablets\",\"asRequired\":true}").problemFields(400));
        assertEquals(List.of("medicine"), coordinator.postJson(mar + "/medicines", "{\"medicine\":\"Snake oil 5ml\",\"dose\":\"One\","
                + "\"timesOfDay\":[\"08:00\"]}").problemFields(400), "only medicines in ICR's table");
        assertEquals(403, maja.postJson(mar + "/medicines", "{\"medicine\":\"Paracetamol 500mg tablets\",\"dose\":\"One\","
                + "\"timesOfDay\":[\"08:00\"]}").status(), "a care worker does not add medicines");
    }

    @Test
    void a_medicine_carers_give_reaches_them_whatever_its_category_unless_the_person_denies_it() {
        long quetiapine = addMedicine("{\"medicine\":\"Quetiapine 25mg tablets\",\"dose\":\"One tablet\",\"category\":\"MENTAL_HEALTH\","
                + "\"timesOfDay\":[\"20:00\"]}");
        JsonObject chart = maja.get(mar).json();
        medicineOnChart(chart, quetiapine);
        assertEquals(0, chart.getInt("withheld"), "mental health is withheld from care workers by default, but not a medicine they give");

        Api.Reply denied = Api.as(Tokens.patient(person).sign()).putJsonOverCurrent("/api/patients/" + person + "/consent",
                "{\"status\":\"active\",\"provisions\":[{\"type\":\"deny\",\"categories\":[\"MENTAL_HEALTH\"],\"organisations\":[\"CP001\"]}]}");
        assertTrue(denied.status() == 200 || denied.status() == 201, denied.body());
        JsonObject after = maja.get(mar).json();
        assertTrue(after.getJsonArray("medicines").getValuesAs(JsonObject.class).stream()
                .noneMatch(m -> m.getJsonNumber("id").longValue() == quetiapine), "the person's own deny applies");
        assertEquals(1, after.getInt("withheld"));
        assertTrue(after.getString("withheldNote").contains("withheld"), "the provider is told a medicine is withheld");
        assertEquals(404, maja.postJson(mar + "/doses", dose(quetiapine, null, "given", null, null)).status());
    }

    @Test
    void only_the_providers_own_staff_record_on_its_chart() {
        ZonedDateTime due = ZonedDateTime.now(UK).minusMinutes(5).truncatedTo(ChronoUnit.MINUTES);
        long medicine = addMedicine("{\"medicine\":\"Amlodipine 5mg tablets\",\"dose\":\"One tablet\",\"timesOfDay\":[\""
                + due.toLocalTime() + "\"],\"startedOn\":\"" + due.toLocalDate().minusDays(1) + "\"}");
        Databases.openAdmission(person, "RXA");
        Api.Reply nurse = Api.as(Tokens.staff("nurse.northgate", "NURSE").sign()).postJson(mar + "/doses",
                dose(medicine, due.toInstant(), "given", null, null));
        assertEquals(403, nurse.status(), "a ward nurse caring for the person does not record on the care provider's chart");
        assertEquals(0, Databases.count(Databases.SOCIAL_CARE, "select count(*) from social_care_entry where care_medicine_id = ?", medicine));
    }

    @Test
    void the_fluid_chart_adds_up_drinks_against_the_daily_target() {
        String fluids = "/api/patients/" + person + "/fluids";
        assertEquals(403, maja.putJson(fluids + "/target", "{\"dailyMl\":1500}").status(), "the target is the coordinator's or a nurse's");
        assertEquals(List.of("dailyMl"), coordinator.putJson(fluids + "/target", "{\"dailyMl\":50}").problemFields(400));
        Instant targetSetAt = Instant.now();
        assertEquals(200, coordinator.putJson(fluids + "/target", "{\"dailyMl\":1500}").status());
        Instant earlier = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        assertEquals(201, maja.postJson(fluids + "/intake", "{\"amountMl\":200,\"drink\":\"Tea\",\"takenAt\":\"" + earlier + "\"}").status());
        assertEquals(201, tom.postJson(fluids + "/intake", "{\"amountMl\":150,\"drink\":\"Orange juice\"}").status());
        assertEquals(List.of("amountMl"), maja.postJson(fluids + "/intake", "{\"amountMl\":0,\"drink\":\"Water\"}").problemFields(400));
        assertEquals(List.of("takenAt"), maja.postJson(fluids + "/intake", "{\"amountMl\":100,\"drink\":\"Water\",\"takenAt\":\""
                + Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS) + "\"}").problemFields(400));

        // not within two minutes of midnight or of the 18:00 check, when "today" or "after the check" could change under the test
        LocalTime clock = LocalTime.now(UK);
        Assumptions.assumeFalse(clock.isAfter(LocalTime.of(23, 57)) || clock.isBefore(LocalTime.of(0, 3))
                || (clock.isAfter(LocalTime.of(17, 58)) && clock.isBefore(LocalTime.of(18, 2))), "too near a boundary of the day");
        JsonObject chart = maja.get(fluids).json();
        assertEquals(1500, chart.getInt("targetMl"));
        assertEquals(350, chart.getInt("totalMl"));
        assertEquals(2, chart.getJsonArray("drinks").size());
        // the check time is 18:00 UK time: before it the chart does not judge the day yet; after it, 350 ml is below 1,500
        boolean afterCheck = !LocalTime.now(UK).isBefore(LocalTime.of(18, 0));
        assertEquals(afterCheck, chart.containsKey("belowTargetByCheckTime"));
        boolean alerted = alerts().stream().anyMatch(a -> a.getString("kind").equals("fluids-below-target")
                && a.getString("nhsNumber").equals(person));
        // the alert judges a day by a target set before that day's check: this one was set just now, so after 18:00 today
        // is not judged by it (the other test below sees the alert with a target set in time)
        boolean targetSetBeforeCheck = targetSetAt.isBefore(LocalDate.now(UK).atTime(18, 0).atZone(UK).toInstant());
        assertEquals(afterCheck && targetSetBeforeCheck, alerted, "an alert after the check time only");
    }

    @Test
    void drinks_below_the_target_by_the_check_time_alert_the_coordinator_until_answered() {
        String thirsty = HomeCare.aClient();
        String wellHydrated = HomeCare.aClient();
        ZonedDateTime yesterday = ZonedDateTime.now(UK).minusDays(1).withHour(10).withMinute(0).truncatedTo(ChronoUnit.MINUTES);
        for (String person : List.of(thirsty, wellHydrated)) {
            assertEquals(200, coordinator.putJson("/api/patients/" + person + "/fluids/target", "{\"dailyMl\":1500}").status());
        }
        // set before yesterday began, as a target set last week would be
        Databases.execute(Databases.SOCIAL_CARE, "update fluid_target set set_at = now() - interval '3 days' where person_nhs_number in (?, ?)",
                thirsty, wellHydrated);
        drink(thirsty, 600, yesterday);
        drink(wellHydrated, 900, yesterday);
        drink(wellHydrated, 700, yesterday.withHour(15));
        drink(thirsty, 1000, yesterday.withHour(19));

        String subject = "fluids " + thirsty + " " + yesterday.toLocalDate();
        JsonObject alert = alerts().stream().filter(a -> a.getString("subject").equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no fluid alert for yesterday"));
        assertEquals("fluids-below-target", alert.getString("kind"));
        assertTrue(alert.getString("message").contains("600 ml of a 1500 ml daily target"), "drinks after 18:00 do not count: "
                + alert.getString("message"));
        assertTrue(alerts().stream().noneMatch(a -> a.getString("subject").equals("fluids " + wellHydrated + " " + yesterday.toLocalDate())),
                "1,600 ml by 18:00 met the target");
        assertEquals(204, coordinator.postJson("/api/care-providers/CP001/alerts/acknowledgements", "{\"kind\":\"fluids-below-target\","
                + "\"subject\":\"" + subject + "\",\"note\":\"Jugs topped up; GP asked to review\"}").status());
        assertTrue(alerts().stream().noneMatch(a -> a.getString("subject").equals(subject)));
    }

    @Test
    void the_coordinator_takes_a_stopped_medicine_off_the_chart_with_the_reason_and_no_dose_falls_due_after() {
        ZonedDateTime due = ZonedDateTime.now(UK).minusMinutes(20).truncatedTo(ChronoUnit.MINUTES);
        long medicine = addMedicine("{\"medicine\":\"Amlodipine 5mg tablets\",\"dose\":\"One tablet\",\"timesOfDay\":[\""
                + due.toLocalTime() + "\"],\"startedOn\":\"" + due.toLocalDate().minusDays(1) + "\"}");
        String stop = mar + "/medicines/" + medicine + "/stop";

        assertEquals(403, maja.postJson(stop, "{\"reason\":\"GP letter\"}").status(), "a care worker does not change the chart");
        assertEquals(List.of("reason"), coordinator.postJson(stop, "{}").problemFields(400));
        assertEquals(200, coordinator.postJson(stop, "{\"reason\":\"Stopped by the GP: low blood pressure\"}").status());
        assertEquals(409, coordinator.postJson(stop, "{\"reason\":\"Again\"}").status());

        assertEquals(List.of("Stopped by the GP: low blood pressure", "care.coordinator"), Databases.row(Databases.SOCIAL_CARE,
                "select stop_reason, stopped_by from care_medicine where id = ?::bigint", Long.toString(medicine)));
        assertEquals(409, maja.postJson(mar + "/doses", dose(medicine, due.toInstant(), "given", null, null)).status(),
                "the dose due before it came off the chart is no longer given: it was stopped");
        assertTrue(maja.get(mar + "?date=" + due.toLocalDate().plusDays(1)).json().getJsonArray("medicines").getValuesAs(JsonObject.class)
                .stream().noneMatch(m -> m.getJsonNumber("id").longValue() == medicine), "off tomorrow's chart");
    }

    private void drink(String person, int ml, ZonedDateTime at) {
        Api.Reply drink = coordinator.postJson("/api/patients/" + person + "/fluids/intake", "{\"amountMl\":" + ml + ",\"drink\":\"Tea\","
                + "\"takenAt\":\"" + at.toInstant() + "\"}");
        assertEquals(201, drink.status(), drink.body());
    }

    private long addMedicine(String json) {
        Api.Reply added = coordinator.postJson(mar + "/medicines", json);
        assertEquals(201, added.status(), added.body());
        return added.json().getJsonNumber("id").longValue();
    }

    private static String dose(long medicine, Instant dueAt, String outcome, String witness, String note) {
        return "{\"careMedicine\":" + medicine + (dueAt == null ? "" : ",\"dueAt\":\"" + dueAt + "\"") + ",\"outcome\":\"" + outcome + "\""
                + (witness == null ? "" : ",\"witness\":\"" + witness + "\"") + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}";
    }

    private static JsonObject medicineOnChart(JsonObject chart, long medicine) {
        return chart.getJsonArray("medicines").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getJsonNumber("id").longValue() == medicine).findFirst()
                .orElseThrow(() -> new AssertionError("medicine " + medicine + " is not on the chart: " + chart));
    }

    private List<JsonObject> alerts() {
        Api.Reply reply = coordinator.get("/api/care-providers/CP001/alerts");
        assertEquals(200, reply.status(), reply.body());
        return reply.jsonArray().getValuesAs(JsonObject.class);
    }
}

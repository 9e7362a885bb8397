package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The care plan care staff work from (versions, risk levels from their scores, the person's say), daily records at the point
 * of care, and incidents with a body map, a safeguarding one opening a concern in the shared record.
 */
class CarePlansAndIncidentsIT extends IcrDeployment {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private final Api.Client coordinator = HomeCare.coordinator();
    private final Api.Client maja = HomeCare.maja();
    private final Api.Client tom = HomeCare.tom();

    private String person;

    /** A client of Homecare Partners whom Maja is visiting now. */
    @BeforeEach
    void a_client_with_maja_on_her_way() {
        person = HomeCare.aClient();
        Instant now = Instant.now();
        HomeCare.plan(person, "care.worker", now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(30)), "Personal care");
    }

    static String plan(Integer replacing, int fallsScore) {
        return "{\"reviewDate\":\"" + LocalDate.now(UK).plusMonths(3) + "\"" + (replacing == null ? "" : ",\"replacing\":" + replacing)
                + ",\"sections\":[{\"area\":\"what-matters-to-me\",\"needs\":\"My garden and my cat, Tibbles\"},"
                + "{\"area\":\"communication\",\"needs\":\"Hard of hearing on the left; mild memory loss\"},"
                + "{\"area\":\"eating-and-drinking\",\"needs\":\"Soft diet; thickened fluids\"},"
                + "{\"area\":\"mobility-and-falls\",\"needs\":\"Walks with a frame indoors\",\"outcomes\":\"No falls\","
                + "\"tasks\":[{\"task\":\"Walk to the lounge\",\"timesOfDay\":[\"09:00\",\"17:00\"]}],"
                + "\"risks\":[{\"risk\":\"Falls\",\"tool\":\"falls\",\"score\":" + fallsScore + ",\"actions\":\"Frame within reach\"}]},"
                + "{\"area\":\"skin-integrity\",\"needs\":\"Thin skin on heels\",\"risks\":[{\"risk\":\"Pressure ulcer\",\"tool\":\"waterlow\","
                + "\"score\":18,\"actions\":\"Turn every four hours; pressure cushion\"}]}]}";
    }

    @Test
    void a_care_plan_is_versioned_scored_and_agreed_by_the_person() {
        String path = "/api/patients/" + person + "/care-plan";
        assertEquals(403, maja.postJson(path + "/versions", plan(null, 14)).status(), "care workers work from the plan; they do not write it");
        Api.Reply first = coordinator.postJson(path + "/versions", plan(null, 14));
        assertEquals(201, first.status(), first.body());
        assertEquals(1, first.json().getInt("version"));
        JsonObject falls = section(first.json(), "mobility-and-falls").getJsonArray("risks").getJsonObject(0);
        assertEquals("medium", falls.getString("level"), "a falls score of 14 is a medium risk");
        assertEquals("high risk", section(first.json(), "skin-integrity").getJsonArray("risks").getJsonObject(0).getString("level"),
                "a Waterlow score of 18 is high risk");

        assertEquals(409, coordinator.postJson(path + "/versions", plan(null, 16)).status(), "written without reading version 1");
        Api.Reply second = coordinator.postJson(path + "/versions", plan(1, 16));
        assertEquals(201, second.status(), second.body());
        assertEquals("high", section(second.json(), "mobility-and-falls").getJsonArray("risks").getJsonObject(0).getString("level"));
        assertEquals(List.of(2, 1), coordinator.get(path + "/versions").jsonArray().getValuesAs(JsonObject.class).stream()
                .map(v -> v.getInt("version")).toList(), "every version kept, newest first");

        assertEquals(List.of("sections[0].risks[0].score"), coordinator.postJson(path + "/versions",
                "{\"reviewDate\":\"" + LocalDate.now(UK).plusMonths(1) + "\",\"replacing\":2,\"sections\":[{\"area\":\"mobility-and-falls\","
                        + "\"needs\":\"x\",\"risks\":[{\"risk\":\"Falls\",\"tool\":\"falls\",\"score\":3,\"actions\":\"x\"}]}]}").problemFields(400));
        assertEquals(List.of("reviewDate"), coordinator.postJson(path + "/versions", "{\"reviewDate\":\"2020-01-01\",\"replacing\":2,"
                + "\"sections\":[{\"area\":\"communication\",\"needs\":\"x\"}]}").problemFields(400));

        assertEquals(200, maja.get(path).status(), "Maja reads the plan around her visit");
        assertEquals(404, tom.get(path).status(), "Tom has no visit to this person");

        Api.Client self = Api.as(Tokens.patient(person).sign());
        assertEquals(2, self.get(path).json().getInt("version"), "the person sees their plan");
        assertEquals(List.of("comment"), self.putJson(path + "/agreement", "{\"agreement\":\"disagreed\"}").problemFields(400));
        JsonObject said = self.putJson(path + "/agreement", "{\"agreement\":\"disagreed\",\"comment\":\"I want my bath in the evening\"}")
                .json();
        assertEquals("disagreed", said.getString("agreement"));
        assertEquals("the person", said.getString("agreementBy"));
        assertEquals(403, maja.putJson(path + "/agreement", "{\"agreement\":\"agreed\"}").status());
        assertEquals(409, coordinator.putJson(path + "/agreement", "{\"agreement\":\"agreed\"}").status(),
                "staff do not record over what the person said");
        Databases.startCareHome(person, "CH001");
        assertEquals(403, Api.as(Tokens.staff("carehome.manager", "CARE_COORDINATOR").sign()).putJson(path + "/agreement",
                "{\"agreement\":\"agreed\"}").status(), "another provider's coordinator does not answer for this plan");
    }

    @Test
    void daily_records_are_quick_to_make_and_each_kind_asks_for_what_it_needs() {
        String path = "/api/patients/" + person + "/daily-records";
        assertEquals(201, maja.postJson(path, "{\"kind\":\"note\",\"note\":\"Ate all of breakfast; chatty\"}").status());
        assertEquals(201, maja.postJson(path, "{\"kind\":\"repositioning\",\"position\":\"left-side\",\"skinIntact\":true}").status());
        assertEquals(201, maja.postJson(path, "{\"kind\":\"weight\",\"weightKg\":61.4}").status());
        assertEquals(201, maja.postJson(path, "{\"kind\":\"observations\",\"pulse\":78,\"temperatureC\":36.8,\"systolic\":128,"
                + "\"diastolic\":76}").status());
        assertEquals(List.of("position"), maja.postJson(path, "{\"kind\":\"repositioning\"}").problemFields(400));
        assertEquals(List.of("diastolic"), maja.postJson(path, "{\"kind\":\"observations\",\"systolic\":120}").problemFields(400));
        assertEquals(List.of("weightKg"), maja.postJson(path, "{\"kind\":\"weight\",\"weightKg\":900}").problemFields(400));
        List<JsonObject> today = maja.get(path).jsonArray().getValuesAs(JsonObject.class);
        assertEquals(List.of("note", "repositioning", "weight", "observations"), today.stream().map(r -> r.getString("kind")).toList());
        assertEquals("Maja Nowak", today.get(0).getString("recordedBy"));
        assertEquals(404, tom.get(path).status());
    }

    @Test
    void an_incident_that_is_a_safeguarding_concern_opens_one_in_the_shared_record_with_its_body_map() {
        String path = "/api/patients/" + person + "/incidents";
        String at = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS).toString();
        int before = Databases.count(Databases.SOCIAL_CARE, "select count(*) from social_care_entry where person_nhs_number = ?", person);
        assertEquals(List.of("safeguardingCategory"), maja.postJson(path, "{\"kind\":\"injury\",\"severity\":\"moderate\","
                + "\"description\":\"Bruising on both upper arms\",\"safeguarding\":true,\"occurredAt\":\"" + at + "\"}").problemFields(400));
        assertEquals(before, Databases.count(Databases.SOCIAL_CARE, "select count(*) from social_care_entry where person_nhs_number = ?",
                person), "a refused report writes nothing");

        Api.Reply reported = maja.postJson(path, "{\"kind\":\"injury\",\"severity\":\"moderate\",\"description\":\"Bruising on both"
                + " upper arms\",\"bodyMap\":[{\"side\":\"front\",\"x\":22,\"y\":30,\"note\":\"bruise 3 cm <left arm>\"},"
                + "{\"side\":\"front\",\"x\":78,\"y\":30,\"note\":\"bruise 2 cm\"}],\"actionsTaken\":\"Photographed; manager told\","
                + "\"notifiableToCqc\":true,\"safeguarding\":true,\"safeguardingCategory\":\"Physical\",\"occurredAt\":\"" + at + "\"}");
        assertEquals(201, reported.status(), reported.body());
        JsonObject incident = reported.json();
        long concern = incident.getJsonNumber("safeguardingConcernId").longValue();
        assertEquals(1, Databases.count(Databases.SOCIAL_CARE, "select count(*) from social_care_entry where id = ? and person_nhs_number = ?"
                + " and entry_type = 'SAFEGUARDING_CONCERN' and status = 'OPEN' and category = 'SAFEGUARDING'", concern, person),
                "the concern is open in the record, filed under safeguarding");
        assertEquals(2, incident.getJsonArray("bodyMap").size());
        assertEquals("front", incident.getJsonArray("bodyMap").getJsonObject(0).getString("side"));
        assertTrue(incident.getBoolean("notifiableToCqc"));

        Api.Reply map = maja.request("GET", path + "/" + incident.getJsonNumber("entryId").longValue() + "/body-map.svg");
        assertEquals(200, map.status());
        assertTrue(map.body().startsWith("<svg"), map.body());
        assertEquals(2, map.body().split("<circle").length - 1, "one circle per marked area");
        assertTrue(map.body().contains("bruise 3 cm &lt;left arm&gt;"), "notes are drawn, escaped");
        assertEquals(403, Api.as(Tokens.staff("researcher.ada", "RESEARCHER").sign()).postJson(path, "{}").status());

        Api.Client self = Api.as(Tokens.patient(person).sign());
        long entry = incident.getJsonNumber("entryId").longValue();
        assertEquals(404, self.get(path + "/" + entry).status(), "a safeguarding incident is not in the person's own view");
        assertEquals(404, self.request("GET", path + "/" + entry + "/body-map.svg").status());
        Api.Reply fall = maja.postJson(path, "{\"kind\":\"fall\",\"severity\":\"no-harm\",\"description\":\"Sat down on the floor\","
                + "\"occurredAt\":\"" + at + "\"}");
        assertEquals(201, fall.status(), fall.body());
        assertEquals("fall", self.get(path + "/" + fall.json().getJsonNumber("entryId").longValue()).json().getString("kind"),
                "an ordinary incident is");
    }

    private static JsonObject section(JsonObject plan, String area) {
        return plan.getJsonArray("sections").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("area").equals(area)).findFirst().orElseThrow();
    }
}

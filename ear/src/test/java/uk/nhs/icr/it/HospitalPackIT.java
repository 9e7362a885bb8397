package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.json.JsonObject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hospital pack (the "Red Bag") made from the record in one action, with consent applied to whoever reads it; sending it
 * gives the admitting trust access for the episode, and no longer; the printed pack and the downtime pack say what the record
 * says.
 */
class HospitalPackIT extends IcrDeployment {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private final Api.Client coordinator = HomeCare.coordinator();
    private final Api.Client maja = HomeCare.maja();
    private final Api.Client northgate = Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign());

    private String person;
    private String pack;

    /** A client of Homecare Partners with a care plan, an allergy, a DNACPR decision and two medicines, one given today. */
    @BeforeEach
    void a_client_with_a_full_record() {
        person = HomeCare.aClient();
        pack = "/api/patients/" + person + "/hospital-pack";
        Instant now = Instant.now();
        HomeCare.plan(person, "care.worker", now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(30)), "Medicines");
        assertEquals(201, coordinator.postJson("/api/patients/" + person + "/care-plan/versions", CarePlansAndIncidentsIT.plan(null, 14))
                .status());
        Databases.addAllergyDirectly(person, "Penicillin");
        Databases.addDnacprDirectly(person, "DNACPR decision");
        ZonedDateTime due = ZonedDateTime.now(UK).minusMinutes(5).truncatedTo(ChronoUnit.MINUTES);
        long amlodipine = medicine("{\"medicine\":\"Amlodipine 5mg tablets\",\"dose\":\"One tablet\",\"timesOfDay\":[\""
                + due.toLocalTime() + "\"],\"startedOn\":\"" + due.toLocalDate().minusDays(1) + "\"}");
        medicine("{\"medicine\":\"Quetiapine 25mg tablets\",\"dose\":\"One tablet at night\",\"category\":\"MENTAL_HEALTH\","
                + "\"timesOfDay\":[\"21:00\"]}");
        assertEquals(201, maja.postJson("/api/patients/" + person + "/mar/doses", "{\"careMedicine\":" + amlodipine + ",\"dueAt\":\""
                + due.toInstant() + "\",\"outcome\":\"given\"}").status());
    }

    @Test
    void the_pack_holds_what_must_travel_with_the_person() {
        JsonObject made = maja.get(pack).json();
        assertEquals(person, made.getString("nhsNumber"));
        assertEquals("My garden and my cat, Tibbles", made.getString("whatMattersToMe"));
        assertEquals("Hard of hearing on the left; mild memory loss", made.getString("communication"));
        assertEquals("Walks with a frame indoors", made.getString("mobility"));
        assertEquals("Soft diet; thickened fluids", made.getString("eatingAndDrinking"));
        assertEquals(List.of("Penicillin"), titles(made, "allergies"));
        assertEquals(List.of("DNACPR decision"), titles(made, "alerts"));
        List<JsonObject> medicines = made.getJsonArray("medicines").getValuesAs(JsonObject.class);
        assertEquals(List.of("Amlodipine 5mg tablets", "Quetiapine 25mg tablets"), medicines.stream().map(m -> m.getString("medicine")).toList(),
                "the carers who give them see both (H-051)");
        assertTrue(medicines.get(0).containsKey("lastGiven"), "when it was last given");
        assertFalse(medicines.get(1).containsKey("lastGiven"));
    }

    @Test
    void sending_the_pack_opens_the_record_to_the_admitting_trust_for_the_episode_with_the_persons_consent_applied() throws IOException {
        assertEquals(404, northgate.get(pack).status(), "the hospital has no relationship before the pack is sent");
        Api.Reply denied = Api.as(Tokens.patient(person).sign()).putJsonOverCurrent("/api/patients/" + person + "/consent",
                "{\"status\":\"active\",\"provisions\":[{\"type\":\"deny\",\"categories\":[\"MENTAL_HEALTH\"],\"organisations\":[\"RXA\"]}]}");
        assertTrue(denied.status() == 200 || denied.status() == 201, denied.body());

        assertEquals(List.of("admittingTrust"), maja.postJson(pack + "/transfers", "{\"admittingTrust\":\"Y90001\"}").problemFields(400),
                "a GP practice is not an admitting trust");
        Databases.openAdmission(person, "RXB");
        assertEquals(403, Api.as(Tokens.staff("nurse.riverside", "NURSE").sign()).postJson(pack + "/transfers",
                "{\"admittingTrust\":\"RXA\"}").status(), "a hospital nurse does not send the person's care provider's pack");
        Api.Reply sent = maja.postJson(pack + "/transfers", "{\"admittingTrust\":\"RXA\"}");
        assertEquals(201, sent.status(), sent.body());
        Instant until = Instant.parse(sent.json().getString("accessUntil"));
        assertTrue(until.isAfter(Instant.now().plus(Duration.ofHours(71))) && until.isBefore(Instant.now().plus(Duration.ofHours(73))),
                "three days by default: " + until);

        JsonObject read = northgate.get(pack).json();
        assertEquals(List.of("Amlodipine 5mg tablets"), read.getJsonArray("medicines").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("medicine")).toList(), "the person's deny to Northgate applies to the pack");
        assertTrue(read.getBoolean("somethingWithheld"));
        assertEquals(List.of("Penicillin"), titles(read, "allergies"));
        assertTrue(Databases.auditRows(person, "HospitalPack", "READ") >= 1);

        Api.Binary pdf = northgate.getBinary(pack + "/pack.pdf");
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.contentType());
        String text = text(pdf.body());
        assertTrue(text.contains("Hospital pack"), text);
        assertTrue(text.contains("My garden and my cat, Tibbles"), text);
        assertTrue(text.contains("Penicillin"), text);
        assertTrue(text.contains("DNACPR decision"), text);
        assertTrue(text.contains("Amlodipine 5mg tablets"), text);
        assertFalse(text.contains("Quetiapine"), "withheld on paper too");
        assertTrue(text.contains("withheld from you by their consent"), text);

        Databases.execute(Databases.HOSPITAL, "update care_relationship set ended_at = now() - interval '1 minute' where patient_nhs_number = ?"
                + " and organisation_ods = 'RXA' and kind = 'HOSPITAL_TRANSFER'", person);
        assertEquals(404, northgate.get(pack).status(), "the access ends with the episode: no discharge period after it");
    }

    @Test
    void the_downtime_pack_prints_the_care_plan_and_the_next_24_hours_of_the_mar_chart() throws IOException {
        Api.Binary pdf = maja.getBinary("/api/patients/" + person + "/care-plan/downtime-pack.pdf");
        assertEquals(200, pdf.status());
        String text = text(pdf.body());
        assertTrue(text.contains("Downtime pack"), text);
        assertTrue(text.contains("Care plan, version 1"), text);
        assertTrue(text.contains("Walk to the lounge at 09:00, 17:00"), text);
        assertTrue(text.contains("Pressure ulcer (waterlow score 18, high risk)"), text);
        assertTrue(text.contains("Amlodipine 5mg tablets"), text);
        assertTrue(text.contains("Quetiapine 25mg tablets"), text);
        // amlodipine's next dose (its last was given) and quetiapine's 21:00: tonight's, or tomorrow's once tonight's is past;
        // between 21:00 and 22:00 tonight's unrecorded dose is also listed, as overdue from the last hour
        LocalTime printedAt = ZonedDateTime.now(UK).toLocalTime();
        int quetiapineLines = !printedAt.isBefore(LocalTime.of(21, 0)) && printedAt.isBefore(LocalTime.of(22, 0)) ? 2 : 1;
        assertEquals(1 + quetiapineLines, text.split("given / refused / other").length - 1,
                "one line to sign per dose due in the next 24 hours, and per dose overdue from the last hour");
        assertEquals(404, HomeCare.tom().getBinary("/api/patients/" + person + "/care-plan/downtime-pack.pdf").status());
    }

    private long medicine(String json) {
        Api.Reply added = coordinator.postJson("/api/patients/" + person + "/mar/medicines", json);
        assertEquals(201, added.status(), added.body());
        return added.json().getJsonNumber("id").longValue();
    }

    private static List<String> titles(JsonObject pack, String list) {
        return pack.getJsonArray(list).getValuesAs(JsonObject.class).stream().map(i -> i.getString("title")).toList();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}

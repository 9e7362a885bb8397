package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The rows of {@code access-rules.tsv} marked http, over the API a partner system or the patient's app calls: the same
 * set-up as the in-container table test, the same four steps as HTTP requests, the same expected outcomes. What the
 * decision point decides is what a client gets.
 */
class AccessRuleSampleOverHttpIT extends IcrDeployment {

    private static final String LOOSEN = "[{\"type\":\"permit\",\"categories\":[\"REPRODUCTIVE_HEALTH\"],\"roles\":[\"CARE_WORKER\"]}]";
    private static final String TIGHTEN = "[{\"type\":\"deny\"}]";

    @Test
    void the_sampled_rows_get_over_http_what_the_table_says() {
        List<AccessRuleTable.Row> sample = AccessRuleTable.rows().stream().filter(AccessRuleTable.Row::overHttp).toList();
        assertTrue(sample.size() >= 10, "a sample of every kind of caller: " + sample.size());
        assertEquals(List.of(), AccessRuleTable.mismatches(sample, AccessRuleSampleOverHttpIT::run));
    }

    private static String run(AccessRuleTable.Row row) {
        TestPatients registered = TestPatients.aPatient().gpPractice(row.practice());
        assertEquals(201, registered.register().status());
        String patient = registered.nhsNumber();
        String base = "/api/patients/" + patient;
        row.relate(patient);
        row.addEntry(patient);
        Api.Client own = Api.as(Tokens.patient(patient).sign());
        String directive = directive(row);
        if (directive != null) {
            assertEquals(200, own.putJson(base + "/consent", "{\"status\":\"active\",\"provisions\":" + directive + "}",
                    "If-None-Match", "*").status());
        }
        Api.Client caller = row.patientsOwn() ? own : Api.as(Tokens.staff(row.staff().username(), row.role()).sign());
        if (row.breakGlass()) {
            caller.postJson(base + "/break-glass", Api.json("reason", "Collapsed in clinic, need medication history now"));
        }

        Api.Reply record = caller.get(base + "/record?size=100");
        String read = record.status() == 200
                ? (record.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .anyMatch(entry -> entry.getString("title").equals(row.entryTitle())) ? "shown" : "withheld")
                : outcome(record);
        Api.Reply loosened = overNewest(caller, patient, change(row, LOOSEN));
        String loosen = loosened.status() == 200
                ? ("awaiting".equals(loosened.json().getString("confirmation")) ? "awaiting" : "applied") : outcome(loosened);
        String tighten = outcome(overNewest(caller, patient, change(row, TIGHTEN)));
        String optOut = outcome(caller.putJson(base + "/data-opt-out", row.patientsOwn() ? "{\"optedOut\":true}"
                : "{\"optedOut\":true,\"setBy\":\"self\",\"channel\":\"phone\"}", "If-None-Match", "*"));
        return String.join(" ", read, loosen, tighten, optOut);
    }

    /** The directive the patient records first, as JSON provisions (null: none). */
    private static String directive(AccessRuleTable.Row row) {
        String category = "\"categories\":[\"" + row.dataCategory() + "\"]";
        String role = "\"roles\":[\"" + row.role() + "\"]";
        return switch (row.directive()) {
            case "none" -> null;
            case "deny" -> "[{\"type\":\"deny\"," + category + "}]";
            case "deny-role" -> "[{\"type\":\"deny\"," + category + "," + role + "}]";
            case "deny-elsewhere" -> "[{\"type\":\"deny\"," + category + ",\"organisations\":[\"RXB\"]}]";
            case "deny-all" -> TIGHTEN;
            case "permit-role" -> "[{\"type\":\"permit\"," + category + "," + role + "}]";
            default -> throw new IllegalArgumentException(row + ": no directive called " + row.directive());
        };
    }

    private static String change(AccessRuleTable.Row row, String provisions) {
        return row.patientsOwn() ? "{\"status\":\"active\",\"provisions\":" + provisions + "}"
                : "{\"status\":\"active\",\"atPatientsRequest\":true,\"reason\":\"The patient asked at the appointment today\","
                + "\"provisions\":" + provisions + "}";
    }

    /** A change naming the newest version (If-Match), or the first (If-None-Match: *), as a client that has just read it sends. */
    private static Api.Reply overNewest(Api.Client caller, String patient, String body) {
        int newest = Databases.count(Databases.HOSPITAL, "select coalesce(max(version), 0) from consent_directive"
                + " where patient_nhs_number = ? and scope = 'TREATMENT'", patient);
        String path = "/api/patients/" + patient + "/consent";
        return newest == 0 ? caller.putJson(path, body, "If-None-Match", "*") : caller.putJson(path, body, "If-Match", "\"" + newest + "\"");
    }

    /** A change's answer as the table names it: applied (2xx), refused (403 or 404), invalid (400). */
    private static String outcome(Api.Reply reply) {
        return switch (reply.status()) {
            case 200, 201 -> "applied";
            case 403, 404 -> "refused";
            case 400 -> "invalid";
            default -> "unexpected " + reply.status() + " " + reply.body();
        };
    }
}

package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/**
 * Fuzzing from the contract (issue 19): the live {@code /openapi} document is read and every operation in it gets bad
 * input made from its own description: wrong, overlong and control-character values for each path and query parameter,
 * invalid NHS numbers and dates, malformed, empty, oversized and deeply nested JSON, each body property given the wrong
 * type, wrong media types, and forged, unsigned, expired or missing tokens. No answer may be a 5xx, every error must be
 * problem+json, and no body may carry a stack trace or SQL. An endpoint is fuzzed the day it is added to the API.
 *
 * <p>Requests go as the first demo caller the operation lets in (so that bad input reaches validation, not only the
 * access check), about a patient registered for this test with every kind of relationship; path ids that are not the
 * patient's NHS number name nothing that exists, so no fuzzed request can change another test's data.
 */
class ApiFuzzIT extends IcrDeployment {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** What must never reach a client: a stack frame, an exception's class, the database's or the ORM's words. */
    private static final Pattern LEAK = Pattern.compile("(\\tat [a-z]|\\bat (java|org|jakarta|uk)\\.[a-z]|[A-Za-z]+Exception\\b|org\\.hibernate"
            + "|org\\.postgresql|SQLState|\\bselect\\b[^\"]{0,200}\\bfrom\\b|\\binsert into\\b|\\bupdate \\w+ set\\b)", Pattern.CASE_INSENSITIVE);
    private static final String NONEXISTENT_ID = "987654321";
    private static final String LONG = "x".repeat(5000);
    private static final String CONTROL = "a\u0000b\u0007c\u001bd\u202ee";

    /** A fuzzed request and what came back. */
    record Probe(String label, String method, String path, int status, String contentType, String body) {
    }

    private JsonObject document;
    private String patient;
    private Map<String, Api.Client> callers;
    private final List<String> violations = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int requests;

    @Test
    void every_operation_answers_bad_input_with_a_4xx_problem_and_never_a_5xx() {
        Api.Reply reply = Api.getAbsolute(Api.BASE + "/openapi?format=JSON");
        assertEquals(200, reply.status(), reply.body());
        document = Json.createReader(new StringReader(reply.body())).readObject();
        patient = aPatientEveryoneMaySee();
        callers = callers(patient);

        int operations = 0;
        for (Map.Entry<String, JsonValue> path : document.getJsonObject("paths").entrySet()) {
            for (Map.Entry<String, JsonValue> operation : path.getValue().asJsonObject().entrySet()) {
                if (METHODS.contains(operation.getKey())) {
                    fuzz(operation.getKey().toUpperCase(), path.getKey(), operation.getValue().asJsonObject());
                    operations++;
                }
            }
        }
        System.out.printf("api-fuzz: %d operations in /openapi, %d requests, answers by status %s, %d violation(s)%n", operations,
                requests, statuses, violations.size());
        assertTrue(operations >= 100, "the document lists the API's operations: " + operations);
        assertEquals(0, statuses.keySet().stream().filter(s -> s >= 500).mapToInt(statuses::get).sum(), "5xx answers: " + violations);
        assertEquals(List.of(), violations.subList(0, Math.min(40, violations.size())), violations.size() + " violation(s)");
    }

    /** Registered at Beech Road, admitted at Northgate, on the social worker's caseload and on a care worker's rota. */
    private static String aPatientEveryoneMaySee() {
        TestPatients patient = TestPatients.aPatient();
        assertEquals(201, Api.postJson("/api/patients", patient.json()).status());
        String nhsNumber = patient.nhsNumber();
        Databases.openAdmission(nhsNumber, "RXA");
        Databases.admit(nhsNumber, "RXA");
        Databases.allocateToCaseload(nhsNumber, "social.worker");
        Databases.onRotaNow(nhsNumber, "care.worker", "CP001");
        return nhsNumber;
    }

    /** Every kind of caller the API has, in the order they are tried. */
    private static Map<String, Api.Client> callers(String patient) {
        Map<String, Api.Client> callers = new LinkedHashMap<>();
        String[][] staff = {{"gp.beech", "GP"}, {"clinician.northgate", "HOSPITAL_CLINICIAN"}, {"nurse.northgate", "NURSE"},
                {"social.worker", "SOCIAL_WORKER"}, {"care.worker", "CARE_WORKER"}, {"care.coordinator", "CARE_COORDINATOR"},
                {"admin.beech", "ADMIN"}, {"privacy.officer", "PRIVACY_OFFICER"}, {"donation.nurse", "ORGAN_DONATION_NURSE"},
                {"contact.centre", "CONTACT_CENTRE"}, {"researcher.ada", "RESEARCHER"}, {"checker.lin", "OUTPUT_CHECKER"},
                {"committee.chair", "DATA_ACCESS_COMMITTEE"}};
        for (String[] member : staff) {
            callers.put(member[0], Api.as(Tokens.staff(member[0], member[1]).sign()));
        }
        callers.put("patient", Api.as(Tokens.patient(patient).sign()));
        return callers;
    }

    private void fuzz(String method, String template, JsonObject operation) {
        List<JsonObject> parameters = parameters(operation);
        Map<String, String> pathValues = new LinkedHashMap<>();
        parameters.stream().filter(p -> p.getString("in").equals("path"))
                .forEach(p -> pathValues.put(p.getString("name"), p.getString("name").equals("nhsNumber") ? patient : NONEXISTENT_ID));
        String path = expand(template, pathValues);
        JsonObject body = operation.containsKey("requestBody") ? operation.getJsonObject("requestBody").getJsonObject("content") : null;
        Api.Client caller = callerFor(method, path, body);

        // forged, unsigned, expired and missing tokens
        send("token signed with another key", Api.as(Tokens.staff("gp.beech", "GP").signedWithAnotherKey().sign()), method, path, body);
        send("unsigned token", Api.as(Tokens.staff("gp.beech", "GP").unsigned().sign()), method, path, body);
        send("expired token", Api.as(Tokens.staff("gp.beech", "GP").expired().sign()), method, path, body);
        send("no token", Api.as(null), method, path, body);

        // each path parameter wrong in turn
        for (String name : pathValues.keySet()) {
            List<String> bad = name.equals("nhsNumber")
                    ? List.of("123", "9990000019", "999000001X", "9".repeat(40), "%00", "999%20000%200018%0A")
                    : List.of("abc", "-1", "0", "99999999999999999999999", LONG.substring(0, 300), "%00%07", "1.5", "%E2%80%AE");
            for (String value : bad) {
                Map<String, String> values = new LinkedHashMap<>(pathValues);
                values.put(name, value);
                send("path " + name + "=" + abbreviate(value), caller, method, expand(template, values), body);
            }
        }
        // each query parameter wrong in turn
        for (JsonObject query : parameters.stream().filter(p -> p.getString("in").equals("query")).toList()) {
            for (String value : List.of("abc", "-1", "99999999999999999999999", "2024-13-45", "9990000019", LONG, CONTROL, "")) {
                send("query " + query.getString("name") + "=" + abbreviate(value), caller, method,
                        path + "?" + query.getString("name") + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8), body);
            }
        }
        if (body == null) {
            if (method.equals("GET") || method.equals("DELETE")) {
                send("a body where none belongs", caller, method, path, "application/json", "{\"unexpected\":true}");
            }
            return;
        }
        for (String mediaType : body.keySet()) {
            if (mediaType.contains("json")) {
                fuzzJson(caller, method, path, mediaType, properties(body.getJsonObject(mediaType)));
            } else {
                send("garbage as " + mediaType, caller, method, path, mediaType, "\u0000\u00ff,\"\n--x\r\n" + LONG);
                send("empty " + mediaType, caller, method, path, mediaType, "");
            }
        }
        send("JSON as text/plain", caller, method, path, "text/plain", "{}");
        send("XML", caller, method, path, "application/xml", "<patient><nhsNumber>9990000018</nhsNumber></patient>");
        send("no content type", caller, method, path, null, "{}");
    }

    private void fuzzJson(Api.Client caller, String method, String path, String mediaType, Map<String, JsonObject> properties) {
        Map<String, Object> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", "{\"a\": ");
        bodies.put("empty body", "");
        bodies.put("JSON null", "null");
        bodies.put("JSON array", "[]");
        bodies.put("JSON string", "\"text\"");
        bodies.put("empty object", "{}");
        bodies.put("an unknown field", "{\"unexpected\": {\"deep\": [1, 2, 3]}}");
        bodies.put("nested 5000 deep", "[".repeat(5000) + "]".repeat(5000));
        // just past the API's 1 MiB limit (ICR_MAX_BODY_BYTES): as refused as a larger one, and quicker to send for every operation
        bodies.put("1 MiB of JSON and more", "{\"a\": \"" + "x".repeat(1024 * 1024 + 1024) + "\"}");
        bodies.put("invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, (byte) 0x28, (byte) 0xff, '"', '}'});
        for (Map.Entry<String, JsonObject> property : properties.entrySet()) {
            String name = property.getKey();
            String type = property.getValue().getString("type", "");
            for (String value : List.of("{\"a\": 1}", "[1, 2]", "123456789012345678901234567890", "-1.5e308", "true",
                    Json.createValue(LONG).toString(), Json.createValue(CONTROL).toString(), "\"2024-02-30\"", "\"9990000019\"",
                    "\"<script>alert(1)</script>\"", "null")) {
                if (value.startsWith("\"") && type.equals("string") && !value.contains("2024") && !value.contains("999")
                        && !value.contains("<")) {
                    continue; // a plain string for a string property: nothing wrong with it
                }
                bodies.put(name + "=" + abbreviate(value), "{" + Json.createValue(name) + ": " + value + "}");
            }
        }
        for (Map.Entry<String, Object> body : bodies.entrySet()) {
            send(body.getKey(), caller, method, path, mediaType,
                    body.getValue() instanceof byte[] bytes ? bytes : ((String) body.getValue()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The first caller the operation does not refuse outright (401/403), so that bad input reaches its validation. */
    private Api.Client callerFor(String method, String path, JsonObject body) {
        String contentType = body == null ? null : body.keySet().stream().filter(t -> t.contains("json")).findFirst().orElse(null);
        for (Api.Client caller : callers.values()) {
            int status = caller.exchange(method, path, contentType, contentType == null ? null : "{}".getBytes(StandardCharsets.UTF_8)).status();
            if (status != 401 && status != 403) {
                return caller;
            }
        }
        return callers.get("gp.beech");
    }

    private void send(String label, Api.Client caller, String method, String path, JsonObject body) {
        String contentType = body == null ? null : body.keySet().stream().filter(t -> t.contains("json")).findFirst().orElse(null);
        send(label, caller, method, path, contentType, contentType == null ? null : "{}");
    }

    private void send(String label, Api.Client caller, String method, String path, String contentType, String body) {
        send(label, caller, method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private void send(String label, Api.Client caller, String method, String path, String contentType, byte[] body) {
        requests++;
        Api.Reply reply;
        try {
            reply = caller.exchange(method, path, contentType, body);
        } catch (UncheckedIOException e) {
            violations.add(method + " " + path + " [" + label + "]: no answer (" + e.getCause().getClass().getSimpleName() + ")");
            statuses.merge(0, 1, Integer::sum);
            return;
        }
        statuses.merge(reply.status(), 1, Integer::sum);
        String type = reply.header("Content-Type");
        String where = method + " " + abbreviate(path) + " [" + label + "]: " + reply.status();
        if (reply.status() >= 500) {
            violations.add(where + " " + abbreviate(reply.body()));
        } else if (reply.status() >= 400 && (type == null || !type.startsWith("application/problem+json"))) {
            violations.add(where + " is not problem+json but " + type);
        }
        if (LEAK.matcher(reply.body()).find()) {
            violations.add(where + " leaks implementation detail: " + abbreviate(reply.body()));
        }
    }

    private List<JsonObject> parameters(JsonObject operation) {
        if (!operation.containsKey("parameters")) {
            return List.of();
        }
        return operation.getJsonArray("parameters").getValuesAs(JsonValue::asJsonObject).stream().map(this::resolve).toList();
    }

    /** The body schema's properties (through a $ref, or an array's items); none when it has none. */
    private Map<String, JsonObject> properties(JsonObject mediaType) {
        if (!mediaType.containsKey("schema")) {
            return Map.of();
        }
        JsonObject schema = resolve(mediaType.getJsonObject("schema"));
        if (schema.containsKey("items")) {
            schema = resolve(schema.getJsonObject("items"));
        }
        Map<String, JsonObject> properties = new LinkedHashMap<>();
        if (schema.containsKey("properties")) {
            schema.getJsonObject("properties").forEach((name, value) -> properties.put(name, resolve(value.asJsonObject())));
        }
        return properties;
    }

    private JsonObject resolve(JsonObject object) {
        if (!object.containsKey("$ref")) {
            return object;
        }
        JsonObject target = document;
        for (String part : object.getString("$ref").substring(2).split("/")) {
            target = target.getJsonObject(part);
        }
        return resolve(target);
    }

    private static String expand(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("[\\p{Cntrl}]", "?");
        return flat.length() <= 60 ? flat : flat.substring(0, 60) + "...(" + flat.length() + ")";
    }
}

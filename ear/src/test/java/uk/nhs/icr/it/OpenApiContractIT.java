package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API's OpenAPI document as the deployed server serves it, read as a partner's tools read it: OpenAPI Generator's
 * validation and Redocly CLI's lint with its recommended rules ({@code web-module/api/redocly.yaml}) find no error, and
 * every operation can be called from a generated client by a name of its own, with its errors described; and nothing in
 * it breaks a client of the published contract unless a new version says so ({@link ContractChange}).
 */
class OpenApiContractIT extends IcrDeployment {

    private static final Path DIR = Path.of(System.getProperty("icr.test.report-dir", "target"), "openapi");
    private static final Path PUBLISHED = Path.of(System.getProperty("icr.test.published-contract"));
    private static final Path CHANGELOG = Path.of(System.getProperty("icr.test.api-changelog"));
    private static Path yaml;
    private static String servedJson;
    private static JsonObject document;

    @BeforeAll
    static void fetch() throws IOException {
        Files.createDirectories(DIR);
        Api.Reply served = Api.get("/openapi");
        assertEquals(200, served.status(), served.body());
        yaml = Files.writeString(DIR.resolve("openapi.yaml"), served.body());
        Api.Reply json = Api.get("/openapi?format=JSON");
        assertEquals(200, json.status(), json.body());
        servedJson = json.body();
        // a release publishes this file as web-module/api/contract/published.json
        Files.writeString(DIR.resolve("openapi.json"), servedJson);
        document = parse(servedJson);
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " finished");
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    @Test
    void openapi_generator_validates_the_document_without_an_error() throws Exception {
        Run validated = run("java", "-jar", System.getProperty("icr.test.openapi-generator-jar"), "validate", "-i", yaml.toString());
        Files.writeString(DIR.resolve("openapi-generator-validate.txt"), validated.output());
        assertEquals(0, validated.exit(), validated.output());
        assertTrue(validated.output().contains("No validation issues detected"), validated.output());
    }

    @Test
    void redocly_lints_the_document_with_its_recommended_rules_and_finds_no_error() throws Exception {
        Path report = DIR.resolve("redocly-lint.json");
        Run linted = run(System.getProperty("icr.test.redocly"), "lint", "--config", System.getProperty("icr.test.redocly-config"),
                "--format", "json", "--max-problems", "10000", yaml.toString());
        // the report is JSON after whatever the command prints first (a notice about Node.js versions, say)
        String output = linted.output();
        Files.writeString(report, output);
        JsonObject totals;
        try (JsonReader reader = Json.createReader(new StringReader(output.substring(output.indexOf('{'))))) {
            totals = reader.readObject().getJsonObject("totals");
        }
        List<String> errors = new ArrayList<>();
        try (JsonReader reader = Json.createReader(new StringReader(output.substring(output.indexOf('{'))))) {
            reader.readObject().getJsonArray("problems").getValuesAs(JsonObject.class).stream()
                    .filter(problem -> "error".equals(problem.getString("severity", ""))).limit(20)
                    .forEach(problem -> errors.add(problem.getString("ruleId", "") + ": " + problem.getString("message", "")));
        }
        assertEquals(0, totals.getInt("errors"), "errors (all in " + report + "): " + errors);
    }

    @Test
    void every_operation_has_a_name_of_its_own_a_summary_a_bearer_token_and_its_errors_as_problem_details() {
        assertTrue(document.getJsonArray("security").toString().contains("bearer"), "a bearer token on every operation");
        assertEquals("http", document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("bearer").getString("type"));
        Set<String> names = new HashSet<>();
        List<String> wanting = new ArrayList<>();
        int operations = 0;
        for (var path : document.getJsonObject("paths").entrySet()) {
            for (var method : path.getValue().asJsonObject().entrySet()) {
                if (method.getValue().getValueType() != JsonValue.ValueType.OBJECT || method.getKey().equals("parameters")) {
                    continue;
                }
                operations++;
                JsonObject operation = method.getValue().asJsonObject();
                String where = method.getKey().toUpperCase() + " " + path.getKey();
                String name = operation.getString("operationId", "");
                if (name.isEmpty() || !names.add(name)) {
                    wanting.add(where + ": operationId '" + name + "' missing or not its own");
                }
                if (operation.getString("summary", "").isBlank()) {
                    wanting.add(where + ": no summary");
                }
                JsonObject responses = operation.getJsonObject("responses");
                for (String status : List.of("401", "403", "500", "503")) {
                    if (!responses.containsKey(status)) {
                        wanting.add(where + ": no " + status);
                    }
                }
                for (var response : responses.entrySet()) {
                    if (response.getKey().matches("[45]\\d\\d") && !problemDetails(response.getValue().asJsonObject())) {
                        wanting.add(where + ": its " + response.getKey() + " is not described as problem details");
                    }
                }
            }
        }
        assertTrue(operations > 100, "the whole API is described: " + operations + " operations");
        assertEquals(List.of(), wanting);
    }

    @Test
    void every_json_request_and_answer_shows_an_example() {
        List<String> without = new ArrayList<>();
        for (var path : document.getJsonObject("paths").entrySet()) {
            for (var method : path.getValue().asJsonObject().entrySet()) {
                if (method.getValue().getValueType() != JsonValue.ValueType.OBJECT || method.getKey().equals("parameters")) {
                    continue;
                }
                JsonObject operation = method.getValue().asJsonObject();
                String where = method.getKey().toUpperCase() + " " + path.getKey();
                if (operation.containsKey("requestBody")) {
                    withoutExample(operation.getJsonObject("requestBody"), where + " request", without);
                }
                for (var response : operation.getJsonObject("responses").entrySet()) {
                    if (response.getKey().startsWith("2")) {
                        withoutExample(response.getValue().asJsonObject(), where + " " + response.getKey(), without);
                    }
                }
            }
        }
        assertEquals(List.of(), without);
    }

    private static void withoutExample(JsonObject body, String where, List<String> without) {
        JsonObject content = body.getJsonObject("content");
        if (content == null) {
            return;
        }
        content.forEach((mediaType, media) -> {
            if (mediaType.contains("json") && !media.asJsonObject().containsKey("example") && !media.asJsonObject().containsKey("examples")) {
                without.add(where + " (" + mediaType + ")");
            }
        });
    }

    @Test
    void the_providers_oauth_flows_and_scopes_are_declared_and_paged_lists_document_their_link_header() {
        JsonObject oauth = document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("oauth2");
        assertEquals("oauth2", oauth.getString("type"));
        JsonObject clientCredentials = oauth.getJsonObject("flows").getJsonObject("clientCredentials");
        assertEquals(IdentityProvider.BASE.replace("8380", "8280") + "/realms/icr/protocol/openid-connect/token",
                clientCredentials.getString("tokenUrl"), "the sandbox provider's token endpoint, by default");
        assertEquals(Set.of("record:read", "record:write", "preferences:write"), clientCredentials.getJsonObject("scopes").keySet());
        assertTrue(oauth.getJsonObject("flows").getJsonObject("authorizationCode").containsKey("authorizationUrl"));
        assertTrue(document.getJsonArray("security").toString().contains("oauth2"));

        JsonObject search = document.getJsonObject("paths").getJsonObject("/api/patients").getJsonObject("get");
        assertTrue(search.getJsonObject("responses").getJsonObject("200").getJsonObject("headers").containsKey("Link"),
                "a paged list documents its Link header");
    }

    @Test
    void paging_and_dates_are_typed_as_a_generated_client_sends_them() {
        List<String> untyped = new ArrayList<>();
        for (var path : document.getJsonObject("paths").entrySet()) {
            for (var method : path.getValue().asJsonObject().entrySet()) {
                if (method.getValue().getValueType() != JsonValue.ValueType.OBJECT || !method.getValue().asJsonObject().containsKey("parameters")) {
                    continue;
                }
                for (JsonObject parameter : method.getValue().asJsonObject().getJsonArray("parameters").getValuesAs(JsonObject.class)) {
                    String name = parameter.getString("name");
                    String schema = parameter.containsKey("schema") ? parameter.getJsonObject("schema").toString() : "";
                    if ((name.equals("page") || name.equals("size")) && !schema.contains("\"integer\"")) {
                        untyped.add(path.getKey() + " " + name + " " + schema);
                    }
                    if (parameter.getString("description", "").contains("YYYY-MM-DD") && !schema.contains("\"date\"")) {
                        untyped.add(path.getKey() + " " + name + " " + schema);
                    }
                }
            }
        }
        assertEquals(List.of(), untyped);
    }

    @Test
    void the_served_contract_keeps_every_promise_of_the_published_one_or_says_in_a_new_version_why_not() throws IOException {
        ContractChange change = ContractChange.between(Files.readString(PUBLISHED), servedJson);
        Files.writeString(DIR.resolve("contract-diff.md"), change.report());
        assertEquals(List.of(), change.objections(Files.readString(CHANGELOG)),
                "OpenAPI Diff's report: " + DIR.resolve("contract-diff.md"));
    }

    @Test
    void a_breaking_change_passes_only_with_a_new_major_version_and_its_changelog_entry() throws IOException {
        String published = Files.readString(PUBLISHED);
        String changelog = Files.readString(CHANGELOG);
        JsonObject publishedDocument = parse(published);
        JsonObject withoutSummary = Json.createObjectBuilder(publishedDocument)
                .add("paths", Json.createObjectBuilder(publishedDocument.getJsonObject("paths")).remove("/api/patients/{nhsNumber}/summary"))
                .build();

        ContractChange removed = ContractChange.between(published, withoutSummary.toString());
        assertTrue(removed.breaksClients(), "a client calling the summary would break");
        List<String> sameVersion = removed.objections(changelog);
        assertEquals(1, sameVersion.size(), sameVersion.toString());
        assertTrue(sameVersion.get(0).contains("/api/patients/{nhsNumber}/summary"), sameVersion.toString());

        String version2 = Json.createObjectBuilder(withoutSummary)
                .add("info", Json.createObjectBuilder(withoutSummary.getJsonObject("info")).add("version", "2.0.0")).build().toString();
        ContractChange asVersion2 = ContractChange.between(published, version2);
        assertEquals(1, asVersion2.objections(changelog).size(), "a new version without its changelog entry");
        assertEquals(List.of(), asVersion2.objections(changelog + "\n## 2.0.0 (2027-01-04)\n\nThe summary moves to FHIR.\n"));

        ContractChange added = ContractChange.between(withoutSummary.toString(), published);
        assertFalse(added.breaksClients(), "a new operation breaks nobody");
        assertEquals(List.of(), added.objections(changelog));
    }

    /** A response given as application/problem+json with the Problem schema, directly or through components/responses. */
    private static boolean problemDetails(JsonObject response) {
        JsonObject resolved = response;
        if (response.containsKey("$ref")) {
            String ref = response.getString("$ref");
            resolved = document.getJsonObject("components").getJsonObject("responses").getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
        }
        JsonObject content = resolved.getJsonObject("content");
        return content != null && content.containsKey("application/problem+json")
                && content.getJsonObject("application/problem+json").toString().contains("#/components/schemas/Problem");
    }
}

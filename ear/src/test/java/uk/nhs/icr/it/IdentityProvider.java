package uk.nhs.icr.it;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

/**
 * The suite's OpenID Connect provider (Keycloak with the ICR realm, started by the build: server-config/bin/keycloak.sh
 * --test), used as a partner or the app would use it: tokens from its token endpoint, never signed here. The users and
 * clients a test needs are made through the provider's admin REST API: a member of staff holding exactly the roles the
 * test names, a patient bound to their NHS number, a partner client with the scopes it may ask for.
 */
public final class IdentityProvider {

    public static final String BASE = System.getProperty("icr.test.oidc.url", "http://localhost:8380");
    /** The realm's issuer: what the server is configured to accept (mp.jwt.verify.issuer). */
    public static final String ISSUER = BASE + "/realms/icr";
    public static final String TOKEN_ENDPOINT = ISSUER + "/protocol/openid-connect/token";
    /** The audience the realm puts in every token it issues for ICR (mp.jwt.verify.audiences). */
    public static final String AUDIENCE = "icr-api";
    /** The realm's public client for first-party tokens (the app, the demo token script). */
    static final String APP_CLIENT = "icr-app";

    private static final String ADMIN = BASE + "/admin/realms/icr";
    private static final String ADMIN_USER = System.getProperty("icr.test.oidc.admin", "admin");
    private static final String ADMIN_PASSWORD = System.getProperty("icr.test.oidc.admin-password", "icr-keycloak-local");
    /** Every user this suite signs in gets this password, set when the suite first uses them. */
    private static final String PASSWORD = "icr-test-" + UUID.randomUUID();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();
    private static final Set<String> PASSWORD_SET = ConcurrentHashMap.newKeySet();
    private static Token admin;

    private IdentityProvider() {
    }

    /** A token for a member of staff holding exactly {@code roles} in the provider (none: a user with no ICR role). */
    public static String staffToken(String username, List<String> roles) {
        return userToken(username, roles, Map.of());
    }

    /** A token for the patient with this NHS number, as NHS login would issue one to the app. */
    public static String patientToken(String nhsNumber) {
        return userToken(nhsNumber, List.of("PATIENT"), Map.of("nhs_number", nhsNumber));
    }

    private static String userToken(String username, List<String> roles, Map<String, String> attributes) {
        String key = username + "|" + roles.stream().sorted().collect(Collectors.joining(","));
        Token cached = TOKENS.get(key);
        if (cached != null && cached.fresh()) {
            return cached.value;
        }
        synchronized (IdentityProvider.class) {
            String id = user(username, attributes);
            grantExactly(id, roles);
            Token token = Token.from(form(TOKEN_ENDPOINT, Map.of("grant_type", "password", "client_id", APP_CLIENT,
                    "username", username, "password", PASSWORD)));
            TOKENS.put(key, token);
            return token.value;
        }
    }

    /** A client-credentials token for a partner client, asking for {@code scope} (space-separated; empty: none). */
    public static JsonObject clientCredentials(String clientId, String secret, String scope) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
        if (!scope.isEmpty()) {
            fields.put("scope", scope);
        }
        return form(TOKEN_ENDPOINT, fields);
    }

    /** The token endpoint's answer to these fields, whatever its status (a refusal is a JSON error object too). */
    public static JsonObject form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /**
     * A confidential partner client with a service account: client credentials with {@code secret}, the service account
     * holding {@code role}, allowed to ask for the realm's record and preference scopes. Returns the service account's
     * username, which ICR's staff directory must know (as it must know any member of staff).
     */
    public static String createPartnerClient(String clientId, String secret, String role) {
        synchronized (IdentityProvider.class) {
            // a client left by an earlier run against the same provider is replaced
            for (JsonValue existing : json(expect(200, admin("GET", ADMIN + "/clients?clientId=" + encode(clientId), null)))
                    .asJsonArray()) {
                expect(204, admin("DELETE", ADMIN + "/clients/" + existing.asJsonObject().getString("id"), null));
            }
            JsonObject client = Json.createObjectBuilder()
                    .add("clientId", clientId).add("enabled", true).add("publicClient", false)
                    .add("clientAuthenticatorType", "client-secret").add("secret", secret)
                    .add("standardFlowEnabled", false).add("directAccessGrantsEnabled", false)
                    .add("serviceAccountsEnabled", true)
                    .add("defaultClientScopes", Json.createArrayBuilder().add("icr"))
                    .add("optionalClientScopes", Json.createArrayBuilder().add("record:read").add("record:write")
                            .add("preferences:write"))
                    .build();
            String location = expect(201, admin("POST", ADMIN + "/clients", client)).headers().firstValue("Location")
                    .orElseThrow();
            String clientUuid = location.substring(location.lastIndexOf('/') + 1);
            JsonObject account = json(expect(200, admin("GET", ADMIN + "/clients/" + clientUuid + "/service-account-user", null)))
                    .asJsonObject();
            grantExactly(account.getString("id"), List.of(role));
            return account.getString("username");
        }
    }

    /** The key id of the test key keycloak.sh --test registered (component icr-test-token-key). */
    static String testKeyId() {
        JsonArray components = json(expect(200, admin("GET", ADMIN + "/components?name=icr-test-token-key", null))).asJsonArray();
        if (components.isEmpty()) {
            throw new IllegalStateException("the provider publishes no test key (server-config/bin/keycloak.sh start --test)");
        }
        String component = components.getJsonObject(0).getString("id");
        return json(expect(200, admin("GET", ADMIN + "/keys", null))).asJsonObject().getJsonArray("keys").stream()
                .map(JsonValue::asJsonObject)
                .filter(key -> component.equals(key.getString("providerId", "")))
                .map(key -> key.getString("kid"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no key of component " + component));
    }

    /** The provider's user with this username (created if missing), with the suite's password set once per run. */
    private static String user(String username, Map<String, String> attributes) {
        JsonArray found = json(expect(200, admin("GET", ADMIN + "/users?exact=true&username=" + encode(username), null)))
                .asJsonArray();
        String id;
        if (found.isEmpty()) {
            var attributeValues = Json.createObjectBuilder();
            attributes.forEach((name, value) -> attributeValues.add(name, Json.createArrayBuilder().add(value)));
            JsonObject user = Json.createObjectBuilder()
                    .add("username", username).add("enabled", true).add("firstName", "Test").add("lastName", "User")
                    .add("email", UUID.randomUUID() + "@icr.invalid").add("emailVerified", true)
                    .add("attributes", attributeValues).add("requiredActions", Json.createArrayBuilder())
                    .add("credentials", Json.createArrayBuilder().add(password()))
                    .build();
            String location = expect(201, admin("POST", ADMIN + "/users", user)).headers().firstValue("Location").orElseThrow();
            id = location.substring(location.lastIndexOf('/') + 1);
            PASSWORD_SET.add(id);
        } else {
            id = found.getJsonObject(0).getString("id");
        }
        if (PASSWORD_SET.add(id)) {
            expect(204, admin("PUT", ADMIN + "/users/" + id + "/reset-password", password()));
        }
        return id;
    }

    private static JsonObject password() {
        return Json.createObjectBuilder().add("type", "password").add("value", PASSWORD).add("temporary", false).build();
    }

    /** Realm roles mapped to the user: exactly {@code roles} (a role the realm lacks is made first). */
    private static void grantExactly(String userId, List<String> roles) {
        String mappings = ADMIN + "/users/" + userId + "/role-mappings/realm";
        JsonArray current = json(expect(200, admin("GET", mappings, null))).asJsonArray();
        Set<String> held = new HashSet<>();
        JsonArrayBuilder extra = Json.createArrayBuilder();
        for (JsonValue value : current) {
            JsonObject role = value.asJsonObject();
            if (roles.contains(role.getString("name"))) {
                held.add(role.getString("name"));
            } else {
                extra.add(role);
            }
        }
        JsonArray toRemove = extra.build();
        if (!toRemove.isEmpty()) {
            expect(204, admin("DELETE", mappings, toRemove));
        }
        JsonArrayBuilder missing = Json.createArrayBuilder();
        roles.stream().filter(role -> !held.contains(role)).forEach(role -> missing.add(realmRole(role)));
        JsonArray toAdd = missing.build();
        if (!toAdd.isEmpty()) {
            expect(204, admin("POST", mappings, toAdd));
        }
    }

    private static JsonObject realmRole(String name) {
        HttpResponse<String> found = admin("GET", ADMIN + "/roles/" + encode(name), null);
        if (found.statusCode() == 404) {
            expect(201, admin("POST", ADMIN + "/roles", Json.createObjectBuilder().add("name", name).build()));
            found = admin("GET", ADMIN + "/roles/" + encode(name), null);
        }
        return json(expect(200, found)).asJsonObject();
    }

    /** An admin REST API call as the provider's administrator. */
    static HttpResponse<String> admin(String method, String url, JsonStructure body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + adminToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    private static synchronized String adminToken() {
        if (admin == null || !admin.fresh()) {
            admin = Token.from(form(BASE + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                    "client_id", "admin-cli", "username", ADMIN_USER, "password", ADMIN_PASSWORD)));
        }
        return admin.value;
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + ": expected " + status
                    + ", the provider answered " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static JsonStructure json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).read();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenID Connect provider at " + BASE + " (server-config/bin/keycloak.sh --test)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An access token and when to stop using it: a minute before it expires (a quarter of its life, if that is shorter). */
    private record Token(String value, Instant useUntil) {
        static Token from(JsonObject answer) {
            if (!answer.containsKey("access_token")) {
                throw new IllegalStateException("the provider issued no token: " + answer);
            }
            long lifetime = answer.getJsonNumber("expires_in").longValue();
            return new Token(answer.getString("access_token"), Instant.now().plusSeconds(lifetime - Math.min(60, lifetime / 4)));
        }

        boolean fresh() {
            return Instant.now().isBefore(useUntil);
        }
    }
}

package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partner systems sign in to the identity provider as clients (client credentials, or a signed JWT:
 * {@code private_key_jwt}) and reach patient data only within the scopes their token was granted, decided at the access
 * decision point like every other rule: {@code record:read} to read or search, {@code record:write} to write. A genuine
 * token from another issuer (the provider's own master realm) is refused like a forged one.
 */
class PartnerTokensIT extends IcrDeployment {

    private static final String SECRET = "partner-it-" + UUID.randomUUID();
    private static String clientId;
    private static String patient;

    @BeforeAll
    static void aPartnerSystemOfBeechRoad() {
        clientId = "partner-it-" + UUID.randomUUID().toString().substring(0, 8);
        String serviceAccount = IdentityProvider.createPartnerClient(clientId, SECRET, "GP");
        Databases.createStaff(serviceAccount, "Y90001", "GP", UUID.randomUUID().toString());
        patient = Databases.firstDemoPatientAt("Y90001");
    }

    @Test
    void a_client_credentials_token_with_record_read_reads_and_searches_the_practices_patients() {
        Api.Client partner = Api.as(token("record:read"));
        assertEquals(200, partner.get("/api/patients/" + patient).status());
        assertEquals(200, partner.get("/api/patients/" + patient + "/record?size=5").status());
        assertEquals(200, partner.get("/api/patients?name=" + familyName()).status());
    }

    @Test
    void without_record_read_the_same_client_is_refused_403_before_anything_is_read() {
        Api.Client partner = Api.as(token(""));
        JsonObject problem = partner.get("/api/patients/" + patient + "/record").problem(403);
        assertTrue(problem.getString("detail").contains("record:read"), problem.toString());
        partner.get("/api/patients?name=" + familyName()).problem(403);
    }

    @Test
    void a_write_with_the_wrong_write_scope_is_refused_at_the_access_decision_point_and_audited() {
        int refusalsBefore = refusals("record:write");
        String allergy = Api.json("substance", "Latex", "reaction", "Rash", "severity", "mild", "notedAt", "2024-05-01");
        JsonObject problem = Api.as(token("record:read preferences:write")).postJson("/api/patients/" + patient + "/allergies",
                allergy).problem(403);
        assertTrue(problem.getString("detail").contains("record:write"), problem.toString());
        assertEquals(refusalsBefore + 1, refusals("record:write"), "the refusal for want of record:write is in the audit log");
    }

    @Test
    void without_record_read_no_list_a_rule_of_its_own_decides_is_served_either() {
        Api.Client partner = Api.as(token(""));
        partner.get("/api/practice/results-to-review").problem(403);
        partner.get("/api/practice/repeat-requests").problem(403);
        assertEquals(401, Api.getAbsolute(Api.BASE + "/fhir/Patient/" + patient, "Bearer nothing").status());
        assertEquals(403, Api.getAbsolute(Api.BASE + "/fhir/Patient/" + patient, "Bearer " + token("")).status(),
                "FHIR holds the token to its scopes too");
        assertEquals(200, Api.getAbsolute(Api.BASE + "/fhir/Patient/" + patient, "Bearer " + token("record:read")).status());
    }

    @Test
    void a_write_needs_a_write_scope_whatever_rule_decides_it() {
        JsonObject problem = Api.as(token("record:read")).postJson("/api/patients/" + patient + "/break-glass",
                Api.json("reason", "Unconscious in the emergency department")).problem(403);
        assertTrue(problem.getString("detail").contains("write"), problem.toString());
    }

    @Test
    void record_read_alone_writes_nothing_and_record_write_does() {
        String allergy = Api.json("substance", "Latex", "reaction", "Rash", "severity", "mild", "notedAt", "2024-05-01");
        Api.as(token("record:read")).postJson("/api/patients/" + patient + "/allergies", allergy).problem(403);
        assertEquals(201, Api.as(token("record:read record:write")).postJson("/api/patients/" + patient + "/allergies", allergy)
                .status());
    }

    @Test
    void the_sandbox_partner_clients_from_the_realm_file_sign_in_with_a_secret_and_with_a_signed_jwt() {
        JsonObject bySecret = IdentityProvider.clientCredentials("partner-demo", "partner-demo-local-secret", "record:read");
        assertEquals(200, Api.as(bySecret.getString("access_token")).get("/api/patients/" + patient).status());

        JsonObject byJwt = IdentityProvider.form(IdentityProvider.TOKEN_ENDPOINT, Map.of(
                "grant_type", "client_credentials", "client_id", "partner-demo-jwt", "scope", "record:read",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", clientAssertion("partner-demo-jwt")));
        assertTrue(byJwt.containsKey("access_token"), byJwt.toString());
        assertEquals(200, Api.as(byJwt.getString("access_token")).get("/api/patients/" + patient).status());
    }

    @Test
    void a_wrong_secret_gets_no_token_at_all() {
        JsonObject refused = IdentityProvider.clientCredentials(clientId, "not-the-secret", "record:read");
        assertEquals("unauthorized_client", refused.getString("error"), refused.toString());
    }

    /** Refused for the key it is signed with, which the ICR realm does not publish; TokenVariantsIT refuses the issuer itself. */
    @Test
    void a_genuine_token_from_another_issuer_is_401() {
        JsonObject master = IdentityProvider.form(IdentityProvider.BASE + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli",
                "username", System.getProperty("icr.test.oidc.admin", "admin"),
                "password", System.getProperty("icr.test.oidc.admin-password", "icr-keycloak-local")));
        Api.as(master.getString("access_token")).get("/api/patients/" + patient).problem(401);
        assertEquals(401, Api.getAbsolute(Api.BASE + "/fhir/Patient/" + patient, "Bearer " + master.getString("access_token"))
                .status(), "FHIR refuses it too");
    }

    private static String token(String scope) {
        JsonObject answer = IdentityProvider.clientCredentials(clientId, SECRET, scope);
        assertTrue(answer.containsKey("access_token"), answer.toString());
        return answer.getString("access_token");
    }

    /** A client assertion signed with the sandbox partner's key (server-config/keycloak), as RFC 7523 describes it. */
    private static String clientAssertion(String client) {
        long now = Instant.now().getEpochSecond();
        JsonObject claims = Json.createObjectBuilder().add("iss", client).add("sub", client)
                .add("aud", IdentityProvider.TOKEN_ENDPOINT).add("jti", UUID.randomUUID().toString())
                .add("iat", now).add("exp", now + 60).build();
        return Tokens.rs256(claims, Tokens.privateKey(Path.of(System.getProperty("icr.test.partner-jwt-key"))));
    }

    private static String familyName() {
        return Databases.patientRow(patient).get(2);
    }

    private static int refusals(String scope) {
        return Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?"
                + " and username = ? and outcome = 'DENIED' and reason like ?", patient, "service-account-" + clientId,
                "%" + scope + "%");
    }
}

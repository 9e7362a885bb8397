package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every way a bearer token can be wrong is refused before the API does anything, with a problem+json body:
 * 401 when the token (or its user) cannot be trusted, 403 when it can but claims what its holder may not.
 * The first group is refused by WildFly's MP-JWT verification (against the provider's published keys), the rest by the
 * caller checks behind it.
 */
class TokenVariantsIT extends IcrDeployment {

    private static String gpsPatient;

    @BeforeAll
    static void aPatientOfBeechRoad() {
        gpsPatient = "/api/patients/" + Databases.firstDemoPatientAt("Y90001");
    }

    @Test
    void the_genuine_token_is_accepted() {
        assertEquals(200, Api.as(Tokens.staff("gp.beech", "GP").sign()).get(gpsPatient).status());
    }

    @Test
    void a_token_signed_here_with_the_key_the_provider_publishes_is_accepted_so_the_refusals_below_are_for_their_flaw() {
        assertEquals(200, Api.as(Tokens.staff("gp.beech", "GP").craftedButValid().sign()).get(gpsPatient).status());
    }

    @Test
    void no_token_is_401_with_a_bearer_challenge() {
        Api.Reply reply = Api.as(null).get(gpsPatient);
        reply.problem(401);
        assertEquals("Bearer realm=\"icr\"", reply.header("WWW-Authenticate"));
    }

    @Test
    void an_unsigned_token_alg_none_is_401() {
        refused(401, Tokens.staff("gp.beech", "GP").unsigned());
    }

    @Test
    void an_hs256_token_keyed_with_the_public_key_is_401() {
        refused(401, Tokens.staff("gp.beech", "GP").hmacSignedWithThePublicKey());
    }

    @Test
    void an_expired_token_is_401() {
        refused(401, Tokens.staff("gp.beech", "GP").expired());
    }

    @Test
    void a_token_not_valid_yet_is_401() {
        refused(401, Tokens.staff("gp.beech", "GP").notYetValid());
    }

    @Test
    void a_token_from_another_issuer_is_401() {
        refused(401, Tokens.staff("gp.beech", "GP").issuedBy("https://evil.example/"));
    }

    @Test
    void a_token_for_another_audience_is_401() {
        refused(401, Tokens.staff("gp.beech", "GP").forAudience("another-service"));
    }

    @Test
    void a_token_signed_with_another_rsa_key_is_401() {
        refused(401, Tokens.staff("gp.beech", "GP").signedWithAnotherKey());
    }

    @Test
    void a_token_whose_payload_was_changed_after_signing_is_401() {
        refused(401, Tokens.staff("gp.beech", "GP").tamperedAfterSigning());
    }

    @Test
    void a_token_without_expiry_is_401() {
        refused(401, Tokens.staff("gp.beech", "GP").withoutExpiry());
    }

    @Test
    void a_garbage_token_is_401() {
        assertEquals(401, Api.as("not.a.jwt").get(gpsPatient).problem(401).getInt("status"));
    }

    @Test
    void a_token_for_a_user_the_directory_does_not_know_is_401() {
        refused(401, Tokens.staff("no.such.user", "GP"));
    }

    @Test
    void a_token_claiming_a_role_its_user_does_not_hold_is_403() {
        refused(403, Tokens.staff("gp.beech", "PRIVACY_OFFICER"));
        refused(403, Tokens.staff("gp.beech"));
    }

    @Test
    void a_disabled_accounts_token_is_401() {
        String user = newStaff("disabled");
        assertEquals(200, Api.as(Tokens.staff(user, "GP").sign()).get(gpsPatient).status(), "the account works at first");

        Databases.execute(Databases.HOSPITAL, "update staff set enabled = false where username = ?", user);

        refused(401, Tokens.staff(user, "GP"));
    }

    @Test
    void a_locked_accounts_token_is_401() {
        String user = newStaff("locked");
        assertEquals(200, Api.as(Tokens.staff(user, "GP").sign()).get(gpsPatient).status(), "the account works at first");

        for (int i = 0; i < 5; i++) {
            Portal.attemptSignIn(user, "wrong-" + i);
        }
        assertEquals(1, Databases.count(Databases.HOSPITAL,
                "select count(*) from staff where username = ? and locked_until > now()", user), "locked by the portal");

        refused(401, Tokens.staff(user, "GP"));
    }

    @Test
    void a_patient_token_is_bound_to_its_own_nhs_number() {
        String own = Databases.firstDemoPatientAt("Y90001");
        String other = Databases.firstDemoPatientAt("Y90002");
        Api.Client patient = Api.as(Tokens.patient(own).sign());

        assertEquals(200, patient.get("/api/patients/" + own + "/access-log").status());
        patient.get("/api/patients/" + other + "/access-log").problem(403);
        patient.get("/api/patients/" + other + "/record").problem(403);
    }

    private static void refused(int status, Tokens token) {
        Api.Reply reply = Api.as(token.sign()).get(gpsPatient);
        assertEquals(status, reply.problem(status).getInt("status"));
    }

    /** A GP at Beech Road Surgery made for one test, with the demo password's counterpart. */
    private static String newStaff(String kind) {
        String user = kind + "." + TestPatients.uniqueFamilyName().toLowerCase();
        Databases.createStaff(user, "Y90001", "GP", "right-password-1");
        return user;
    }
}

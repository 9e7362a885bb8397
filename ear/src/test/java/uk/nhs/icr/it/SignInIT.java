package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Portal form sign-in (Elytron JDBC realm, bcrypt) and API bearer tokens: who gets in, and who does not. */
class SignInIT extends IcrDeployment {

    @Test
    void an_unauthenticated_portal_request_gets_the_sign_in_page() {
        Api.Reply page = Api.getAbsolute(Api.BASE + "/patients/search.xhtml");

        assertEquals(200, page.status());
        assertTrue(page.body().contains("j_security_check"), "the sign-in form is shown");
        assertTrue(!page.body().contains("byNumber:nhsNumber"), "not the search page");
    }

    @Test
    void signing_in_changes_the_session_id_and_every_page_shows_name_role_and_organisation() {
        Portal.SignInAttempt attempt = Portal.attemptSignIn("nurse.northgate", Portal.DEMO_PASSWORD);
        assertEquals(302, attempt.reply().status());
        assertNotEquals(attempt.cookieBefore(), attempt.cookieAfter(), "session fixation protection");

        Api.Reply page = Api.getWithCookie("/patients/search.xhtml", attempt.cookieAfter());
        assertTrue(page.body().contains("id=\"userName\">Nurse Jack Evans"), page.body());
        assertTrue(page.body().contains("id=\"userRole\">Nurse"));
        assertTrue(page.body().contains("id=\"userOrganisation\">Northgate Hospitals NHS Trust (RXA)"));
    }

    @Test
    void a_wrong_password_is_refused() {
        assertTrue(Portal.attemptSignIn("gp.beech", "not-the-password").rejected());
        assertTrue(Portal.attemptSignIn("nobody.at.all", Portal.DEMO_PASSWORD).rejected());
    }

    @Test
    void five_failures_in_a_row_lock_the_account_even_against_the_right_password() {
        String user = "locktest." + TestPatients.uniqueFamilyName().toLowerCase();
        Databases.createStaff(user, "Y90001", "GP", "right-password-1");
        assertTrue(!Portal.attemptSignIn(user, "right-password-1").rejected(), "the account works at first");

        for (int i = 0; i < 5; i++) {
            assertTrue(Portal.attemptSignIn(user, "wrong-" + i).rejected());
        }

        assertTrue(Portal.attemptSignIn(user, "right-password-1").rejected(), "locked");
        assertEquals(1, Databases.count(Databases.HOSPITAL,
                "select count(*) from staff where username = ? and locked_until > now()", user));
    }

    /** H-039: a portal session does not outlive its account; a lock (by anyone's wrong guesses) does not end it. */
    @Test
    void a_member_of_staff_disabled_while_signed_in_is_signed_out_at_their_next_page() {
        String user = "disabletest." + TestPatients.uniqueFamilyName().toLowerCase();
        Databases.createStaff(user, "Y90001", "GP", "right-password-1");
        Portal gp = Portal.signIn(user, "right-password-1");
        assertTrue(gp.get("/patients/search.xhtml").body().contains("byNumber:nhsNumber"), "signed in");

        Databases.execute(Databases.HOSPITAL, "update staff set enabled = false where username = ?", user);

        Api.Reply next = gp.get("/patients/search.xhtml");
        assertEquals(302, next.status(), "the next page is not served");
        assertTrue(next.header("Location").contains("/login.xhtml"), "sent to sign in: " + next.header("Location"));
        assertTrue(gp.get("/patients/search.xhtml").body().contains("j_security_check"), "the session is over");
    }

    @Test
    void signing_out_ends_the_session() {
        Portal gp = Portal.signIn("gp.beech");
        assertTrue(gp.get("/patients/search.xhtml").body().contains("byNumber:nhsNumber"));

        Api.Reply out = Api.postForm("/sign-out", gp.cookie(), java.util.Map.of());
        assertEquals(302, out.status());

        assertTrue(gp.get("/patients/search.xhtml").body().contains("j_security_check"), "back to the sign-in form");
    }

    @Test
    void api_requests_without_a_token_or_with_a_bad_one_are_401() {
        String patient = "/api/patients/" + Databases.firstDemoPatientAt("Y90001");

        Api.as(null).get(patient).problem(401);
        Api.as("not.a.jwt").get(patient).problem(401);
        Api.as(Tokens.staff("gp.beech", "GP").expired().sign()).get(patient).problem(401);
        Api.as(Tokens.staff("gp.beech", "GP").signedWithAnotherKey().sign()).get(patient).problem(401);
        Api.as(Tokens.staff("gp.beech", "GP").issuedBy("https://evil.example/").sign()).get(patient).problem(401);
        Api.as(Tokens.staff("no.such.user", "GP").sign()).get(patient).problem(401);
        assertEquals("Bearer realm=\"icr\"", Api.as(null).get(patient).header("WWW-Authenticate"));
    }

    @Test
    void a_valid_token_without_the_users_role_is_403() {
        String patient = "/api/patients/" + Databases.firstDemoPatientAt("Y90001");

        Api.as(Tokens.staff("gp.beech").sign()).get(patient).problem(403);
        Api.as(Tokens.staff("gp.beech", "PRIVACY_OFFICER").sign()).get(patient).problem(403);
        assertEquals(200, Api.as(Tokens.staff("gp.beech", "GP").sign()).get(patient).status());
    }
}

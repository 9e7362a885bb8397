package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The security headers every kind of answer carries (issue 18, first step): a portal page, an API answer, an API error, a
 * path the API does not serve, a stylesheet; patient data never cached; no server banner; the session cookie kept from
 * scripts and other sites (the servlet cookie-config's SameSite attribute is not applied by Undertow to the first session
 * cookie: the portal's undertow-handlers.conf sets it).
 */
class SecurityHeadersIT extends IcrDeployment {

    private static final Map<String, String> ON_EVERY_ANSWER = Map.of(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
            "Content-Security-Policy", "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'");

    private static void assertSecured(String what, Api.Reply reply, boolean patientData) {
        ON_EVERY_ANSWER.forEach((header, value) -> {
            assertEquals(1, values(reply, header).size(), what + ": one " + header + " header: " + values(reply, header));
            if (header.equals("Content-Security-Policy")) {
                // a Faces page's policy goes on with PrimeFaces' script-src (below); every other answer's is the server's alone
                assertTrue(reply.header(header).equals(value) || reply.header(header).startsWith(value + "; script-src "),
                        what + ": " + reply.header(header));
            } else {
                assertEquals(value, reply.header(header), what + ": " + header);
            }
        });
        assertNull(reply.header("Server"), what + ": no server banner");
        assertNull(reply.header("X-Powered-By"), what + ": no server banner");
        if (patientData) {
            assertEquals(List.of("no-store"), values(reply, "Cache-Control"), what + ": never stored");
        }
    }

    private static List<String> values(Api.Reply reply, String header) {
        return reply.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(header))
                .flatMap(e -> e.getValue().stream()).toList();
    }

    @Test
    void every_kind_of_answer_carries_the_security_headers_and_patient_data_is_never_stored() {
        String patient = Databases.firstDemoPatientAt("Y90001");
        Api.Client gp = Api.as(Tokens.staff("gp.beech", "GP").sign());

        Api.Reply page = Api.get("/");
        assertSecured("the sign-in page", page, true);
        assertTrue(page.header("Content-Security-Policy").matches(".*; script-src 'self' 'nonce-[^']+';?"),
                "a portal page allows only its own scripts and PrimeFaces' with the page's nonce: " + page.headers());
        assertFalse(page.header("Content-Security-Policy").contains("unsafe"), page.header("Content-Security-Policy"));
        Api.Reply answer = gp.get("/api/patients/" + patient);
        assertEquals(200, answer.status(), answer.body());
        assertSecured("an API answer", answer, true);
        Api.Reply refused = gp.get("/api/patients/9999999999");
        assertTrue(refused.status() >= 400, refused.body());
        assertSecured("an API error", refused, true);
        Api.Reply nowhere = gp.get("/api/no-such-resource");
        assertEquals(404, nowhere.status());
        assertSecured("a path the API does not serve", nowhere, true);
        Api.Reply stylesheet = Api.get("/resources/css/icr.css");
        assertEquals(200, stylesheet.status());
        assertSecured("a stylesheet", stylesheet, false);
        assertTrue(stylesheet.header("Cache-Control") == null || !stylesheet.header("Cache-Control").contains("no-store"),
                "static resources may be cached: they hold no patient data");
    }

    @Test
    void the_portal_session_cookie_is_kept_from_scripts_from_other_sites_and_from_plain_http() {
        Api.Reply protectedPage = Api.getAbsolute(Api.BASE + "/patients/search.xhtml");
        String cookie = protectedPage.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream()).filter(c -> c.startsWith("JSESSIONID")).findFirst()
                .orElseThrow(() -> new AssertionError("a session begins at a protected page: " + protectedPage.headers()));
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).matches(".*;\\s*secure(;.*|$)"), cookie);
        assertTrue(cookie.contains("SameSite=Lax") || cookie.contains("SameSite=Strict"), cookie);
    }
}

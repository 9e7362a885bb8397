package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;

/**
 * The HTTPS listener (issue 18, first step): the certificate the set-up made, trusted explicitly by this client (never by
 * turning verification off); TLS 1.3 and 1.2 with forward-secret AEAD suites only; TLS 1.1, CBC and RSA-key-exchange suites refused; the
 * security headers over HTTPS too.
 */
class TlsIT extends IcrDeployment {

    private static final String HOST = "127.0.0.1";
    private static final int PORT = Integer.getInteger("icr.test.https-port", 8543);
    private static SSLSocket handshake(String protocol, String suite) throws IOException {
        SSLSocket socket = (SSLSocket) Api.TLS.getSocketFactory().createSocket(HOST, PORT);
        socket.setEnabledProtocols(new String[] {protocol});
        if (suite != null) {
            socket.setEnabledCipherSuites(new String[] {suite});
        }
        socket.startHandshake();
        return socket;
    }

    @Test
    void the_portal_and_the_api_answer_over_https_with_the_generated_certificate_and_the_security_headers() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(Api.TLS).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + PORT + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertEquals("max-age=31536000; includeSubDomains", page.headers().firstValue("Strict-Transport-Security").orElse(null));
        HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create("https://" + HOST + ":" + PORT + "/api/patients"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, ready.statusCode(), "the API over HTTPS, asking for a token");
    }

    @Test
    void plain_http_is_redirected_to_https_for_the_portal_and_refused_by_the_api() {
        for (String page : new String[] {"/patients/search.xhtml", "/login.xhtml", "/resources/css/icr.css"}) {
            Api.Reply redirected = Api.getAbsolute(Api.PLAIN_HTTP_BASE + page);
            assertTrue(redirected.status() == 302 || redirected.status() == 301, page + " " + redirected.status());
            assertEquals(Api.BASE + page, redirected.header("Location"), page);
        }
        Api.Reply withToken = Api.getAbsolute(Api.PLAIN_HTTP_BASE + "/api/patients?name=patel",
                "Bearer " + Tokens.staff(Api.DEFAULT_USER, "GP").sign());
        assertTrue(withToken.problem(403).getString("type").endsWith("https-required"), withToken.body());
        Api.Reply withoutToken = Api.getAbsolute(Api.PLAIN_HTTP_BASE + "/api/patients?name=patel");
        assertTrue(withoutToken.problem(403).getString("type").endsWith("https-required"), withoutToken.body());
        TestPatients patient = TestPatients.aPatient();
        Api.Reply post = Api.postJsonTo(Api.PLAIN_HTTP_BASE + "/api/patients", "Bearer " + Tokens.staff(Api.DEFAULT_USER, "GP").sign(),
                patient.json());
        assertTrue(post.problem(403).getString("type").endsWith("https-required"), post.body());
        assertEquals(404, Api.get("/api/patients/" + patient.nhsNumber()).status(), "nothing was recorded over plain HTTP");
        assertEquals(403, Api.getAbsolute(Api.PLAIN_HTTP_BASE + "/openapi").status(), "nor is the API's contract served over it");
        assertEquals(200, Api.getAbsolute(Api.BASE + "/openapi").status());
    }

    @Test
    void only_tls_1_3_and_1_2_with_forward_secret_aead_suites_are_spoken() throws IOException, InterruptedException {
        try (SSLSocket tls13 = handshake("TLSv1.3", null)) {
            assertEquals("TLSv1.3", tls13.getSession().getProtocol());
        }
        try (SSLSocket tls12 = handshake("TLSv1.2", null)) {
            assertEquals("TLSv1.2", tls12.getSession().getProtocol());
            assertTrue(tls12.getSession().getCipherSuite().matches("TLS_ECDHE_.*_(GCM_SHA\\d+|CHACHA20_POLY1305_SHA256)"),
                    tls12.getSession().getCipherSuite());
        }
        assertTls11RefusedByTheServer();
        assertRefusedByTheServer("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");
        assertRefusedByTheServer("TLSv1.2", "TLS_RSA_WITH_AES_128_GCM_SHA256");
    }

    /**
     * TLS 1.1 offered by OpenSSL at security level 0 (the JDK here will not offer it at all, so a refusal it reported would
     * prove nothing): the server answers with a protocol-version alert.
     */
    private static void assertTls11RefusedByTheServer() throws IOException, InterruptedException {
        Process openssl = new ProcessBuilder("openssl", "s_client", "-connect", HOST + ":" + PORT, "-tls1_1", "-cipher",
                "DEFAULT:@SECLEVEL=0").redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String output = new String(openssl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        openssl.waitFor();
        assertTrue(output.contains("alert protocol version"), "TLS 1.1 refused by the server: " + output);
    }

    /** The client offers it and the server answers with a fatal alert (not a client that could not offer it at all). */
    private static void assertRefusedByTheServer(String protocol, String suite) {
        SSLHandshakeException refused = assertThrows(SSLHandshakeException.class, () -> handshake(protocol, suite).close(),
                protocol + " " + suite);
        assertTrue(refused.getMessage().contains("Received fatal alert"), protocol + " " + suite + ": " + refused.getMessage());
    }
}

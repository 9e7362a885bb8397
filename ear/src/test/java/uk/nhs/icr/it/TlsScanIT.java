package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.junit.jupiter.api.Test;

/**
 * The HTTPS listener as testssl.sh (Debian's package) sees it (issue 18): protocols, cipher categories, forward secrecy,
 * the certificate, the HTTP security headers and the known TLS vulnerabilities. Its report is kept in
 * target/testssl/ (testssl.txt as read, testssl.json as judged here). The scan fails on: any protocol or cipher finding
 * rated above OK/INFO; SSLv2, SSLv3, TLS 1.0 or 1.1 offered, or TLS 1.2 or 1.3 not; anything else rated MEDIUM or worse
 * (a vulnerability, a header twice); no HSTS; a certificate expired or expiring. Findings only a real deployment's
 * certificate can clear (no chain to a public authority for a self-signed local certificate, no CRL or OCSP address, no
 * DNS CAA record for localhost) are reported, not failed: docs/security.md lists them for the hosting team.
 */
class TlsScanIT extends IcrDeployment {

    private static final int PORT = Integer.getInteger("icr.test.https-port", 8543);
    private static final Path REPORTS = Path.of(System.getProperty("icr.test.report-dir", "target"), "testssl");

    /** What a self-signed local certificate cannot have; a hosting team's certificate from a public authority has them. */
    private static final Set<String> LOCAL_CERTIFICATE_ONLY = Set.of("cert_chain_of_trust", "cert_revocation", "DNS_CAArecord",
            "OCSP_stapling", "cert_mustStapleExtension", "certificate_transparency");
    private static final Set<String> RATED_WEAK = Set.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
    private static final Set<String> RATED_BAD = Set.of("MEDIUM", "HIGH", "CRITICAL", "FATAL");

    @Test
    void testssl_finds_no_weak_protocol_or_cipher_no_vulnerability_and_hsts_with_a_valid_certificate() throws Exception {
        Map<String, JsonObject> findings = scan();

        List<String> failed = new ArrayList<>();
        findings.values().forEach(finding -> {
            String id = finding.getString("id");
            String severity = finding.getString("severity");
            boolean protocolOrCipher = id.matches("SSLv2|SSLv3|TLS1(_[0-9])?|cipherlist_.*|cipher_.*|PFS.*|FS.*");
            if (protocolOrCipher && RATED_WEAK.contains(severity)
                    || RATED_BAD.contains(severity) && !LOCAL_CERTIFICATE_ONLY.contains(id)) {
                failed.add(id + " (" + severity + "): " + finding.getString("finding"));
            }
        });
        assertEquals(List.of(), failed, "testssl.sh findings; the report is in " + REPORTS.toAbsolutePath());

        for (String old : List.of("SSLv2", "SSLv3", "TLS1", "TLS1_1")) {
            assertEquals("not offered", finding(findings, old), old);
        }
        assertTrue(finding(findings, "TLS1_2").startsWith("offered"), finding(findings, "TLS1_2"));
        assertTrue(finding(findings, "TLS1_3").startsWith("offered"), finding(findings, "TLS1_3"));
        assertEquals("OK", findings.get("HSTS_time").getString("severity"), "HSTS: " + finding(findings, "HSTS_time"));
        assertEquals("OK", findings.get("cert_expirationStatus").getString("severity"),
                "certificate validity: " + finding(findings, "cert_expirationStatus"));
        assertEquals("OK", findings.get("cookie_secure").getString("severity"), finding(findings, "cookie_secure"));
    }

    private static String finding(Map<String, JsonObject> findings, String id) {
        JsonObject finding = findings.get(id);
        assertTrue(finding != null, "testssl.sh reported nothing on " + id);
        return finding.getString("finding");
    }

    /** Runs the scan (about 40 s) and reads its JSON findings by id (the first of each). */
    private static Map<String, JsonObject> scan() throws IOException, InterruptedException {
        Files.createDirectories(REPORTS);
        Path json = REPORTS.resolve("testssl.json");
        Files.deleteIfExists(json);
        Process testssl = new ProcessBuilder(System.getProperty("icr.test.testssl", "testssl"), "--quiet", "--color", "0",
                "--warnings", "off", "--ip", "127.0.0.1", "--protocols", "--std", "--fs", "--server-defaults", "--headers",
                "--vulnerable", "--jsonfile", json.toString(), "https://localhost:" + PORT + "/")
                .redirectErrorStream(true)
                .redirectOutput(REPORTS.resolve("testssl.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!testssl.waitFor(5, TimeUnit.MINUTES)) {
            testssl.destroyForcibly();
            throw new AssertionError("testssl.sh did not finish within 5 minutes: see " + REPORTS.resolve("testssl.txt"));
        }
        assertTrue(Files.isRegularFile(json), "testssl.sh wrote its findings: see " + REPORTS.resolve("testssl.txt"));
        try (InputStream in = Files.newInputStream(json); JsonReader reader = Json.createReader(in)) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .collect(Collectors.toMap(f -> f.getString("id"), Function.identity(), (first, later) -> first));
        }
    }
}

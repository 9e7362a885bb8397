package uk.nhs.icr.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * No secret is committed (issue 18): no key or key store file, no private key in any tracked file, and the only passwords
 * the scripts and the server configuration fall back to are the documented local-development defaults (README,
 * Configuration), each of which a deployment replaces through its environment variable.
 */
class CommittedSecretsTest {

    /** The local-development defaults the README documents. */
    private static final Set<String> DOCUMENTED_DEFAULTS = Set.of("icr", "icr-tls-local", "icr-research-local", "icr-demo-2026",
            "icr-keycloak-local");

    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
    /** A password's default in a shell script (${X_PASSWORD:-value}) or a WildFly expression (${env.X_PASSWORD:value}). */
    private static final Pattern PASSWORD_DEFAULT = Pattern.compile("PASSWORD:-?([^}\"\\s]*)\\}");

    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.isDirectory(here.resolve(".git"))) {
            here = here.getParent();
        }
        assertTrue(here != null, "the tests run inside the repository");
        return here;
    }

    private static List<String> trackedFiles(Path root) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files").directory(root.toFile()).redirectErrorStream(true).start();
        List<String> files = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, git.waitFor(), "git ls-files");
        return files;
    }

    @Test
    void no_key_private_key_or_undocumented_password_is_committed() throws IOException, InterruptedException {
        Path root = root();
        List<String> files = trackedFiles(root);
        assertTrue(files.size() > 100, "the repository's files were listed");
        List<String> keyFiles = files.stream().filter(f -> f.matches("(?i).*\\.(p12|pfx|jks|jceks|keystore|pem|key|cs)$")).toList();
        assertEquals(List.of(), keyFiles, "key and key store files are made by the set-up, never committed");

        List<String> privateKeys = new ArrayList<>();
        Set<String> passwordDefaults = new TreeSet<>();
        for (String file : files) {
            Path path = root.resolve(file);
            if (!Files.isRegularFile(path) || Files.size(path) > 2_000_000) {
                continue;
            }
            String text = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
            if (PRIVATE_KEY.matcher(text).find()) {
                privateKeys.add(file);
            }
            if (file.startsWith("server-config/") || file.startsWith(".ci/")) {
                Matcher defaults = PASSWORD_DEFAULT.matcher(text);
                while (defaults.find()) {
                    if (!defaults.group(1).isEmpty()) {
                        passwordDefaults.add(defaults.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), privateKeys, "no private key in a tracked file");
        assertTrue(DOCUMENTED_DEFAULTS.containsAll(passwordDefaults), "undocumented password defaults: " + passwordDefaults);
        String readme = Files.readString(root.resolve("README.md"));
        DOCUMENTED_DEFAULTS.forEach(secret -> assertTrue(readme.contains("`" + secret + "`"), secret + " is documented as a local default"));
    }
}

package uk.nhs.icr.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second WildFly, started and killed by the test itself (the Arquillian-managed server must outlive every test): the
 * provisioned server's configuration copied to its own base directory, whose transaction object store survives each
 * kill as a real server's disk would; port offset 200 (HTTPS 8643, management 10190, recovery listener 4912); its own
 * transaction node id, so the test server's recovery (node icr-test), scanning the same databases, leaves its branches
 * alone. It runs with the Byteman agent and the kill points in {@code crash/kill-points.btm}, each inert until armed.
 */
final class CrashableServer implements AutoCloseable {

    static final int PORT_OFFSET = 200;
    static final String BASE_URL = "https://127.0.0.1:" + (8443 + PORT_OFFSET);
    static final String NODE_ID = "icr-crash";
    private static final int RECOVERY_LISTENER_PORT = 4712 + PORT_OFFSET;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Path jbossHome = Path.of(System.getProperty("icr.jboss.home"));
    private final Path baseDir = Path.of(System.getProperty("icr.test.crash.dir"));
    private final Path markers = baseDir.resolve("kill-points");
    private boolean recoveryOff = "off".equals(System.getProperty("icr.test.crash.recovery"));
    private Process process;

    /**
     * A base directory with the provisioned configuration and the EAR. Its transaction object store is kept from an
     * earlier run, as a real server keeps its disk: a run cut short leaves decisions there that recovery still needs.
     */
    CrashableServer() throws IOException {
        Files.createDirectories(baseDir);
        try (Stream<Path> parts = Files.list(baseDir)) {
            for (Path part : parts.toList()) {
                if (!part.getFileName().toString().equals("data")) {
                    deleteTree(part);
                }
            }
        }
        Path data = baseDir.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> parts = Files.list(data)) {
                for (Path part : parts.toList()) {
                    if (!part.getFileName().toString().equals("tx-object-store")) {
                        deleteTree(part);
                    }
                }
            }
        }
        Path standalone = jbossHome.resolve("standalone");
        copyTree(standalone.resolve("configuration"), baseDir.resolve("configuration"));
        Files.createDirectories(baseDir.resolve("deployments"));
        withoutFhir(Path.of(System.getProperty("icr.ear")), baseDir.resolve("deployments/icr.ear"));
        Files.createDirectories(markers);
    }

    /**
     * The EAR without its FHIR WAR: the crash tests drive the JSON API only, and each of their server starts would
     * otherwise spend seconds indexing HAPI's 45 MB of libraries. The rest is the build's EAR, byte for byte.
     */
    private static void withoutFhir(Path ear, Path target) throws IOException {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(ear));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(target))) {
            for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(FHIR_WAR)) {
                    continue;
                }
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                if (entry.getName().equals("META-INF/application.xml")) {
                    String descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    String module = descriptor.substring(0, descriptor.indexOf(FHIR_WAR));
                    int start = module.lastIndexOf("<module>");
                    int end = descriptor.indexOf("</module>", start) + "</module>".length();
                    out.write((descriptor.substring(0, start) + descriptor.substring(end)).getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    private static final String FHIR_WAR = "icr-fhir.war";

    /** Starts the server and waits until the EAR is deployed; returns how long that took. */
    Duration start() throws IOException, InterruptedException {
        Instant begun = Instant.now();
        String agent = "-javaagent:" + System.getProperty("icr.test.byteman-jar") + "=script:" + resource("crash/kill-points.btm")
                + (recoveryOff ? ",script:" + resource("crash/recovery-off.btm") : "");
        ProcessBuilder builder = new ProcessBuilder("bash", jbossHome.resolve("bin/standalone.sh").toString(), "-c", "standalone.xml")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(baseDir.resolve("console.log").toFile()));
        Map<String, String> env = builder.environment();
        env.remove("JBOSS_LOG_DIR");
        env.remove("JBOSS_CONFIG_DIR");
        env.put("JBOSS_BASE_DIR", baseDir.toString());
        env.put("JAVA_OPTS", String.join(" ", "-Xms256m -Xmx768m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true",
                "-Djboss.modules.system.pkgs=org.jboss.byteman", agent, "-Dicr.crash.markers=" + markers,
                "-Djboss.socket.binding.port-offset=" + PORT_OFFSET));
        env.put("ICR_TX_NODE_ID", NODE_ID);
        // a pass every 5 s (the CLI's setting, for tests): the test also asks for a pass at once through the listener
        env.put("ICR_TX_RECOVERY_PERIOD_SECONDS", "5");
        env.put("ICR_TX_RECOVERY_BACKOFF_SECONDS", "1");
        process = builder.start();
        Instant deadline = begun.plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the crash-test server stopped while starting; see " + baseDir.resolve("console.log"));
            }
            if (ready()) {
                return Duration.between(begun, Instant.now());
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the crash-test server was not ready in " + START_TIMEOUT + "; see " + baseDir.resolve("console.log"));
    }

    /**
     * The API answers (401 to a call without a token): deployed. Not readiness, which is DOWN while a branch older than
     * ICR_IN_DOUBT_ALERT_AFTER waits for recovery, as it may here.
     */
    private static boolean ready() {
        try {
            return Api.getAbsolute(BASE_URL + "/api/patients?name=ready").status() == 401;
        } catch (UncheckedIOException notListening) {
            return false;
        }
    }

    /** Arms one kill point: the next transaction that reaches it halts the JVM. */
    void arm(String killPoint) throws IOException {
        Files.writeString(markers.resolve(killPoint), "armed");
    }

    /** Disarms every kill point (before a restart: recovery runs the commit code the rules watch). */
    void disarm() throws IOException {
        try (Stream<Path> armed = Files.list(markers)) {
            for (Path marker : armed.toList()) {
                Files.delete(marker);
            }
        }
    }

    /** Waits for the halted JVM's process (and the start script around it) to be gone; false if it lives on. */
    boolean awaitDeath(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs one recovery pass now, through the recovery listener (SCAN answers DONE when the pass is over). */
    void recoveryPass() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RECOVERY_LISTENER_PORT)) {
            socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write("SCAN\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            if (!"DONE".equals(answer)) {
                throw new IOException("recovery listener answered " + answer);
            }
        }
    }

    /** Transaction records in the object store that recovery has not finished (each a logged decision to commit). */
    long pendingTransactionRecords() throws IOException {
        Path store = baseDir.resolve("data/tx-object-store");
        if (!Files.exists(store)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().contains("/AtomicAction/"))
                    .count();
        }
    }

    boolean recoveryOff() {
        return recoveryOff;
    }

    /** From the next start on, recovery runs whatever the run was asked for (to clean up after a run without it). */
    void switchRecoveryOn() {
        recoveryOff = false;
    }

    Path consoleLog() {
        return baseDir.resolve("console.log");
    }

    /** Kills whatever is left of the server, the JVM and the start script around it, as kill -9 would. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("process " + handle.pid() + " outlived kill -9", e);
            }
        }
    }

    private static String resource(String name) {
        try {
            return Path.of(CrashableServer.class.getClassLoader().getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

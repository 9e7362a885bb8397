package uk.nhs.icr.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a Java Flight Recorder recording of the server taken during a benchmark run, as Markdown: where the CPU
 * samples fall (by the layer of the frame on top, by method, and by the first ICR method on the stack, which says
 * which piece of ICR's work the time belongs to), and where threads waited on monitors and locks.
 * Usage: {@code JfrSummary <recording.jfr>}.
 */
public final class JfrSummary {

    private static final int TOP = 12;

    /** Layers by package prefix, checked in order: the first that matches a frame's class names its layer. */
    private static final List<Map.Entry<String, String>> LAYERS = List.of(
            Map.entry("uk.nhs.icr.", "ICR's own code"),
            Map.entry("org.postgresql.", "PostgreSQL JDBC driver"),
            Map.entry("org.jboss.jca.", "connection pool (IronJacamar)"),
            Map.entry("com.arjuna.", "transaction manager (Narayana)"),
            Map.entry("org.hibernate.", "Hibernate ORM"),
            Map.entry("org.jboss.resteasy.", "JAX-RS (RESTEasy)"),
            Map.entry("org.eclipse.yasson.", "JSON-B (Yasson)"),
            Map.entry("org.eclipse.parsson.", "JSON-P (Parsson)"),
            Map.entry("io.undertow.", "HTTP (Undertow)"),
            Map.entry("org.xnio.", "HTTP (Undertow)"),
            Map.entry("io.smallrye.jwt.", "JWT (SmallRye)"),
            Map.entry("org.jose4j.", "JWT (SmallRye)"),
            Map.entry("org.jboss.weld.", "CDI (Weld)"),
            Map.entry("org.jboss.as.ejb3.", "EJB container"),
            Map.entry("org.jboss.invocation.", "EJB container"),
            Map.entry("org.jboss.logmanager.", "logging"),
            Map.entry("io.smallrye.", "MicroProfile (SmallRye)"),
            Map.entry("java.", "JDK"),
            Map.entry("jdk.", "JDK"),
            Map.entry("sun.", "JDK"));

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: JfrSummary <recording.jfr>");
            System.exit(2);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
        Map<String, Long> byLayer = new HashMap<>();
        Map<String, Long> byMethod = new HashMap<>();
        Map<String, Long> byIcrMethod = new HashMap<>();
        Map<String, long[]> monitors = new HashMap<>();
        Map<String, long[]> parks = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : events) {
            String type = event.getEventType().getName();
            RecordedStackTrace stack = event.getStackTrace();
            if (type.equals("jdk.ExecutionSample") && stack != null && !stack.getFrames().isEmpty()) {
                samples++;
                RecordedFrame top = stack.getFrames().get(0);
                byLayer.merge(layerOf(top), 1L, Long::sum);
                byMethod.merge(name(top), 1L, Long::sum);
                byIcrMethod.merge(firstIcrFrame(stack), 1L, Long::sum);
            } else if (type.equals("jdk.JavaMonitorEnter")) {
                add(monitors, event.getClass("monitorClass") == null ? "?" : event.getClass("monitorClass").getName()
                        + " at " + firstNonJdkFrame(stack), event.getDuration());
            } else if (type.equals("jdk.ThreadPark")) {
                add(parks, (event.getClass("parkedClass") == null ? "?" : event.getClass("parkedClass").getName())
                        + " at " + firstNonJdkFrame(stack), event.getDuration());
            }
        }
        System.out.printf(Locale.ROOT, "%,d CPU samples.%n%n", samples);
        table("Layer of the frame on top of the stack", "layer", byLayer, samples);
        table("Methods on top of the stack (self time)", "method", byMethod, samples);
        table("First ICR method on the stack (which piece of ICR's work the time is spent for)", "ICR method", byIcrMethod, samples);
        waits("Threads blocked entering a monitor (synchronized), over 10 ms", monitors);
        waits("Threads parked (locks, pools, queues), over 10 ms", parks);
    }

    private static void add(Map<String, long[]> waits, String key, Duration duration) {
        long[] totals = waits.computeIfAbsent(key, k -> new long[2]);
        totals[0]++;
        totals[1] += duration.toMillis();
    }

    private static String layerOf(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return LAYERS.stream().filter(layer -> type.startsWith(layer.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse("other: " + type.substring(0, Math.max(0, type.lastIndexOf('.'))));
    }

    private static String firstIcrFrame(RecordedStackTrace stack) {
        return stack.getFrames().stream().filter(frame -> frame.getMethod().getType().getName().startsWith("uk.nhs.icr."))
                .findFirst().map(JfrSummary::name).orElse("(no ICR frame: server, container or JVM work)");
    }

    private static String firstNonJdkFrame(RecordedStackTrace stack) {
        if (stack == null) {
            return "?";
        }
        // the whole class name: a pool's Semaphore (org.jboss.jca...) is not the JDK's
        return stack.getFrames().stream().filter(frame -> !layerOf(frame).equals("JDK")).findFirst()
                .map(frame -> frame.getMethod().getType().getName() + "." + frame.getMethod().getName()).orElse("JDK");
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    private static void table(String title, String column, Map<String, Long> counts, long total) {
        System.out.printf("%s:%n%n| %s | samples | share |%n|---|---:|---:|%n", title, column);
        top(counts).forEach(entry -> System.out.printf(Locale.ROOT, "| %s | %,d | %.1f %% |%n", entry.getKey(),
                entry.getValue(), 100.0 * entry.getValue() / Math.max(1, total)));
        System.out.println();
    }

    private static void waits(String title, Map<String, long[]> waits) {
        System.out.printf("%s:%n%n| where | events | total ms |%n|---|---:|---:|%n", title);
        if (waits.isEmpty()) {
            System.out.println("| none | 0 | 0 |");
        }
        waits.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(TOP)
                .forEach(entry -> System.out.printf(Locale.ROOT, "| %s | %,d | %,d |%n", entry.getKey(), entry.getValue()[0],
                        entry.getValue()[1]));
        System.out.println();
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts) {
        return counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(TOP).toList();
    }
}

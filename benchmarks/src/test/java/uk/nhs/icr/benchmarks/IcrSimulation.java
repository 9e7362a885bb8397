package uk.nhs.icr.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * ICR under load, as its users load it: a clinician opening a patient (summary and the timeline's first page), paging
 * and filtering the timeline, results over time, a patient search by name, a social worker recording a care visit,
 * an XA registration (both databases) and an XA discharge to social care. Closed model: {@code icr.users} users for
 * {@code icr.seconds}, each running its scenario again as soon as it ends. {@code icr.scenario} picks one, or
 * {@code mix} runs them together in the proportions a working day has. server-config/bin/benchmark.sh sets the
 * properties: the base address, the bearer tokens and the CSV feeders it draws from the demo database.
 */
public class IcrSimulation extends Simulation {

    private static final String BASE = System.getProperty("icr.base", "http://localhost:8080");
    private static final int USERS = Integer.getInteger("icr.users", 8);
    private static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("icr.seconds", 60));
    private static final String SCENARIO = System.getProperty("icr.scenario", "open-patient");
    private static final String GP = "Bearer " + System.getProperty("icr.token.gp");
    private static final String SOCIAL_WORKER = "Bearer " + System.getProperty("icr.token.socialWorker");
    private static final String CLINICIAN = "Bearer " + System.getProperty("icr.token.clinician");
    /** NHS numbers for new registrations: from here up, skipping those Modulus 11 rejects. */
    private static final AtomicLong NEXT_NUMBER = new AtomicLong(Long.getLong("icr.nhsNumberBase", 975_000_000L));

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptHeader("application/json").contentTypeHeader("application/json")
            .shareConnections();


    private final ChainBuilder openPatient = get("summary", "/api/patients/#{nhsNumber}/summary", GP)
            .exec(get("record page 1", "/api/patients/#{nhsNumber}/record?size=20", GP));

    private final ChainBuilder timeline = get("record page 2, hospital", "/api/patients/#{nhsNumber}/record?page=1&size=20"
                    + "&source=hospital", GP)
            .exec(get("record, blood tests", "/api/patients/#{nhsNumber}/record?size=20&type=BLOOD_TEST", GP));

    private final ChainBuilder results = get("results over time", "/api/patients/#{nhsNumber}/results?test=Haemoglobin", GP);

    private final ChainBuilder search = get("search by name", "/api/patients?name=#{familyName}", GP);

    /** FHIR R4 (issue 20), beside the JSON API reads they answer: a partner finding a patient by NHS number and reading them. */
    private final ChainBuilder fhirIdentifier = exec(http("FHIR Patient?identifier=").get(
                    "/fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C#{nhsNumber}").header("Authorization", GP)
            .header("Accept", "application/fhir+json").check(status().is(200), jsonPath("$.total").is("1")));

    private final ChainBuilder fhirSearch = exec(http("FHIR Observation?patient=&category=laboratory").get(
                    "/fhir/Observation?patient=#{nhsNumber}&category=laboratory&_count=20").header("Authorization", GP)
            .header("Accept", "application/fhir+json").check(status().is(200)));

    private final ChainBuilder fhirEverything = exec(http("FHIR Patient/$everything (first 50)").get(
                    "/fhir/Patient/#{nhsNumber}/$everything?_count=50").header("Authorization", GP)
            .header("Accept", "application/fhir+json").check(status().is(200)));

    private final ChainBuilder careVisit = exec(http("care visit (social care write)")
            .post("/api/patients/#{nhsNumber}/care-visits").header("Authorization", SOCIAL_WORKER)
            .body(StringBody(session -> careVisitBody())).check(status().is(201)));

    private final ChainBuilder registration = exec(session -> session.set("newNumber", nextNhsNumber()))
            .exec(http("registration (XA)").post("/api/patients").header("Authorization", GP)
                    .body(StringBody("{\"nhsNumber\":\"#{newNumber}\",\"givenName\":\"Bench\",\"familyName\":\"Mark\","
                            + "\"birthDate\":\"1970-01-01\",\"sex\":\"female\",\"postcode\":\"LS1 4AP\",\"gpPracticeOdsCode\":\"Y90001\"}"))
                    .check(status().is(201)));

    private final ChainBuilder transfer = exec(http("transfer of care (XA)")
            .post("/api/patients/#{nhsNumber}/transfers-of-care").header("Authorization", CLINICIAN)
            .body(StringBody("{\"admissionId\":#{admissionId},\"dischargeSummary\":\"Benchmark discharge\","
                    + "\"careNeeds\":\"Help with washing\",\"careProviderOdsCode\":\"CP001\"}"))
            .check(status().is(201)));

    /**
     * A patient in the app (their own token, from the feeder): their results, their repeats and a request for the first
     * they may request, the free slots at their practice, a booking of one and its cancellation (so the practice's slots
     * and the patient's limit of future bookings last the run). A repeat already waiting or a slot taken meanwhile is a
     * 409, an answer the app expects, not an error. benchmark.sh removes the requests and bookings marked "Benchmark"
     * before each run, so every run requests and books.
     */
    private final ChainBuilder patientApp = exec(http("my results").get("/api/me/results?size=20")
            .header("Authorization", "Bearer #{token}").check(status().is(200)))
            .exec(http("my repeats").get("/api/me/prescriptions").header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$[?(@.requestable == true)].id").optional().saveAs("repeat")))
            .doIf(session -> session.contains("repeat")).then(exec(http("request a repeat").post("/api/me/prescriptions/requests")
                    .header("Authorization", "Bearer #{token}")
                    .body(StringBody("{\"repeats\":[#{repeat}],\"note\":\"Benchmark\",\"pharmacyOdsCode\":\"FA123\"}"))
                    .check(status().in(201, 409))))
            .exec(http("free slots").get("/api/me/appointments/slots").header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$[*].id").findRandom().optional().saveAs("slot")))
            .doIf(session -> session.contains("slot")).then(exec(http("book a slot").post("/api/me/appointments")
                    .header("Authorization", "Bearer #{token}").body(StringBody("{\"slotId\":#{slot},\"reason\":\"Benchmark\"}"))
                    .check(status().in(201, 409), jsonPath("$.id").optional().saveAs("booked"))))
            .doIf(session -> session.contains("booked")).then(exec(http("cancel it").delete("/api/me/appointments/#{booked}")
                    .header("Authorization", "Bearer #{token}").header("If-Match", "\"1\"").check(status().is(200))))
            .exec(session -> session.remove("repeat").remove("slot").remove("booked"));

    {
        // built when chosen: a feeder reads its file as it is built
        Map<String, Supplier<ScenarioBuilder>> scenarios = Map.ofEntries(
                Map.entry("open-patient", () -> scenario("open-patient").feed(patients()).exec(openPatient)),
                Map.entry("timeline", () -> scenario("timeline").feed(patients()).exec(timeline)),
                Map.entry("results", () -> scenario("results").feed(patients()).exec(results)),
                Map.entry("search", () -> scenario("search").feed(patients()).exec(search)),
                Map.entry("fhir-identifier", () -> scenario("fhir-identifier").feed(patients()).exec(fhirIdentifier)),
                Map.entry("fhir-search", () -> scenario("fhir-search").feed(patients()).exec(fhirSearch)),
                Map.entry("fhir-everything", () -> scenario("fhir-everything").feed(patients()).exec(fhirEverything)),
                Map.entry("social-care-write", () -> scenario("social-care-write").feed(csv(System.getProperty("icr.caseload")).random())
                        .exec(careVisit)),
                Map.entry("registration", () -> scenario("registration").exec(registration)),
                Map.entry("transfer", () -> scenario("transfer").feed(csv(System.getProperty("icr.admissions")).queue()).exec(transfer)),
                Map.entry("patient", () -> scenario("patient").feed(csv(System.getProperty("icr.patientApp")).random()).exec(patientApp)));
        List<PopulationBuilder> populations = new ArrayList<>();
        if (SCENARIO.equals("mix")) {
            // a working day: mostly reading records, some searching, some writing
            Map<String, Integer> percent = Map.of("open-patient", 50, "timeline", 15, "results", 10, "search", 10,
                    "social-care-write", 10, "registration", 5);
            percent.forEach((name, share) -> populations.add(scenarios.get(name).get()
                    .injectClosed(constantConcurrentUsers(Math.max(1, USERS * share / 100)).during(DURATION))));
        } else {
            Supplier<ScenarioBuilder> chosen = scenarios.get(SCENARIO);
            if (chosen == null) {
                throw new IllegalArgumentException("no scenario " + SCENARIO + "; one of " + scenarios.keySet() + " or mix");
            }
            populations.add(chosen.get().injectClosed(constantConcurrentUsers(USERS).during(DURATION)));
        }
        setUp(populations).protocols(protocol);
    }

    private static FeederBuilder<String> patients() {
        return csv(System.getProperty("icr.patients")).random();
    }

    private static String careVisitBody() {
        LocalDate day = LocalDate.now().minusDays(1);
        return "{\"plannedStart\":\"" + day + "T08:00:00Z\",\"plannedEnd\":\"" + day + "T08:30:00Z\",\"actualStart\":\"" + day
                + "T08:05:00Z\",\"actualEnd\":\"" + day + "T08:35:00Z\",\"tasksDone\":\"Assisted to wash and dress; breakfast prepared\"}";
    }

    /** The next unused number Modulus 11 accepts (the tenth digit checks the first nine). */
    static String nextNhsNumber() {
        while (true) {
            String nine = Long.toString(NEXT_NUMBER.getAndIncrement());
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 10) {
                continue;
            }
            return nine + (check == 11 ? 0 : check);
        }
    }

    /** A GET the scenarios are made of: authorised, and anything but a 200 counts as an error. */
    private static ChainBuilder get(String name, String path, String authorization) {
        return exec(http(name).get(path).header("Authorization", authorization).check(status().is(200)));
    }
}

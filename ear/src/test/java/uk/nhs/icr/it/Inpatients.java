package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;

/** Test builders for the ward: admitted patients and prescriptions as a prescriber would write them. */
public final class Inpatients {

    public static final ZoneId UK = ZoneId.of("Europe/London");

    private Inpatients() {
    }

    /** A registered patient with an open admission at {@code trust} (its staff have a relationship); its admission id. */
    public record Admitted(String nhsNumber, long admissionId) {

        public String prescriptions() {
            return "/api/patients/" + nhsNumber + "/prescriptions";
        }

        public String chart() {
            return "/api/patients/" + nhsNumber + "/medicines-chart";
        }

        public String admission() {
            return "/api/patients/" + nhsNumber + "/admissions/" + admissionId;
        }
    }

    public static Admitted admittedTo(String trust) {
        TestPatients patient = aPatient();
        assertEquals(201, Api.postJson("/api/patients", patient.json()).status());
        Databases.openAdmission(patient.nhsNumber(), trust);
        return new Admitted(patient.nhsNumber(), Databases.admit(patient.nhsNumber(), trust));
    }

    /** A medicine on the patient's record (a GP's repeat, say), as a clinical system would record it. */
    public static void onTheRecord(String nhsNumber, String medicine, String category) {
        Databases.execute(Databases.HOSPITAL, "insert into hospital_entry (patient_nhs_number, entry_type, category, occurred_at,"
                + " recorded_at, author_username, author_name, organisation_ods, title, status, dose, route, frequency, course)"
                + " values (?, 'MEDICATION', ?, now() - interval '30 days', now(), 'gp.system', 'GP system', 'Y90001', ?, 'ACTIVE',"
                + " 'One tablet', 'oral', 'Once a day', 'REPEAT')", nhsNumber, category, medicine);
    }

    /** A prescription as JSON: regular at {@code times}, or (no times) once only. */
    public static Prescription prescription(long admissionId, String medicine, String dose, String... times) {
        return new Prescription(admissionId, medicine, times.length == 0 ? "once-only" : "regular", dose, List.of(times));
    }

    /** A time of day, as a prescription names it, at which {@code instant} falls in England. */
    public static String timeOfDay(Instant instant) {
        return LocalTime.ofInstant(instant, UK).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    public static final class Prescription {

        private final List<String> fields = new ArrayList<>();

        Prescription(long admissionId, String medicine, String kind, String dose, List<String> times) {
            fields.add("\"admissionId\":" + admissionId);
            fields.add("\"medicine\":\"" + medicine + "\"");
            fields.add("\"kind\":\"" + kind + "\"");
            fields.add("\"dose\":" + dose);
            if (!times.isEmpty()) {
                fields.add("\"timesOfDay\":[" + String.join(",", times.stream().map(t -> "\"" + t + "\"").toList()) + "]");
            }
        }

        public Prescription asRequired(int minimumIntervalMinutes, int mostPer24Hours) {
            fields.set(2, "\"kind\":\"as-required\"");
            fields.add("\"minimumIntervalMinutes\":" + minimumIntervalMinutes);
            fields.add("\"mostPer24Hours\":" + mostPer24Hours);
            return this;
        }

        public Prescription startingAt(Instant at) {
            return with("startsAt", at.toString());
        }

        public Prescription overriddenBecause(String reason) {
            return with("overrideReason", reason);
        }

        public Prescription with(String field, String value) {
            fields.add("\"" + field + "\":\"" + value + "\"");
            return this;
        }

        public String json() {
            return "{" + String.join(",", fields) + "}";
        }
    }

    /** The kinds of the alerts in a check or prescription answer, in order. */
    public static List<String> alertKinds(JsonObject answer) {
        return answer.getJsonArray("alerts").getValuesAs(JsonObject.class).stream().map(a -> a.getString("kind")).toList();
    }
}

package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * GP appointments as GP Connect shapes them: a practice's sessions cut into slots; a patient searches their own practice's
 * free slots in a window of at most 14 days, books one with a reason (of many booking one slot at once exactly one wins),
 * lists and cancels a future one with If-Match; the practice sees its day list and cancels with a reason the patient reads.
 */
class AppointmentsIT extends IcrDeployment {

    private static final Api.Client GP = Api.as(Tokens.staff("gp.beech", "GP").sign());
    private static final Api.Client ADMIN = Api.as(Tokens.staff("admin.beech", "ADMIN").sign());

    private static String patient(LocalDate born) {
        TestPatients patient = aPatient().birthDate(born);
        assertEquals(201, patient.register().status());
        return patient.nhsNumber();
    }

    /** The next weekday at least {@code days} ahead. */
    private static LocalDate weekdayAhead(int days) {
        LocalDate day = LocalDate.now().plusDays(days);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** A one-day session at Beech Road with a unique clinician; returns its slots as a patient of the practice finds them. */
    private static List<JsonObject> session(String clinician, LocalDate day, String patient) {
        Api.Reply defined = ADMIN.postJson("/api/practice/appointments/sessions", "{\"clinicianName\":\"" + clinician + "\","
                + "\"clinicianRole\":\"Practice nurse\",\"place\":\"Room 4\",\"kind\":\"face-to-face\",\"from\":\"" + day + "\",\"to\":\""
                + day + "\",\"startTime\":\"08:00\",\"endTime\":\"08:40\",\"slotMinutes\":10}");
        assertEquals(201, defined.status(), defined.body());
        assertEquals(4, defined.json().getInt("slots"));
        return Api.as(Tokens.patient(patient).sign()).get("/api/me/appointments/slots?from=" + day + "&to=" + day).jsonArray()
                .getValuesAs(JsonObject.class).stream().filter(slot -> slot.getString("clinicianName").equals(clinician)).toList();
    }

    private static long id(JsonObject object) {
        return object.getJsonNumber("id").longValue();
    }

    @Test
    void a_patient_books_a_free_slot_with_a_reason_and_cancels_it_naming_the_version_they_saw() {
        String patient = patient(LocalDate.of(1972, 6, 6));
        Api.Client me = Api.as(Tokens.patient(patient).sign());
        LocalDate day = weekdayAhead(3);
        List<JsonObject> slots = session("Nurse Ada " + patient, day, patient);
        assertEquals(4, slots.size());

        assertEquals(List.of("to"), me.get("/api/me/appointments/slots?from=" + day + "&to=" + day.plusDays(14)).problemFields(400),
                "a window of at most 14 days");
        assertEquals(List.of("reason"), me.postJson("/api/me/appointments", "{\"slotId\":" + id(slots.get(0)) + ",\"reason\":\""
                + "x".repeat(101) + "\"}").problemFields(400));
        Api.Reply booked = me.postJson("/api/me/appointments", "{\"slotId\":" + id(slots.get(0)) + ",\"reason\":\"Blood pressure check\"}");
        assertEquals(201, booked.status(), booked.body());
        assertEquals("\"1\"", booked.header("ETag"));
        long appointment = id(booked.json());
        assertFalse(me.get("/api/me/appointments/slots?from=" + day + "&to=" + day).jsonArray().getValuesAs(JsonObject.class).stream()
                .anyMatch(slot -> id(slot) == id(slots.get(0))), "a booked slot is no longer free");

        String path = "/api/me/appointments/" + appointment;
        me.request("DELETE", path).problem(428);
        me.request("DELETE", path, "If-Match", "\"2\"").problem(412);
        Api.Reply cancellation = me.request("DELETE", path, "If-Match", "\"1\"");
        JsonObject cancelled = cancellation.json();
        assertEquals("cancelled", cancelled.getString("status"));
        assertEquals("you", cancelled.getString("cancelledBy"));
        assertEquals(2, cancelled.getInt("version"), "the version the cancellation made");
        assertEquals("\"2\"", cancellation.header("ETag"));
        assertEquals("\"2\"", me.get(path).header("ETag"));
        me.request("DELETE", path, "If-Match", "\"2\"").problem(409);
    }

    @Test
    void of_fifty_bookings_of_one_slot_at_once_exactly_one_stands() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tokens.add(Tokens.patient(patient(LocalDate.of(1980, 1, 1).plusDays(i))).sign());
        }
        LocalDate day = weekdayAhead(4);
        long slot = id(session("Nurse Race " + System.nanoTime(), day, Databases.firstDemoPatientAt("Y90001")).get(0));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> bookings = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String token = tokens.get(i % tokens.size());
                bookings.add(() -> Api.as(token).postJson("/api/me/appointments", "{\"slotId\":" + slot + ",\"reason\":\"Race\"}").status());
            }
            for (Future<Integer> status : pool.invokeAll(bookings)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(49, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from appointment where slot_id = ?", slot), "one row");
    }

    @Test
    void a_patient_holds_at_most_four_future_appointments_and_cannot_cancel_a_past_one() {
        String patient = patient(LocalDate.of(1965, 3, 3));
        Api.Client me = Api.as(Tokens.patient(patient).sign());
        List<JsonObject> slots = new ArrayList<>(session("Nurse Four " + patient, weekdayAhead(5), patient));
        slots.addAll(session("Nurse Five " + patient, weekdayAhead(6), patient));
        for (int i = 0; i < 4; i++) {
            assertEquals(201, me.postJson("/api/me/appointments", "{\"slotId\":" + id(slots.get(i)) + ",\"reason\":\"Review\"}").status());
        }
        assertTrue(me.postJson("/api/me/appointments", "{\"slotId\":" + id(slots.get(4)) + ",\"reason\":\"Review\"}").problem(409)
                .getString("detail").contains("4 future appointments"));

        long past = Databases.queryLong(Databases.HOSPITAL, "insert into appointment (slot_id, patient_nhs_number, practice_ods, starts_at,"
                + " reason, booked_by, booked_at, status) values (?, ?, 'Y90001', now() - interval '2 days', 'Earlier', 'test', now() -"
                + " interval '9 days', 'BOOKED') returning id", id(slots.get(5)), patient);
        me.request("DELETE", "/api/me/appointments/" + past, "If-Match", "\"1\"").problem(409);
    }

    @Test
    void the_practice_sees_its_day_list_and_cancels_with_a_reason_the_patient_reads_and_a_proxy_books_with_the_service() {
        String child = patient(LocalDate.now().minusYears(6));
        String parent = patient(LocalDate.of(1990, 2, 2));
        assertEquals(201, ADMIN.postJson("/api/patients/" + child + "/proxies", "{\"proxyNhsNumber\":\"" + parent + "\",\"proxyName\":\""
                + PatientAppIT.nameOf(parent) + "\",\"basis\":\"parental-responsibility\",\"evidence\":\"Seen\",\"services\":"
                + "[\"record\"]}").status());
        LocalDate day = weekdayAhead(2);
        List<JsonObject> slots = session("Nurse Day " + child, day, parent);
        Api.Client parentApp = Api.as(Tokens.patient(parent).sign());
        parentApp.postJson("/api/me/appointments?for=" + child, "{\"slotId\":" + id(slots.get(0)) + ",\"reason\":\"Cough\"}").problem(403);

        long link = Databases.queryLong(Databases.HOSPITAL, "select id from proxy_link where patient_nhs_number = ?", child);
        ADMIN.postJson("/api/patients/" + child + "/proxies/" + link + "/revocation", "{\"reason\":\"Services to be widened\"}");
        assertEquals(201, ADMIN.postJson("/api/patients/" + child + "/proxies", "{\"proxyNhsNumber\":\"" + parent + "\",\"proxyName\":\""
                + PatientAppIT.nameOf(parent) + "\",\"basis\":\"parental-responsibility\",\"evidence\":\"Seen\",\"services\":"
                + "[\"record\",\"appointments\"]}").status());
        Api.Reply booked = parentApp.postJson("/api/me/appointments?for=" + child, "{\"slotId\":" + id(slots.get(0)) + ",\"reason\":\"Cough\"}");
        assertEquals(201, booked.status(), booked.body());

        JsonObject listed = GP.get("/api/practice/appointments?date=" + day).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(entry -> entry.getString("patientNhsNumber").equals(child)).findFirst().orElseThrow();
        assertEquals("Cough", listed.getString("reason"));
        assertEquals(PatientAppIT.nameOf(child), listed.getString("patientName"));
        assertTrue(Databases.auditRows(child, "Appointment", "READ") >= 1, "the day list's read of the child is on their log");

        assertEquals(List.of("reason"), ADMIN.postJson("/api/patients/" + child + "/appointments/" + id(listed) + "/cancellation", "{}")
                .problemFields(400));
        assertEquals(200, ADMIN.postJson("/api/patients/" + child + "/appointments/" + id(listed) + "/cancellation",
                "{\"reason\":\"The nurse is unwell; please book again\"}").status());
        JsonObject seen = parentApp.get("/api/me/appointments?for=" + child).jsonArray().getJsonObject(0);
        assertEquals("cancelled", seen.getString("status"));
        assertEquals("The nurse is unwell; please book again", seen.getString("cancellationReason"));
    }

    @Test
    void reminders_tell_the_patient_of_a_review_due_a_repeat_running_out_an_appointment_soon_and_a_new_result() {
        String patient = patient(LocalDate.of(1958, 8, 8));
        String carer = patient(LocalDate.of(1960, 9, 9));
        String repeats = "/api/patients/" + patient + "/repeats";
        assertEquals(201, GP.postJson(repeats, "{\"medicine\":\"Lithium carbonate 400 mg tablets\",\"dose\":\"One at night\","
                + "\"quantity\":\"28 tablets\",\"issuesAllowed\":6,\"reviewDate\":\"" + LocalDate.now().plusDays(10) + "\"}").status());
        assertEquals(201, GP.postJson(repeats, "{\"medicine\":\"Simvastatin 20 mg tablets\",\"dose\":\"One at night\","
                + "\"quantity\":\"28 tablets\",\"issuesAllowed\":1,\"reviewDate\":\"" + LocalDate.now().plusMonths(6) + "\"}").status());
        long result = GP.postJson("/api/patients/" + patient + "/blood-tests", "{\"test\":\"Sodium\",\"value\":139,\"unit\":"
                + "\"mmol/L\",\"referenceLow\":133,\"referenceHigh\":146,\"reportedAt\":\"2026-11-01T09:00:00Z\"}").json()
                .getJsonNumber("id").longValue();
        GP.postJson("/api/patients/" + patient + "/results/" + result + "/review", "{}");
        Api.Client me = Api.as(Tokens.patient(patient).sign());
        JsonObject slot = session("Nurse Soon " + patient, weekdayAhead(1), patient).get(0);
        assertEquals(201, me.postJson("/api/me/appointments", "{\"slotId\":" + id(slot) + ",\"reason\":\"Dressing\"}").status());

        List<String> kinds = me.get("/api/me/reminders").jsonArray().getValuesAs(JsonObject.class).stream()
                .map(reminder -> reminder.getString("kind")).sorted().toList();
        assertEquals(List.of("MEDICATION_REVIEW_DUE", "REPEAT_RUNNING_OUT", "RESULT_RELEASED", "UPCOMING_APPOINTMENT"), kinds);

        assertEquals(201, ADMIN.postJson("/api/patients/" + patient + "/proxies", "{\"proxyNhsNumber\":\"" + carer + "\",\"proxyName\":\""
                + PatientAppIT.nameOf(carer) + "\",\"basis\":\"lasting-power-of-attorney\",\"evidence\":\"LPA checked\","
                + "\"services\":[\"record\"]}").status());
        List<String> forAttorney = Api.as(Tokens.patient(carer).sign()).get("/api/me/reminders?for=" + patient).jsonArray()
                .getValuesAs(JsonObject.class).stream().map(reminder -> reminder.getString("kind")).toList();
        assertEquals(List.of("RESULT_RELEASED"), forAttorney, "only what the services granted cover");
    }

    @Test
    void the_demo_practices_have_four_weeks_of_slots_a_patient_of_theirs_can_search() {
        List<JsonObject> slots = Api.as(Tokens.patient("9989999902").sign()).get("/api/me/appointments/slots").jsonArray()
                .getValuesAs(JsonObject.class);
        assertTrue(slots.stream().anyMatch(slot -> slot.getString("clinicianName").equals("Dr Amina Shah")
                && slot.getString("kind").equals("face-to-face")), "Dr Shah's surgery at Beech Road");
        assertTrue(slots.stream().anyMatch(slot -> slot.getString("kind").equals("telephone")));
    }
}

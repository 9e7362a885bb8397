package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.time.LocalDate;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.patient.NhsNumber;

/**
 * The practice in the portal: proxy access, recorded and ended by its administrators and GPs; its GPs' queues of results to
 * review (each released to the patient with the GP's comment) and of repeat requests (issued to the pharmacy, or rejected
 * with a reason the patient reads).
 */
class PracticePortalIT extends IcrDeployment {

    private static final Api.Client GP_CANAL = Api.as(Tokens.staff("gp.canal", "GP").sign());

    private static TestPatients patientAtCanal() {
        TestPatients patient = aPatient().gpPractice("Y90002").birthDate(LocalDate.of(1966, 6, 16));
        assertEquals(201, patient.register().status());
        return patient;
    }

    @Test
    void a_gp_reviews_a_result_from_the_practice_queue_with_a_comment_the_patient_then_reads() {
        TestPatients patient = patientAtCanal();
        long result = GP_CANAL.postJson("/api/patients/" + patient.nhsNumber() + "/blood-tests", "{\"test\":\"Potassium\",\"value\":5.9,"
                + "\"unit\":\"mmol/L\",\"referenceLow\":3.5,\"referenceHigh\":5.3,\"reportedAt\":\"2026-11-02T09:00:00Z\"}").json()
                .getJsonNumber("id").longValue();
        Portal gp = Portal.signIn("gp.canal");
        Api.Reply queue = gp.get("/practice/results.xhtml");
        assertEquals(200, queue.status());
        int row = Portal.rowIndexOf(queue.body(), NhsNumber.parse(patient.nhsNumber()).formatted());

        Api.Reply reviewed = gp.submit("/practice/results.xhtml", queue, "results", "results:queue:" + row + ":review",
                Map.of("results:queue:" + row + ":comment", "A little high: please book a repeat test"));
        assertTrue(reviewed.body().contains("reviewed: it is released to them, with your comment"), reviewed.body());
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from hospital_entry where id = ? and reviewed_by_username"
                + " = 'gp.canal' and review_comment = 'A little high: please book a repeat test'", result));
        assertEquals("A little high: please book a repeat test", Api.as(Tokens.patient(patient.nhsNumber()).sign()).get("/api/me/results")
                .json().getJsonArray("items").getJsonObject(0).getString("clinicianComment"));
        assertEquals(403, Portal.signIn("admin.beech").get("/practice/results.xhtml").status(), "the practice's GPs review");
    }

    @Test
    void a_gp_rejects_a_repeat_request_only_with_a_reason_and_issues_another_from_the_portal() {
        TestPatients patient = patientAtCanal();
        String nhs = patient.nhsNumber();
        for (String medicine : new String[] {"Amlodipine 5 mg tablets", "Sertraline 50 mg tablets"}) {
            assertEquals(201, GP_CANAL.postJson("/api/patients/" + nhs + "/repeats", "{\"medicine\":\"" + medicine + "\",\"dose\":\"One"
                    + " daily\",\"quantity\":\"28 tablets\",\"issuesAllowed\":3,\"reviewDate\":\"" + LocalDate.now().plusMonths(4) + "\"}")
                    .status());
        }
        Api.Client me = Api.as(Tokens.patient(nhs).sign());
        String repeats = me.get("/api/me/prescriptions").jsonArray().getValuesAs(JsonObject.class).stream()
                .map(repeat -> Long.toString(repeat.getJsonNumber("id").longValue())).reduce((a, b) -> a + "," + b).orElseThrow();
        assertEquals(201, me.postJson("/api/me/prescriptions/requests", "{\"repeats\":[" + repeats + "],\"pharmacyOdsCode\":\"FA123\"}")
                .status());

        Portal gp = Portal.signIn("gp.canal");
        Api.Reply queue = gp.get("/practice/repeats.xhtml");
        // this patient's row: the queue holds every pending request of the practice
        String formatted = NhsNumber.parse(nhs).formatted();
        int amlodipine = Portal.rowIndexOf(queue.body(), "Amlodipine 5 mg tablets", formatted);
        Api.Reply refused = gp.submit("/practice/repeats.xhtml", queue, "repeats", "repeats:queue:" + amlodipine + ":reject", Map.of());
        assertTrue(refused.body().contains("Give the reason the patient will read"), refused.body());
        Api.Reply rejected = gp.submit("/practice/repeats.xhtml", refused, "repeats", "repeats:queue:" + amlodipine + ":reject",
                Map.of("repeats:queue:" + amlodipine + ":reason", "Stopped at your review last week"));
        assertTrue(rejected.body().contains("rejected; the patient sees your reason"), rejected.body());

        int sertraline = Portal.rowIndexOf(rejected.body(), "Sertraline 50 mg tablets", formatted);
        Api.Reply issued = gp.submit("/practice/repeats.xhtml", rejected, "repeats", "repeats:queue:" + sertraline + ":issue", Map.of());
        assertTrue(issued.body().contains("issued to FA123"), issued.body());
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from repeat_request where patient_nhs_number = ? and status"
                + " = 'REJECTED' and rejection_reason = 'Stopped at your review last week'", nhs));
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from repeat_request where patient_nhs_number = ? and status"
                + " = 'ISSUED'", nhs));
    }

    @Test
    void the_practice_records_a_parent_in_the_portal_and_ends_their_access_with_a_reason() {
        TestPatients parent = aPatient().gpPractice("Y90001").birthDate(LocalDate.of(1987, 7, 17));
        TestPatients child = aPatient().gpPractice("Y90001").birthDate(LocalDate.now().minusYears(7));
        assertEquals(201, parent.register().status());
        assertEquals(201, child.register().status());
        String page = "/patients/proxies.xhtml?nhsNumber=" + child.nhsNumber();
        Portal admin = Portal.signIn("admin.beech");
        Api.Reply empty = admin.get(page);
        assertTrue(empty.body().contains("No one is recorded as acting for this patient"), empty.body());

        Api.Reply refused = admin.submit(page, empty, "newLink", "newLink:record", Map.of("newLink:proxyNhsNumber", parent.nhsNumber(),
                "newLink:proxyName", "Somebody Else", "newLink:basis", "parental-responsibility", "newLink:evidence", "Birth certificate",
                "newLink:services", "record"));
        assertTrue(refused.body().contains("registered to someone of another name"), "a wrong name is said beside the field");
        Api.Reply recorded = admin.submit(page, refused, "newLink", "newLink:record", Map.of("newLink:proxyNhsNumber", parent.nhsNumber(),
                "newLink:proxyName", PatientAppIT.nameOf(parent.nhsNumber()), "newLink:basis", "parental-responsibility",
                "newLink:evidence", "Birth certificate seen", "newLink:services", "record"));
        assertTrue(recorded.body().contains("recorded as able to act for the patient: active"), recorded.body());
        assertEquals(200, Api.as(Tokens.patient(parent.nhsNumber()).sign()).get("/api/me/record?for=" + child.nhsNumber()).status());

        Api.Reply ended = admin.submit(page, recorded, "links", "links:table:0:revoke", Map.of("links:table:0:reason",
                "Parental responsibility ended by court order"));
        assertTrue(ended.body().contains("the access has ended"), ended.body());
        Api.as(Tokens.patient(parent.nhsNumber()).sign()).get("/api/me/record?for=" + child.nhsNumber()).problem(403);
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from proxy_link where patient_nhs_number = ? and revoked_by"
                + " = 'Sam Turner' and revocation_reason = 'Parental responsibility ended by court order'", child.nhsNumber()));
    }

    @Test
    void the_practice_makes_slots_sees_the_day_list_and_cancels_with_a_reason_in_the_portal() {
        TestPatients patient = aPatient().gpPractice("Y90001").birthDate(LocalDate.of(1979, 9, 19));
        assertEquals(201, patient.register().status());
        LocalDate day = LocalDate.now().plusDays(9);
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.plusDays(1);
        }
        String clinician = "Nurse Portal " + patient.nhsNumber();
        Portal admin = Portal.signIn("admin.beech");
        Api.Reply book = admin.get("/appointments/book.xhtml");
        assertEquals(200, book.status());
        Api.Reply made = admin.submit("/appointments/book.xhtml", book, "session", "session:make", Map.of("session:clinicianName", clinician,
                "session:clinicianRole", "Practice nurse", "session:place", "Room 3", "session:kind", "telephone", "session:from",
                day.toString(), "session:to", day.toString(), "session:startTime", "07:00", "session:endTime", "07:30",
                "session:slotMinutes", "15"));
        assertTrue(made.body().contains("2 slots made for " + clinician), made.body());

        Api.Client me = Api.as(Tokens.patient(patient.nhsNumber()).sign());
        long slot = me.get("/api/me/appointments/slots?from=" + day + "&to=" + day).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(found -> found.getString("clinicianName").equals(clinician)).findFirst().orElseThrow().getJsonNumber("id").longValue();
        assertEquals(201, me.postJson("/api/me/appointments", "{\"slotId\":" + slot + ",\"reason\":\"Test results call\"}").status());

        Api.Reply list = admin.submit("/appointments/book.xhtml", made, "day", "day:show", Map.of("day:date", day.toString()));
        int row = Portal.rowIndexOf(list.body(), "Test results call");
        Api.Reply refused = admin.submit("/appointments/book.xhtml", list, "day", "day:list:" + row + ":cancel", Map.of("day:date", day.toString()));
        assertTrue(refused.body().contains("Give the reason the patient will read"), refused.body());
        Api.Reply cancelled = admin.submit("/appointments/book.xhtml", refused, "day", "day:list:" + row + ":cancel",
                Map.of("day:date", day.toString(), "day:list:" + row + ":reason", "The nurse is on leave; please book again"));
        assertTrue(cancelled.body().contains("is cancelled; they see your reason"), cancelled.body());
        JsonObject seen = me.get("/api/me/appointments").jsonArray().getJsonObject(0);
        assertEquals("The nurse is on leave; please book again", seen.getString("cancellationReason"));
        assertEquals(403, Portal.signIn("nurse.northgate").get("/appointments/book.xhtml").status(), "the practice's book");
    }

    @Test
    void a_gp_authorises_a_repeat_in_the_portal_and_the_patient_can_request_it() {
        TestPatients patient = patientAtCanal();
        String page = "/patients/repeats.xhtml?nhsNumber=" + patient.nhsNumber();
        Portal gp = Portal.signIn("gp.canal");
        Api.Reply empty = gp.get(page);
        assertTrue(empty.body().contains("Nothing is on repeat."), empty.body());
        Api.Reply refused = gp.submit(page, empty, "authorise", "authorise:save", Map.of("authorise:medicine", "Lansoprazole 15 mg capsules",
                "authorise:dose", "One daily", "authorise:quantity", "28 capsules", "authorise:issuesAllowed", "60",
                "authorise:reviewDate", LocalDate.now().plusMonths(6).toString()));
        assertTrue(refused.body().contains("52") && !refused.body().contains("authorised for"), "60 issues refused: at most 52");
        Api.Reply authorised = gp.submit(page, refused, "authorise", "authorise:save", Map.of("authorise:medicine",
                "Lansoprazole 15 mg capsules", "authorise:dose", "One daily", "authorise:quantity", "28 capsules",
                "authorise:issuesAllowed", "6", "authorise:reviewDate", LocalDate.now().plusMonths(6).toString()));
        assertTrue(authorised.body().contains("Lansoprazole 15 mg capsules authorised for 6 issues"), authorised.body());
        assertTrue(Api.as(Tokens.patient(patient.nhsNumber()).sign()).get("/api/me/prescriptions").jsonArray().getJsonObject(0)
                .getBoolean("requestable"));
    }
}

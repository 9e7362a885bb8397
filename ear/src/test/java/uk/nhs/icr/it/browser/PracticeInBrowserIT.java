package uk.nhs.icr.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import uk.nhs.icr.it.Api;
import uk.nhs.icr.it.Databases;
import uk.nhs.icr.it.IcrDeployment;
import uk.nhs.icr.it.TestPatients;
import uk.nhs.icr.it.Tokens;
import uk.nhs.icr.patient.NhsNumber;

/**
 * The practice's side of the patient's app in Debian's Chromium: a GP's queues (results to review, repeat requests), a
 * patient's repeats, marking an entry "not for patient view" from the timeline, and the administrator's appointment book
 * and proxy links. Every page is checked with axe-core and photographed into target/screenshots/.
 */
class PracticeInBrowserIT extends IcrDeployment {

    private static final Api.Client GP_CANAL = Api.as(Tokens.staff("gp.canal", "GP").sign());

    private static TestPatients registeredAt(String practice, LocalDate born) {
        TestPatients patient = TestPatients.aPatient().gpPractice(practice).birthDate(born);
        assertEquals(201, patient.register().status());
        return patient;
    }

    private static void assertAccessible(Browser browser, String page) {
        assertEquals(List.of(), browser.accessibilityViolations(), page + ": serious or critical WCAG 2.2 AA violations");
    }

    @Test
    void a_gp_works_the_practice_queues_and_a_patients_repeats_in_accessible_pages() {
        TestPatients patient = registeredAt("Y90002", LocalDate.of(1961, 3, 13));
        String nhs = patient.nhsNumber();
        assertEquals(201, GP_CANAL.postJson("/api/patients/" + nhs + "/blood-tests", "{\"test\":\"Potassium\",\"value\":5.9,\"unit\":"
                + "\"mmol/L\",\"referenceLow\":3.5,\"referenceHigh\":5.3,\"reportedAt\":\"2026-11-02T09:00:00Z\"}").status());
        assertEquals(201, GP_CANAL.postJson("/api/patients/" + nhs + "/repeats", "{\"medicine\":\"Atorvastatin 20 mg tablets\",\"dose\":"
                + "\"One at night\",\"quantity\":\"28 tablets\",\"issuesAllowed\":6,\"reviewDate\":\"" + LocalDate.now().plusMonths(5)
                + "\"}").status());
        Api.Client me = Api.as(Tokens.patient(nhs).sign());
        long repeat = me.get("/api/me/prescriptions").jsonArray().getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(201, me.postJson("/api/me/prescriptions/requests", "{\"repeats\":[" + repeat + "],\"pharmacyOdsCode\":\"FA123\"}").status());
        String formatted = NhsNumber.parse(nhs).formatted();

        try (Browser browser = Browser.open("practice-queues", Browser.DESKTOP)) {
            browser.visit("/").signIn("gp.canal");
            browser.visit("/practice/results.xhtml");
            assertTrue(browser.find(By.id("results")).getText().contains(formatted), "the result waits in the queue");
            browser.screenshot("results-to-review");
            assertAccessible(browser, "results to review");

            browser.visit("/practice/repeats.xhtml");
            assertTrue(browser.find(By.id("repeats")).getText().contains("Atorvastatin 20 mg tablets"), "the request waits in the queue");
            browser.screenshot("repeat-requests");
            assertAccessible(browser, "repeat requests");

            browser.visit("/patients/repeats.xhtml?nhsNumber=" + nhs);
            assertTrue(browser.text().contains("Atorvastatin 20 mg tablets"));
            browser.screenshot("patients-repeats");
            assertAccessible(browser, "a patient's repeats");
        }
    }

    @Test
    void a_gp_marks_an_entry_not_for_patient_view_from_the_timeline_and_the_patient_no_longer_reads_it() {
        TestPatients patient = registeredAt("Y90001", LocalDate.of(1972, 7, 27));
        String nhs = patient.nhsNumber();
        Databases.addProblemDirectly(nhs, "GENERAL", "Letter from a relative about home circumstances");
        Api.Client me = Api.as(Tokens.patient(nhs).sign());
        assertEquals(1, me.get("/api/me/record").json().getInt("totalItems"), "the patient reads it before");

        try (Browser browser = Browser.open("not-for-patient-view", Browser.DESKTOP)) {
            browser.visit("/").signIn("gp.beech");
            PatientPages pages = new PatientPages(browser, nhs).openRecord().showTimeline();
            assertTrue(pages.openTimelineEntry(0).contains("Shown to the patient"));
            browser.click(By.id("record:timelineForm:timeline:0:hideFromPatient"));
            browser.waitForText("is now left out of the patient's own view");
            String detail = pages.openedTimelineEntry();
            assertTrue(detail.contains("Not shown: marked not for patient view") && detail.contains("Show to the patient again"), detail);
            browser.screenshot("marked");
            assertAccessible(browser, "timeline entry marked not for patient view");
        }
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from hospital_entry where patient_nhs_number = ?"
                + " and hidden_from_patient", nhs));
        JsonObject seen = me.get("/api/me/record").json();
        assertEquals(0, seen.getInt("totalItems"), "left out of the patient's own view: " + seen);
        assertEquals(1, Api.as(Tokens.staff("gp.beech", "GP").sign()).get("/api/patients/" + nhs + "/record").json().getInt("totalItems"),
                "still in the record for staff");
    }

    @Test
    void the_practice_administrator_keeps_the_appointment_book_and_proxy_links_in_accessible_pages() {
        TestPatients child = registeredAt("Y90001", LocalDate.now().minusYears(6));
        TestPatients parent = registeredAt("Y90001", LocalDate.of(1990, 10, 10));
        Api.Client admin = Api.as(Tokens.staff("admin.beech", "ADMIN").sign());
        List<String> registered = Databases.patientRow(parent.nhsNumber());
        assertEquals(201, admin.postJson("/api/patients/" + child.nhsNumber() + "/proxies", "{\"proxyNhsNumber\":\""
                + parent.nhsNumber() + "\",\"proxyName\":\"" + registered.get(1) + " " + registered.get(2) + "\",\"basis\":"
                + "\"parental-responsibility\",\"evidence\":\"Birth certificate seen\",\"services\":[\"record\",\"appointments\"]}")
                .status());

        try (Browser browser = Browser.open("practice-admin", Browser.DESKTOP)) {
            browser.visit("/").signIn("admin.beech");
            browser.visit("/appointments/book.xhtml");
            assertTrue(browser.find(By.id("session")).getText().contains("Make the slots"), "the form that makes slots");
            browser.screenshot("appointment-book");
            assertAccessible(browser, "appointment book");

            browser.visit("/patients/proxies.xhtml?nhsNumber=" + child.nhsNumber());
            String links = browser.find(By.id("links")).getText();
            assertTrue(links.contains(parent.familyName()) && links.contains("Birth certificate seen"), links);
            browser.screenshot("proxy-links");
            assertAccessible(browser, "proxy links");
        }
    }
}

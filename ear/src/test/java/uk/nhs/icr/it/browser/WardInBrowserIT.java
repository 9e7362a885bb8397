package uk.nhs.icr.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import uk.nhs.icr.it.Api;
import uk.nhs.icr.it.Databases;
import uk.nhs.icr.it.IcrDeployment;
import uk.nhs.icr.it.Inpatients;
import uk.nhs.icr.it.Inpatients.Admitted;
import uk.nhs.icr.it.Tokens;

/**
 * The ward in Debian's Chromium: a doctor finds the patient on the ward list with an overdue dose, prescribes from the
 * formulary and is stopped by the allergy check until she gives a reason; a nurse gives the overdue dose from the chart and
 * completes a task. Checked with axe-core.
 */
class WardInBrowserIT extends IcrDeployment {

    @Test
    void a_doctor_prescribes_past_an_allergy_with_a_reason_and_a_nurse_gives_an_overdue_dose() {
        Api.Client clinician = Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign());
        Admitted patient = Inpatients.admittedTo("RXA");
        assertEquals(200, clinician.putJson(patient.admission() + "/ward", "{\"ward\":\"OAK\",\"bed\":\"T9\"}").status());
        Databases.addAllergyDirectly(patient.nhsNumber(), "Penicillin");
        Instant due = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        assertEquals(201, clinician.postJson(patient.prescriptions(), Inpatients.prescription(patient.admissionId(),
                "Amlodipine 5mg tablets", "5", Inpatients.timeOfDay(due)).startingAt(Instant.now().minus(Duration.ofHours(20))).json())
                .status());
        assertEquals(200, clinician.putJson(patient.admission() + "/plan", "{\"problem\":\"Cellulitis of the leg\",\"goals\":\"Redness"
                + " receding\",\"tasks\":[{\"title\":\"Mark the edge of the redness\",\"kind\":\"observations\",\"ownerRole\":\"NURSE\","
                + "\"dueAt\":\"" + due + "\"}]}").status());
        String name = Databases.row(Databases.HOSPITAL, "select given_name || ' ' || family_name from patient where nhs_number = ?",
                patient.nhsNumber()).get(0);

        List<String> inaccessible = new ArrayList<>();
        try (Browser browser = Browser.open("ward-prescribing", Browser.DESKTOP)) {
            browser.visit("/").signIn("clinician.northgate");
            browser.submit(By.id("navWard"));
            browser.visit("/ward/index.xhtml?ward=OAK");
            browser.waitForText("Overdue doses");
            assertTrue(browser.text().contains(name), "the patient is on the ward list");
            inaccessible.addAll(browser.accessibilityViolations());
            browser.submit(By.xpath("//*[@id='list']//a[normalize-space()='" + name + "']"));
            browser.waitForText("Medicines chart");
            inaccessible.addAll(browser.accessibilityViolations());

            EntryPage rx = new EntryPage(browser, "prescribe");
            rx.pick("medicine", "Amoxi", "Amoxicillin 500mg capsules");
            browser.waitForValue(By.id("prescribe:route"), "oral");
            rx.choose("kind", "Regular");
            rx.type("dose", "500").type("timesOfDay", "08:00 14:00 22:00").type("indication", "Cellulitis");
            browser.click(By.id("prescribe:check"));
            browser.waitForText("HARD STOP: Recorded allergy to Penicillin");
            rx.press("save");
            assertTrue(rx.errorBeside("overrideReason").contains("a hard stop"), rx.errorBeside("overrideReason"));
            rx.type("overrideReason", "Tolerated amoxicillin in 2025 without reaction; microbiology advice");
            rx.press("save");
            browser.waitForText("Amoxicillin 500mg capsules prescribed");
            browser.screenshot("prescribed");
        }
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from inpatient_prescription where patient_nhs_number = ?"
                + " and override_reason like 'Tolerated amoxicillin%'", patient.nhsNumber()));

        try (Browser browser = Browser.open("ward-round", Browser.DESKTOP)) {
            browser.visit("/").signIn("nurse.northgate");
            browser.visit("/ward/patient.xhtml?nhsNumber=" + patient.nhsNumber() + "&admission=" + patient.admissionId() + "&date="
                    + java.time.LocalDate.ofInstant(due, Inpatients.UK));
            browser.waitForText("Medicines chart");
            assertTrue(browser.has(By.xpath("//tr[.//strong[text()='Amlodipine 5mg tablets']]//span[contains(@class, 'icr-dose-overdue')]")),
                    "the amlodipine dose is overdue");
            browser.submit(By.xpath("//tr[.//strong[text()='Amlodipine 5mg tablets']]//input[@value='Given']"));
            browser.waitForText("Dose recorded: given");
            browser.submit(By.xpath("//tr[.//td[text()='Mark the edge of the redness']]//input[@value='Done']"));
            browser.waitForText("Task done");
            inaccessible.addAll(browser.accessibilityViolations());
            browser.screenshot("given");
        }
        assertEquals(List.of("GIVEN"), Databases.column(Databases.HOSPITAL, "select a.outcome from medicine_administration a join"
                + " inpatient_prescription p on p.id = a.prescription_id where p.patient_nhs_number = ? and p.dose = 5",
                patient.nhsNumber()));
        assertEquals(List.of(), inaccessible, "serious or critical WCAG 2.2 AA violations");
    }
}

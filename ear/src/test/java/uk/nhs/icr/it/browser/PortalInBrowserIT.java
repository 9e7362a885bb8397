package uk.nhs.icr.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import uk.nhs.icr.it.Api;
import uk.nhs.icr.it.Databases;
import uk.nhs.icr.it.IcrDeployment;
import uk.nhs.icr.it.TestPatients;
import uk.nhs.icr.it.Tokens;
import uk.nhs.icr.patient.NhsNumber;

/**
 * The portal in Debian's Chromium, as a GP uses it (issue 11): signing in from a fresh browser, the patient banner on
 * every page about a patient, the timeline's filters. Every page visited is checked with axe-core, and each step is
 * photographed at desktop and phone widths into target/screenshots/.
 */
class PortalInBrowserIT extends IcrDeployment {

    private static final LocalDate BORN = LocalDate.of(1985, 12, 10);

    /**
     * A Beech Road patient of gp.beech with a problem, a medicine, an allergy, 50 blood tests and 50 care visits: six
     * timeline pages.
     */
    private static TestPatients aPatientWithALongRecord() {
        TestPatients patient = TestPatients.aPatient().birthDate(BORN);
        assertEquals(201, patient.register().status());
        Databases.startCare(patient.nhsNumber(), "CP001");
        Databases.addEntriesDirectly(patient.nhsNumber(), 50);
        // and what a summary is for: a problem, a medicine, an allergy (the screenshot in the README shows them)
        Api.Client gp = Api.as(Tokens.staff("gp.beech", "GP").sign());
        String path = "/api/patients/" + patient.nhsNumber();
        assertEquals(201, gp.postJson(path + "/problems", Api.json("snomedCode", "38341003", "display", "Hypertension",
                "onset", "2019-03-01")).status());
        assertEquals(201, gp.postJson(path + "/medications", Api.json("name", "Amlodipine 5mg tablets", "dose", "5 mg", "route", "oral",
                "frequency", "once daily", "course", "repeat", "startedAt", "2019-03-08")).status());
        assertEquals(201, gp.postJson(path + "/allergies", Api.json("substance", "Penicillin", "reaction", "Widespread rash",
                "severity", "moderate", "notedAt", "2004-06-01")).status());
        return patient;
    }

    private static void assertAccessible(Browser browser, String page, List<String> problems) {
        browser.accessibilityViolations().forEach(violation -> problems.add(page + ": " + violation));
    }

    @Test
    void a_fresh_browser_signs_in_to_the_page_it_asked_for_not_to_the_favicon() {
        try (Browser browser = Browser.open("sign-in", Browser.DESKTOP)) {
            browser.visit("/patients/search.xhtml");
            browser.find(By.id("j_username"));
            assertTrue(browser.find(By.id("lockOutRule")).getText().startsWith("After 5 failed sign-ins in a row an account is locked for"
                    + " 15 minutes"), "warned before the fifth attempt, and told how long a lock lasts");
            browser.screenshot("sign-in-page");
            browser.signIn("gp.beech");

            browser.find(By.id("navSearch"));
            assertTrue(browser.path().startsWith("/patients/search.xhtml"), browser.path());
            assertFalse(browser.text().contains("Not Found"), browser.text());
            browser.screenshot("signed-in");
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            assertEquals("skipLink", browser.driver().switchTo().activeElement().getAttribute("id"),
                    "the first thing the keyboard reaches skips to the content");
        }
    }

    @Test
    void every_page_about_a_patient_shows_the_banner_and_it_stays_in_view() {
        TestPatients patient = aPatientWithALongRecord();
        String nhsNumber = patient.nhsNumber();
        String formatted = NhsNumber.parse(nhsNumber).formatted();
        String age = java.time.Period.between(BORN, LocalDate.now()).getYears() + " years";
        List<String> inaccessible = new ArrayList<>();
        for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            try (Browser browser = Browser.open("patient-banner", size)) {
                browser.visit("/").signIn("gp.beech");
                PatientPages pages = new PatientPages(browser, nhsNumber);
                List<Runnable> visits = List.of(pages::openRecord, pages::openPreferences, () -> pages.openNewEntry("problem"),
                        pages::openOrganDonation);
                List<String> names = List.of("patient", "preferences", "new-problem", "organ-donation");
                for (int i = 0; i < visits.size(); i++) {
                    visits.get(i).run();
                    String banner = pages.banner();
                    String where = names.get(i) + " at " + size.width + " px";
                    assertTrue(banner.contains(patient.familyName().toUpperCase(Locale.UK) + ", Ada"), where + ": " + banner);
                    assertTrue(banner.contains("10-Dec-1985 (" + age + ")"), where + ": " + banner);
                    assertTrue(banner.contains("Female"), where + ": " + banner);
                    assertTrue(banner.contains(formatted), where + ": " + banner);
                    assertTrue(banner.contains("Beech Road Surgery"), where + ": " + banner);
                    browser.screenshot(names.get(i));
                    if (size == Browser.DESKTOP) {
                        assertAccessible(browser, names.get(i), inaccessible);
                    }
                }
                pages.openRecord();
                assertTrue(pages.pageHeight() > size.height, "the patient page is longer than the window");
                double top = pages.bannerTopAfterScrollingDown();
                assertTrue(top >= -1 && top < 5, "the banner stays at the top of the window, not at " + top);
                browser.screenshot("patient-scrolled");
                pages.openRecord().showTimeline();
                long overflow = ((Number) browser.script("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
                assertTrue(overflow <= 1, "the timeline fits the " + size.width + " px window, no sideways scrolling: " + overflow + " px over");
                browser.screenshot("timeline");
            }
        }
        assertEquals(List.of(), inaccessible);
    }

    @Test
    void a_timeline_filter_starts_from_the_newest_entry_and_says_how_many() {
        TestPatients patient = aPatientWithALongRecord();
        try (Browser browser = Browser.open("timeline-filter", Browser.DESKTOP)) {
            browser.visit("/").signIn("gp.beech");
            PatientPages pages = new PatientPages(browser, patient.nhsNumber()).openRecord().showTimeline();
            assertEquals("103 entries, newest first", pages.timelineCount());
            pages.goToTimelinePage(3);
            browser.screenshot("page-3");

            pages.filterBySource("Hospital");

            assertEquals("53 entries, newest first", pages.timelineCount());
            assertEquals(1, pages.currentTimelinePage(), "a new filter starts from the newest entry");
            assertEquals(List.of("Hospital"), pages.timelineSources().stream().distinct().toList());
            browser.screenshot("filtered");
            List<String> inaccessible = new ArrayList<>();
            assertAccessible(browser, "timeline", inaccessible);
            assertEquals(List.of(), inaccessible);
        }
    }

    @Test
    void the_privacy_officer_pages_through_an_access_log_narrowed_to_break_glass_with_those_rows_marked() {
        TestPatients patient = TestPatients.aPatient().birthDate(BORN);
        assertEquals(201, patient.register().status());
        String path = "/api/patients/" + patient.nhsNumber();
        Api.Client gp = Api.as(Tokens.staff("gp.beech", "GP").sign());
        for (int i = 0; i < 30; i++) {
            assertEquals(200, gp.get(path).status());
        }
        Api.Client otherGp = Api.as(Tokens.staff("gp.canal", "GP").sign());
        assertEquals(201, otherGp.postJson(path + "/break-glass", Api.json("reason", "Collapsed at the bus stop, need history")).status());
        assertEquals(200, otherGp.get(path + "/summary").status());
        List<String> inaccessible = new ArrayList<>();
        for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            try (Browser browser = Browser.open("access-log", size)) {
                browser.visit("/privacy/access-log.xhtml").signIn("privacy.officer");
                browser.type(By.id("accessLog:nhsNumber"), patient.nhsNumber());
                browser.submit(By.id("accessLog:show"));
                browser.waitForText("found, newest first");
                long recorded = Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?",
                        patient.nhsNumber());
                assertEquals(recorded + " accesses found, newest first. Break-glass accesses are marked.",
                        browser.find(By.id("accessCount")).getText(), "every access on record, this look included");
                assertTrue(browser.has(By.cssSelector("#entries_paginator_bottom")), "more than one page");
                assertTrue(browser.has(By.cssSelector("tr.icr-break-glass-row")), "break-glass rows are marked");
                assertTrue(browser.text().contains("gp.canal"));
                assertTrue(browser.text().contains("Direct care") && !browser.text().contains("DIRECT_CARE"),
                        "the purpose in words, not its code");
                browser.screenshot("all-accesses");

                browser.click(By.cssSelector("[id='accessLog:breakGlassOnly'] .ui-chkbox-box"));
                browser.submit(By.id("accessLog:show"));
                browser.waitForText("accesses found");
                List<WebElement> rows = browser.findAll(By.cssSelector("[id='entries_data'] tr"));
                assertFalse(rows.isEmpty());
                assertTrue(rows.stream().allMatch(row -> row.getAttribute("class").contains("icr-break-glass-row")),
                        "only break-glass accesses, each marked");
                browser.screenshot("break-glass-only");
                if (size == Browser.DESKTOP) {
                    assertAccessible(browser, "access-log", inaccessible);
                }
            }
        }
        assertEquals(List.of(), inaccessible);
    }

    @Test
    void the_consent_editor_starts_with_no_rule_says_in_words_what_a_version_will_do_and_starts_the_next_from_it() {
        TestPatients patient = TestPatients.aPatient().birthDate(BORN);
        assertEquals(201, patient.register().status());
        try (Browser browser = Browser.open("consent-editor", Browser.DESKTOP)) {
            browser.visit("/").signIn("gp.beech");
            new PatientPages(browser, patient.nhsNumber()).openPreferences();
            browser.submit(By.id("consentForm:addProvision"));
            browser.find(By.id("consentForm:provisions:0:type"));
            assertTrue(browser.find(By.id("consentForm:provisions:0:type")).getText().contains("Choose a rule"),
                    "a new provision hides nothing until a rule is chosen");
            assertTrue(browser.find(By.id("consentForm:preview")).getText().contains("Choose whether this provision withholds"));

            browser.choose("consentForm:provisions:0:type", "Deny: withhold");
            browser.tickInMenu("consentForm:provisions:0:categories", "mental health");
            browser.tickInMenu("consentForm:provisions:0:organisations", "Riverside University Hospitals NHS Trust");
            browser.click(By.id("consentForm:previewConsent"));
            browser.waitForText("Withhold mental health from staff at Riverside University Hospitals NHS Trust.");
            browser.screenshot("preview");
            List<String> inaccessible = new ArrayList<>();
            assertAccessible(browser, "consent-editor", inaccessible);

            browser.type(By.id("consentForm:reason"), "Patient asked at the surgery today");
            browser.click(By.cssSelector("[id='consentForm:atPatientsRequest'] .ui-chkbox-box"));
            browser.submit(By.id("consentForm:saveConsent"));
            browser.waitForText("Consent recorded as version 1");
            assertTrue(browser.find(By.id("currentProvisions")).getText().contains(
                    "Withhold mental health from staff at Riverside University Hospitals NHS Trust."), "organisations by name, not code");
            assertTrue(browser.find(By.id("consentForm:provisions:0:type")).getText().contains("Deny"),
                    "the next version starts from the one in force");
            browser.screenshot("recorded");
            assertEquals(List.of(), inaccessible);
        }
    }

    @Test
    void the_donation_nurse_reads_a_decision_in_words_told_apart_from_an_opt_out() {
        TestPatients patient = TestPatients.aPatient().birthDate(BORN);
        assertEquals(201, patient.register().status());
        assertEquals(201, Api.as(Tokens.patient(patient.nhsNumber()).sign()).postJson("/api/patients/" + patient.nhsNumber()
                + "/organ-donation", "{\"birthDate\":\"1985-12-10\",\"decision\":\"opt-in\",\"organs\":[\"KIDNEYS\",\"CORNEAS\"]}")
                .status());
        List<String> inaccessible = new ArrayList<>();
        for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            try (Browser browser = Browser.open("donation-look-up", size)) {
                browser.visit("/donation/lookup.xhtml").signIn("donation.nurse");
                browser.type(By.id("lookup:nhsNumber"), patient.nhsNumber());
                browser.submit(By.id("lookup:lookUp"));
                WebElement outcome = browser.find(By.id("outcome"));
                String banner = browser.find(By.id("patientBanner")).getText();
                assertTrue(banner.contains(patient.familyName().toUpperCase(Locale.UK) + ", Ada") && banner.contains("10-Dec-1985"),
                        "who the decision is about, to confirm at the bedside: " + banner);
                assertEquals("Opted in to donate", outcome.getText());
                assertTrue(outcome.getAttribute("class").contains("icr-decision-in"));
                assertTrue(browser.text().contains("Organs and tissue: kidneys, corneas"), browser.text());
                assertFalse(browser.text().contains("EXPRESS_OPT_IN"));
                browser.screenshot("decision");
                if (size == Browser.DESKTOP) {
                    assertAccessible(browser, "donation-look-up", inaccessible);
                }
            }
        }
        assertEquals(List.of(), inaccessible);
    }

    @Test
    void a_refused_form_lists_every_error_at_once_at_the_top_each_linked_to_its_marked_field() {
        TestPatients patient = TestPatients.aPatient().birthDate(BORN);
        assertEquals(201, patient.register().status());
        try (Browser browser = Browser.open("error-summary", Browser.DESKTOP)) {
            browser.visit("/").signIn("gp.beech");
            new PatientPages(browser, patient.nhsNumber()).openNewEntry("blood-test");
            browser.type(By.id("bloodTest:value"), "high");
            browser.submit(By.id("bloodTest:save"));

            WebElement summary = browser.find(By.id("errorSummary"));
            assertEquals("errorSummary", browser.driver().switchTo().activeElement().getAttribute("id"), "the summary takes the focus");
            List<String> targets = summary.findElements(By.tagName("a")).stream().map(link -> link.getAttribute("href"))
                    .map(href -> href.substring(href.indexOf('#') + 1)).toList();
            assertTrue(targets.containsAll(List.of("bloodTest:test", "bloodTest:value", "bloodTest:unit")),
                    "every refused field at once: " + targets);
            assertEquals("true", browser.find(By.id("bloodTest:value")).getAttribute("aria-invalid"));
            assertEquals("", Objects.requireNonNullElse(browser.find(By.id("bloodTest:test")).getAttribute("placeholder"), ""),
                    "no placeholder that looks like a value");
            browser.screenshot("refused");
            List<String> inaccessible = new ArrayList<>();
            assertAccessible(browser, "error-summary", inaccessible);
            assertEquals(List.of(), inaccessible);
        }
    }

    /** Defect 10: results a year apart and a day apart are drawn a year and a day apart, over the reference range as a band. */
    @Test
    void results_over_time_are_drawn_against_time_over_the_reference_band_and_come_as_a_table_too() {
        TestPatients patient = TestPatients.aPatient().birthDate(BORN);
        assertEquals(201, patient.register().status());
        Api.Client gp = Api.as(Tokens.staff("gp.beech", "GP").sign());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        for (Object[] result : new Object[][] {{400, "4.1"}, {30, "5.9"}, {29, "4.6"}}) {
            assertEquals(201, gp.postJson("/api/patients/" + patient.nhsNumber() + "/blood-tests", Api.json("test", "Potassium",
                    "value", (String) result[1], "unit", "mmol/L", "referenceLow", "3.5", "referenceHigh", "5.3", "reportedAt",
                    now.minus(Duration.ofDays((int) result[0])).toString())).status());
        }
        try (Browser browser = Browser.open("results-over-time", Browser.DESKTOP)) {
            browser.visit("/").signIn("gp.beech");
            new PatientPages(browser, patient.nhsNumber()).openRecord();
            browser.click(By.xpath("//ul[@role='tablist']//a[normalize-space()='Results over time']"));
            browser.choose("record:resultsForm:test", "Potassium");
            browser.find(By.id("record:resultsForm:resultsTable"));

            String chart = "PrimeFaces.widgets['widget_record_resultsForm_resultsChart'].chart";
            List<?> xs = (List<?>) browser.script("return " + chart + ".getDatasetMeta(0).data.map(p => p.x)");
            assertEquals(3, xs.size());
            double yearGap = ((Number) xs.get(1)).doubleValue() - ((Number) xs.get(0)).doubleValue();
            double dayGap = ((Number) xs.get(2)).doubleValue() - ((Number) xs.get(1)).doubleValue();
            assertTrue(yearGap > 100 * dayGap, "370 days are drawn wider than one: " + xs);
            assertEquals("-1", String.valueOf(browser.script("return " + chart + ".data.datasets[2].fill")),
                    "the high edge of the reference range is shaded down to the low edge");
            List<WebElement> rows = browser.findAll(By.cssSelector("[id='record:resultsForm:resultsTable_data'] tr"));
            assertEquals(3, rows.size(), "every result the chart draws, in the table too");
            assertTrue(rows.get(0).getText().contains("4.6 mmol/L"), rows.get(0).getText());
            assertTrue(rows.get(1).getText().contains("5.9 mmol/L (outside the range)"), rows.get(1).getText());
            browser.screenshot("potassium");
            List<String> inaccessible = new ArrayList<>();
            assertAccessible(browser, "results-over-time", inaccessible);
            assertEquals(List.of(), inaccessible);
        }
    }
}

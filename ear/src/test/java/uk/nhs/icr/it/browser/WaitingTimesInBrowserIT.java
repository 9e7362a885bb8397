package uk.nhs.icr.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import uk.nhs.icr.it.Api;
import uk.nhs.icr.it.IcrDeployment;
import uk.nhs.icr.it.Tokens;

/**
 * The waiting-times dashboard in Debian's Chromium: a hospital clinician opens it from the header, picks trauma and
 * orthopaedics, and reads the demo lists' figures (the same as the API's) with the three charts drawn: weeks waited
 * by band, the share within 18 weeks over twelve months, the trusts side by side. An administrator imports a month of
 * NHS England's published figures and follows it to its end. Checked with axe-core.
 */
class WaitingTimesInBrowserIT extends IcrDeployment {

    private static int bars(Browser browser, String chart) {
        Object count = browser.script("var canvas = document.querySelector(\"[id='waits:" + chart + "'] canvas\");"
                + " var drawn = canvas && window.Chart ? window.Chart.getChart(canvas) : null;"
                + " return drawn ? drawn.data.labels.length : -1;");
        return ((Number) count).intValue();
    }

    @Test
    void a_clinician_reads_a_specialtys_waits_against_the_standard_with_its_charts_drawn() {
        String month = YearMonth.now(ZoneId.of("Europe/London")).minusMonths(1).toString();
        int waiting = Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign())
                .get("/api/waiting-times?specialty=110&month=" + month).json().getJsonObject("incomplete").getInt("total");
        try (Browser browser = Browser.open("waiting-times", Browser.DESKTOP)) {
            browser.visit("/").signIn("clinician.northgate");
            browser.click(By.id("navWaits"));
            browser.choose("waits:specialty", "110 Trauma and Orthopaedics");
            browser.click(By.id("waits:show"));
            browser.waitForText("Trauma and Orthopaedics, " + month);

            String summary = browser.find(By.id("summary")).getText();
            assertTrue(summary.contains("Waiting\n" + waiting + " at"), summary);
            assertEquals(53, bars(browser, "bandsChart"), "0-1 ... 51-52 and 52+");
            assertEquals(12, bars(browser, "trendChart"), "twelve months");
            assertTrue(bars(browser, "trustsChart") >= 2, "Northgate and Riverside at least");
            assertEquals(12, browser.findAll(By.cssSelector("[id='waits:trend_data'] tr")).size());
            List<String> trusts = browser.findAll(By.cssSelector("[id='waits:trusts_data'] tr")).stream().map(row -> row.getText()).toList();
            assertTrue(trusts.stream().anyMatch(row -> row.contains("Northgate Hospitals NHS Trust")), trusts.toString());
            browser.screenshot("trauma-and-orthopaedics");
            assertEquals(List.of(), browser.accessibilityViolations(), "serious or critical WCAG 2.2 AA violations");
        }
    }

    @Test
    void an_administrator_imports_a_published_month_following_its_progress_and_sees_a_faulty_file_refused_line_by_line()
            throws Exception {
        Path good = Path.of(WaitingTimesInBrowserIT.class.getResource("/rtt/full-csv-2025-10.csv").toURI());
        List<String> lines = Files.readAllLines(good);
        lines.set(3, lines.get(3).replace(",Part_2,", ",Part_7,"));
        Path faulty = Files.createTempFile("rtt-faulty-", ".csv");
        Files.write(faulty, lines);
        try (Browser browser = Browser.open("published-waits-import", Browser.DESKTOP)) {
            browser.visit("/").signIn("admin.beech");
            browser.click(By.id("navImportWaits"));

            browser.upload("import:file", faulty);
            browser.waitForText("Refused: nothing was imported");
            String faults = browser.find(By.id("faults")).getText();
            assertTrue(faults.startsWith("line 4: RTT Part Type \"Part_7\" is none of"), faults);
            assertEquals("100%", browser.find(By.id("import:bar")).getText(), "the bar full once the import has ended");

            browser.upload("import:file", good);
            browser.waitForText("October 2025 imported: 9 rows read, 7 kept by provider, part and treatment function");
            List<String> months = browser.findAll(By.cssSelector("[id='import:months_data'] tr")).stream().map(row -> row.getText()).toList();
            assertTrue(months.stream().anyMatch(row -> row.startsWith("October 2025") && row.contains("by admin.beech")), months.toString());
            assertTrue(browser.findAll(By.id("faults")).isEmpty(), "the earlier refusal's faults are gone");
            browser.screenshot("imported");
            assertEquals(List.of(), browser.accessibilityViolations(), "serious or critical WCAG 2.2 AA violations");
        } finally {
            Files.deleteIfExists(faulty);
        }
    }
}

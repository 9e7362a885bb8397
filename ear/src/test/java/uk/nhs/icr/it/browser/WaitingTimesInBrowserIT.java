package uk.nhs.icr.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * by band, the share within 18 weeks over twelve months, the trusts side by side. Checked with axe-core.
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
}

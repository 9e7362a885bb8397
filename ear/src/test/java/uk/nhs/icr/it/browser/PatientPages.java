package uk.nhs.icr.it.browser;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages about one patient, as a clinician uses them in the browser: the patient page (banner, summary,
 * timeline with its filters and pages) and the pages reached from it.
 */
final class PatientPages {

    private final Browser browser;
    private final String nhsNumber;

    PatientPages(Browser browser, String nhsNumber) {
        this.browser = browser;
        this.nhsNumber = nhsNumber.replace(" ", "");
    }

    PatientPages openRecord() {
        browser.visit("/patients/patient.xhtml?nhsNumber=" + nhsNumber);
        return this;
    }

    PatientPages openPreferences() {
        browser.visit("/patients/preferences.xhtml?nhsNumber=" + nhsNumber);
        return this;
    }

    PatientPages openNewEntry(String kind) {
        browser.visit("/patients/record-entry.xhtml?nhsNumber=" + nhsNumber + "&kind=" + kind);
        return this;
    }

    PatientPages openOrganDonation() {
        browser.visit("/patients/organ-donation.xhtml?nhsNumber=" + nhsNumber);
        return this;
    }

    /** The banner's text, or "" when the page has none. */
    String banner() {
        return browser.has(By.id("patientBanner")) ? browser.find(By.id("patientBanner")).getText() : "";
    }

    /** Where the banner's top edge is in the window after scrolling to the bottom of the page (0: pinned to the top). */
    double bannerTopAfterScrollingDown() {
        browser.script("window.scrollTo(0, document.body.scrollHeight)");
        return ((Number) browser.script("return document.getElementById('patientBanner').getBoundingClientRect().top")).doubleValue();
    }

    double pageHeight() {
        return ((Number) browser.script("return document.body.scrollHeight")).doubleValue();
    }

    PatientPages showTimeline() {
        browser.click(By.xpath("//ul[@role='tablist']//a[normalize-space()='Timeline']"));
        browser.find(By.id("timelineCount"));
        return this;
    }

    PatientPages goToTimelinePage(int page) {
        browser.click(By.xpath("//*[@id='record:timelineForm:timeline_paginator_bottom']//*[contains(@class,'ui-paginator-page')"
                + " and normalize-space()='" + page + "']"));
        waitUntil(() -> currentTimelinePage() == page);
        return this;
    }

    int currentTimelinePage() {
        return Integer.parseInt(browser.find(By.cssSelector("[id='record:timelineForm:timeline_paginator_bottom'] .ui-paginator-page.ui-state-active"))
                .getText().strip());
    }

    /** Chooses a source in the timeline's filter and presses Show; returns once the timeline has been drawn again. */
    PatientPages filterBySource(String label) {
        WebElement before = browser.find(By.id("timelineCount"));
        browser.choose("record:timelineForm:source", label);
        browser.click(By.id("record:timelineForm:apply"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> Browser.gone(before));
        return this;
    }

    /** Opens the {@code row}th entry on the timeline page in view (0 the newest) and answers what it shows. */
    String openTimelineEntry(int row) {
        List<WebElement> togglers = browser.findAll(By.cssSelector("[id='record:timelineForm:timeline_data'] .ui-row-toggler"));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", togglers.get(row));
        togglers.get(row).click();
        return openedTimelineEntry();
    }

    /** What the entry already open on the timeline shows (it stays open when the timeline is drawn again). */
    String openedTimelineEntry() {
        return browser.find(By.cssSelector("[id='record:timelineForm:timeline_data'] tr.ui-expanded-row-content .icr-entry-detail"))
                .getText();
    }

    String timelineCount() {
        return browser.find(By.id("timelineCount")).getText();
    }

    /** The record badges ("Hospital", "Social care") of the rows on the timeline page in view. */
    List<String> timelineSources() {
        return browser.findAll(By.cssSelector("[id='record:timelineForm:timeline_data'] .icr-source")).stream().map(WebElement::getText)
                .toList();
    }

    private void waitUntil(BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }
}

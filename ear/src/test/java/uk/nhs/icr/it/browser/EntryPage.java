package uk.nhs.icr.it.browser;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The page that adds an entry to a patient's record (or discharges them): one form, named by its kind
 * ({@code bloodTest}, {@code careVisit}, {@code transferOfCare}), whose fields are named as the services name them.
 */
final class EntryPage {

    private final Browser browser;
    private final String form;

    EntryPage(Browser browser, String form) {
        this.browser = browser;
        this.form = form;
        browser.find(By.id(form));
    }

    By field(String name) {
        return By.id(form + ":" + name);
    }

    EntryPage type(String field, String text) {
        browser.type(field(field), text);
        return this;
    }

    /** A UK local time in a date-time field, to the minute. */
    EntryPage at(String field, LocalDateTime time) {
        browser.fillDate(field(field), time.truncatedTo(ChronoUnit.MINUTES).toString());
        return this;
    }

    /** Types the start of a term into a coded field and picks the term from the list it offers. */
    EntryPage pick(String field, String typed, String term) {
        browser.type(By.id(form + ":" + field + "_input"), typed);
        browser.pickSuggestion(form + ":" + field, term);
        return this;
    }

    EntryPage choose(String field, String label) {
        browser.choose(form + ":" + field, label);
        return this;
    }

    /** Presses one of the form's buttons: each posts the page, so this returns once the answer is there. */
    void press(String button) {
        browser.submit(field(button));
    }

    String value(String field) {
        return browser.find(field(field)).getAttribute("value");
    }

    /** The error shown beside a field ("" when there is none). */
    String errorBeside(String field) {
        return browser.findAll(By.id(form + ":" + field + "Message")).stream().map(WebElement::getText).findFirst().orElse("");
    }
}

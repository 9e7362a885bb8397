package uk.nhs.icr.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

import uk.nhs.icr.it.Api;
import uk.nhs.icr.it.IcrDeployment;
import uk.nhs.icr.it.Tokens;

/**
 * The research environment in Debian's Chromium, a person per role: the committee approves a submitted project; the
 * researcher, kept off clinical screens, runs its extract and watches it to its end, asks a question and sees only the
 * controlled answer, and puts it forward; an output checker sees the computed cells beside what would leave and approves.
 * Every page checked with axe-core.
 */
class ResearchInBrowserIT extends IcrDeployment {

    @Test
    void the_committee_approves_the_researcher_extracts_and_asks_and_a_checker_approves_the_release() {
        Api.Reply submitted = Api.as(Tokens.staff("researcher.ada", "RESEARCHER").sign()).postJson("/api/research/projects",
                "{\"title\":\"Problems recorded by sex\",\"laySummary\":\"How often problems are recorded, for women and men.\","
                        + "\"sponsor\":\"Northshire University\",\"legalBasis\":\"anonymised\",\"entryTypes\":[\"problem\"],"
                        + "\"fields\":[\"sex\",\"entry-type\"],\"dataFrom\":\"2000-01-01\",\"dataTo\":\"" + LocalDate.now() + "\"}");
        assertEquals(201, submitted.status(), submitted.body());
        String reference = submitted.json().getString("reference");
        String output;

        try (Browser committee = Browser.open("research-committee", Browser.DESKTOP)) {
            committee.visit("/").signIn("committee.chair");
            assertTrue(committee.path().startsWith("/research/projects.xhtml"), committee.path());
            committee.click(By.linkText(reference + ": Problems recorded by sex"));
            committee.choose("decision:verdict", "Approve");
            committee.type(By.id("decision:approvalReference"), "26/CAG/0117");
            committee.type(By.id("decision:approvedUntil"), LocalDate.now().plusYears(1).toString());
            committee.click(By.id("decision:decide"));
            committee.waitForText("Project " + reference + " is approved.");
            assertTrue(committee.find(By.id("status")).getText().startsWith("approved (active)"));
            assertEquals(List.of(), committee.accessibilityViolations(), "serious or critical WCAG 2.2 AA violations");
        }

        try (Browser researcher = Browser.open("research-researcher", Browser.DESKTOP)) {
            researcher.visit("/").signIn("researcher.ada");
            researcher.visit("/patients/search.xhtml");
            assertTrue(researcher.path().startsWith("/research/projects.xhtml"), "no clinical screen: " + researcher.path());
            assertTrue(researcher.findAll(By.id("navSearch")).isEmpty());
            assertTrue(researcher.has(By.id("submit:submitProject")), "a researcher submits projects from here");
            researcher.click(By.linkText(reference + ": Problems recorded by sex"));
            researcher.click(By.id("extracts:startExtract"));
            researcher.waitForText("The extract has started");
            // the page follows the run by itself, once a second, until it has ended
            new WebDriverWait(researcher.driver(), Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("extracts:runs")).getText().contains("published"));
            String runs = researcher.find(By.id("extracts:runs")).getText();
            assertTrue(runs.contains("published") && runs.contains("100%"), runs);
            researcher.click(By.xpath("//label[normalize-space()='sex']"));
            researcher.click(By.id("query:ask"));
            researcher.waitForText("Answered (output ");
            java.util.regex.Matcher answered = java.util.regex.Pattern.compile("Answered \\(output (\\d+)\\)").matcher(researcher.text());
            assertTrue(answered.find());
            output = answered.group(1);
            String outputs = researcher.find(By.id("outputs")).getText();
            assertTrue(outputs.contains("count by sex") && outputs.contains("rounded to the nearest 5"), outputs);
            researcher.screenshot("answered");
            assertEquals(List.of(), researcher.accessibilityViolations(), "serious or critical WCAG 2.2 AA violations");
            researcher.click(By.xpath("//button[normalize-space()='Ask for its release']"));
            researcher.waitForText("Put forward for release");
        }

        try (Browser checker = Browser.open("research-checker", Browser.DESKTOP)) {
            checker.visit("/").signIn("checker.lin");
            checker.click(By.id("navChecks"));
            String waiting = checker.find(By.id("checks")).getText();
            assertTrue(waiting.contains(reference) && waiting.contains("As computed") && waiting.contains("What would leave"), waiting);
            assertEquals(List.of(), checker.accessibilityViolations(), "serious or critical WCAG 2.2 AA violations");
            checker.click(By.xpath("//button[normalize-space()='Approve output " + output + "']"));
            checker.waitForText("approved: it is now release-requested");
        }
        try (Browser anyone = Browser.open("research-register", Browser.PHONE)) {
            anyone.visit("/research/register.xhtml");
            assertTrue(anyone.find(By.id("register")).getText().contains(reference), "the public register, no sign-in");
            assertEquals(List.of(), anyone.accessibilityViolations(), "serious or critical WCAG 2.2 AA violations");
        }
    }
}

package uk.nhs.icr.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import uk.nhs.icr.it.Api;
import uk.nhs.icr.it.Databases;
import uk.nhs.icr.it.IcrDeployment;
import uk.nhs.icr.it.Portal;
import uk.nhs.icr.it.TestPatients;
import uk.nhs.icr.it.Tokens;

/**
 * Social care in Debian's Chromium: a care worker works through a visit on a phone (390 px): from her round, check in, tick
 * a task, give a dose from the MAR chart, add a drink, check out; a coordinator answers a late-visit alert, reads the day by
 * resident and the CQC figures (the same as the API's), with the charts drawn. Checked with axe-core.
 */
class SocialCareInBrowserIT extends IcrDeployment {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private static Api.Client coordinator() {
        return Api.as(Tokens.staff("care.coordinator", "CARE_COORDINATOR").sign());
    }

    private static String aClient(String givenName) {
        TestPatients client = TestPatients.aPatient().givenName(givenName);
        assertEquals(201, client.register().status());
        Databases.startCare(client.nhsNumber(), "CP001");
        return client.nhsNumber();
    }

    private static long plan(String person, String careWorker, Instant start, Instant end) {
        Api.Reply planned = coordinator().postJson("/api/patients/" + person + "/visits", "{\"careWorker\":\"" + careWorker + "\","
                + "\"plannedStart\":\"" + start.truncatedTo(ChronoUnit.SECONDS) + "\",\"plannedEnd\":\"" + end.truncatedTo(ChronoUnit.SECONDS)
                + "\",\"tasks\":[\"Personal care\",\"Lunch\"]}");
        assertEquals(201, planned.status(), planned.body());
        return planned.json().getJsonNumber("id").longValue();
    }

    @Test
    void a_care_worker_works_through_a_visit_on_her_phone() {
        String person = aClient("Edith");
        Instant now = Instant.now();
        long visit = plan(person, "care.worker", now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofMinutes(40)));
        ZonedDateTime due = ZonedDateTime.now(UK).minusMinutes(5).truncatedTo(ChronoUnit.MINUTES);
        assertEquals(201, coordinator().postJson("/api/patients/" + person + "/mar/medicines", "{\"medicine\":\"Amlodipine 5mg tablets\","
                + "\"dose\":\"One tablet\",\"timesOfDay\":[\"" + due.toLocalTime() + "\"],\"startedOn\":\"" + due.toLocalDate().minusDays(1)
                + "\"}").status());
        assertEquals(200, coordinator().putJson("/api/patients/" + person + "/fluids/target", "{\"dailyMl\":1500}").status());

        List<String> inaccessible = new java.util.ArrayList<>();
        try (Browser browser = Browser.open("care-worker-visit", Browser.PHONE)) {
            browser.visit("/").signIn("care.worker");
            browser.waitForText("My round");
            browser.submit(By.cssSelector("a[href*='visit=" + visit + "']"));
            browser.find(By.id("checkIn:go"));
            inaccessible.addAll(browser.accessibilityViolations());
            browser.submit(By.id("checkIn:go"));
            browser.waitForText("Checked in");

            browser.submit(By.xpath("//form[.//strong[text()='Personal care']]//input[@value='Done']"));
            browser.waitForText("Personal care: done");
            browser.submit(By.xpath("//form[.//strong[text()='Lunch']]//input[@value='Done']"));
            browser.waitForText("Lunch: done");

            browser.submit(By.xpath("//form[contains(@class,'icr-dose')]//input[@value='Given']"));
            browser.waitForText("Dose recorded: given");
            assertTrue(browser.text().contains("given by Maja Nowak"), browser.text());

            new Select(browser.find(By.id("drink:amountMl"))).selectByVisibleText("200 ml");
            browser.type(By.id("drink:drink"), "Tea");
            browser.submit(By.id("drink:add"));
            browser.waitForText("200 ml of Tea recorded");
            assertTrue(browser.find(By.id("fluidTotal")).getText().contains("200 ml of 1500 ml target"));
            inaccessible.addAll(browser.accessibilityViolations());
            browser.screenshot("visit-in-progress");

            browser.type(By.id("checkOut:notes"), "Cheerful; ate well");
            browser.submit(By.id("checkOut:go"));
            browser.waitForText("Visit completed and written to the record");
            browser.screenshot("visit-completed");
        }
        JsonObject done = Api.as(Tokens.staff("care.worker", "CARE_WORKER").sign()).get("/api/patients/" + person + "/visits/" + visit).json();
        assertEquals("completed", done.getString("status"));
        assertEquals(List.of(true, true), done.getJsonArray("tasks").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getBoolean("done")).toList());
        assertEquals(1, Databases.count(Databases.SOCIAL_CARE, "select count(*) from social_care_entry where person_nhs_number = ?"
                + " and entry_type = 'MEDICATION_ADMINISTRATION' and status = 'GIVEN' and author_username = 'care.worker'", person));
        assertEquals(1, Databases.count(Databases.SOCIAL_CARE, "select count(*) from fluid_intake where person_nhs_number = ? and amount_ml = 200",
                person));
        assertEquals(1, Databases.count(Databases.SOCIAL_CARE, "select count(*) from social_care_entry where person_nhs_number = ?"
                + " and entry_type = 'CARE_VISIT' and details = 'Cheerful; ate well'", person));
        assertEquals(List.of(), inaccessible, "serious or critical WCAG 2.2 AA violations");
    }

    @Test
    void a_care_home_manager_reads_the_day_resident_by_resident() {
        // a care home of the test's own, so that its one resident is all it has
        String home = "T" + java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Databases.execute(Databases.HOSPITAL, "insert into organisation (ods_code, name, type) values (?, 'Test Care Home', 'CARE_PROVIDER')",
                home);
        Databases.createStaff("manager." + home.toLowerCase(), home, "CARE_COORDINATOR", Portal.DEMO_PASSWORD);
        Databases.createStaff("worker." + home.toLowerCase(), home, "CARE_WORKER", Portal.DEMO_PASSWORD);
        TestPatients resident = TestPatients.aPatient().givenName("Violet");
        assertEquals(201, resident.register().status());
        Databases.startCareHome(resident.nhsNumber(), home);
        String person = resident.nhsNumber();
        Api.Client manager = Api.as(Tokens.staff("manager." + home.toLowerCase(), "CARE_COORDINATOR").sign());
        Api.Client worker = Api.as(Tokens.staff("worker." + home.toLowerCase(), "CARE_WORKER").sign());
        assertEquals(200, manager.putJson("/api/patients/" + person + "/fluids/target", "{\"dailyMl\":1500}").status());
        // a care home's staff care for every resident, with no rota: on a phone, from the list of residents
        try (Browser phone = Browser.open("care-home-resident", Browser.PHONE)) {
            phone.visit("/").signIn("worker." + home.toLowerCase());
            phone.waitForText("Residents");
            phone.submit(By.xpath("//ul[@id='residents']//a[contains(., 'Violet')]"));
            phone.waitForText("Drinks today");
            new Select(phone.find(By.id("drink:amountMl"))).selectByVisibleText("300 ml");
            phone.type(By.id("drink:drink"), "Water");
            phone.submit(By.id("drink:add"));
            phone.waitForText("300 ml of Water recorded");
            phone.type(By.id("daily:note"), "Enjoyed the music afternoon");
            phone.submit(By.id("daily:addNote"));
            phone.waitForText("Note recorded");
            assertEquals(List.of(), phone.accessibilityViolations(), "serious or critical WCAG 2.2 AA violations");

            // a fall, with the bruise tapped on the body map (the front outline's chest)
            new Select(phone.find(By.id("incident:kind"))).selectByVisibleText("fall");
            new Select(phone.find(By.id("incident:severity"))).selectByVisibleText("low");
            phone.type(By.id("incident:description"), "Found sitting on the lounge floor");
            WebElement map = phone.find(By.cssSelector("svg.icr-body-map"));
            phone.script("arguments[0].scrollIntoView({block: 'center'})", map);
            int width = map.getSize().getWidth();
            int height = map.getSize().getHeight();
            new Actions(phone.driver()).moveToElement(map, (int) (-110.0 / 420 * width), (int) (-60.0 / 440 * height)).click().perform();
            assertEquals("1 place marked", phone.find(By.id("markCount")).getText());
            phone.submit(By.id("incident:report"));
            phone.waitForText("Incident recorded");
        }
        assertEquals(1, Databases.count(Databases.SOCIAL_CARE, "select count(*) from social_care_entry where person_nhs_number = ?"
                + " and entry_type = 'INCIDENT' and incident_kind = 'FALL' and body_map like '%\"FRONT\"%'", person),
                "the fall and the place marked are in the record");
        assertEquals(1, worker.get("/api/patients/" + person + "/daily-records").jsonArray().size());
        try (Browser browser = Browser.open("care-home-day", Browser.DESKTOP)) {
            browser.visit("/").signIn("manager." + home.toLowerCase());
            browser.submit(By.id("navResidents"));
            browser.waitForText("Residents today");
            assertTrue(browser.find(By.id("residentCount")).getText().startsWith("1 person in your care"),
                    browser.find(By.id("residentCount")).getText());
            String row = browser.find(By.cssSelector("[id='residents_data'] tr")).getText();
            assertTrue(row.contains("Violet"), row);
            assertTrue(row.contains("300 ml of 1500 ml"), row);
            assertTrue(row.contains("Enjoyed the music afternoon"), row);
            browser.screenshot("residents");
            assertEquals(List.of(), browser.accessibilityViolations(), "serious or critical WCAG 2.2 AA violations");
        }
    }

    @Test
    void a_coordinator_answers_a_late_visit_and_reads_the_day_and_the_figures() {
        String person = aClient("Walter");
        Instant now = Instant.now();
        long visit = plan(person, "care.worker.tom", now.minus(Duration.ofMinutes(50)), now.plus(Duration.ofMinutes(10)));
        List<String> inaccessible = new java.util.ArrayList<>();
        try (Browser browser = Browser.open("care-coordinator", Browser.DESKTOP)) {
            browser.visit("/").signIn("care.coordinator");
            browser.waitForText("Rota and alerts");
            By alert = By.xpath("//div[contains(@class,'icr-alert-item')][.//text()[contains(., '" + person + "')]]");
            assertTrue(browser.find(alert).getText().contains("late visit"), browser.find(alert).getText());
            inaccessible.addAll(browser.accessibilityViolations());
            browser.type(By.xpath("//div[contains(@class,'icr-alert-item')][.//text()[contains(., '" + person + "')]]//input[@type='text']"),
                    "Rang Tom: stuck in traffic, there by 11");
            browser.submit(By.xpath("//div[contains(@class,'icr-alert-item')][.//text()[contains(., '" + person + "')]]//button"));
            browser.waitForText("Alert answered");
            assertTrue(browser.findAll(alert).isEmpty(), "answered: off the list");
            assertTrue(coordinator().get("/api/care-providers/CP001/alerts").jsonArray().getValuesAs(JsonObject.class).stream()
                    .noneMatch(a -> a.getString("subject").equals("visit " + visit)));

            // a visit planned from the page, later today
            java.time.LocalDateTime start = java.time.LocalDateTime.now(UK).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
            if (!start.toLocalDate().equals(java.time.LocalDate.now(UK))) {
                start = java.time.LocalDate.now(UK).atTime(23, 0);
            }
            browser.type(By.id("plan:nhsNumber"), person);
            new Select(browser.find(By.id("plan:careWorker"))).selectByVisibleText("Maja Nowak");
            browser.fillDate(By.id("plan:plannedStart"), start.toString());
            browser.fillDate(By.id("plan:plannedEnd"), start.plusMinutes(30).toString());
            browser.type(By.id("plan:tasks"), "Tea\nMedicines");
            browser.submit(By.id("plan:go"));
            browser.waitForText("Visit planned for Walter");
            assertTrue(browser.find(By.id("rota")).getText().contains(start.toLocalTime().toString()), browser.find(By.id("rota")).getText());
            browser.type(By.id("plan:nhsNumber"), "123");
            browser.submit(By.id("plan:go"));
            assertTrue(browser.find(By.cssSelector("[id='plan'] .icr-field-error")).getText().toLowerCase().contains("nhs number"),
                    "a bad number is refused beside the field");

            JsonObject figures = coordinator().get("/api/care-providers/CP001/reports").json();
            browser.submit(By.id("navCareReports"));
            browser.waitForText("Reports for the CQC");
            JsonObject medication = figures.getJsonObject("medication");
            String visits = browser.find(By.id("visitFigures")).getText();
            assertTrue(visits.contains(figures.getJsonObject("visits").getInt("planned") + " planned"), visits);
            String doses = browser.find(By.id("medicationFigures")).getText();
            assertTrue(doses.contains(medication.getInt("dosesRecorded") + " of " + medication.getInt("dosesDue") + " doses due"), doses);
            JsonObject fluids = figures.getJsonObject("fluids");
            String fluidFigures = browser.find(By.id("fluidFigures")).getText();
            assertTrue(fluidFigures.contains(fluids.getInt("targetMet") + " of " + fluids.getInt("personDays") + " person-days"), fluidFigures);
            assertTrue(browser.find(By.id("reviewFigures")).getText().contains(String.valueOf(figures.getJsonArray("overdueReviews").size())));
            String incidents = browser.find(By.id("incidents")).getText();
            assertTrue(incidents.contains("fall " + figures.getJsonObject("incidentsByKind").getInt("fall")), incidents);
            assertEquals(7, ((Number) browser.script("var c = document.querySelector(\"[id='visitsChart'] canvas\");"
                    + " var chart = c && window.Chart ? window.Chart.getChart(c) : null; return chart ? chart.data.labels.length : -1;"))
                    .intValue(), "a bar per day of the week shown");
            browser.screenshot("reports");
            inaccessible.addAll(browser.accessibilityViolations());
        }
        assertEquals(List.of(), inaccessible, "serious or critical WCAG 2.2 AA violations");
    }
}

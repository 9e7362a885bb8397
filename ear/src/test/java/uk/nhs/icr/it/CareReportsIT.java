package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A registered manager's figures for the CQC, counted from the records of a provider of their own (made fresh for the test, so
 * nothing else the suite records is counted): visits on time, late and missed; MAR completeness; fluid targets met; incidents
 * by type; care plan reviews overdue; the same as CSV.
 */
class CareReportsIT extends IcrDeployment {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private String provider;
    private Api.Client manager;
    private Api.Client carer;
    private LocalDate yesterday;

    @BeforeEach
    void a_new_provider_with_a_manager_and_a_carer() {
        provider = "T" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Databases.execute(Databases.HOSPITAL, "insert into organisation (ods_code, name, type) values (?, 'Test Homecare', 'CARE_PROVIDER')",
                provider);
        String suffix = provider.toLowerCase();
        Databases.createStaff("manager." + suffix, provider, "CARE_COORDINATOR", "not-used-1");
        Databases.createStaff("carer." + suffix, provider, "CARE_WORKER", "not-used-1");
        manager = Api.as(Tokens.staff("manager." + suffix, "CARE_COORDINATOR").sign());
        carer = Api.as(Tokens.staff("carer." + suffix, "CARE_WORKER").sign());
        yesterday = LocalDate.now(UK).minusDays(1);
    }

    @Test
    void the_report_counts_what_the_records_say() {
        String ann = client();
        String bob = client();
        // yesterday's visits, as the rota recorded them: on time, late, missed and cancelled
        visit(ann, at(9, 0), at(9, 10), "COMPLETED");
        visit(ann, at(12, 0), at(12, 45), "COMPLETED");
        visit(bob, at(9, 0), null, "PLANNED");
        visit(bob, at(17, 0), null, "CANCELLED");
        // a medicine due at 08:00 and 20:00 from the day before yesterday: one of yesterday's two doses recorded
        long medicine = manager.postJson("/api/patients/" + ann + "/mar/medicines", "{\"medicine\":\"Amlodipine 5mg tablets\","
                + "\"dose\":\"One tablet\",\"timesOfDay\":[\"08:00\",\"20:00\"],\"startedOn\":\"" + yesterday.minusDays(1) + "\"}")
                .json().getJsonNumber("id").longValue();
        onRotaNow(ann);
        Api.Reply dose = carer.postJson("/api/patients/" + ann + "/mar/doses", "{\"careMedicine\":" + medicine + ",\"dueAt\":\""
                + at(8, 0).toInstant() + "\",\"outcome\":\"given\",\"at\":\"" + at(8, 5).toInstant() + "\"}");
        assertEquals(201, dose.status(), dose.body());
        // fluids yesterday: Ann reached her 1,500 ml, Bob did not reach his 2,000
        assertEquals(200, manager.putJson("/api/patients/" + ann + "/fluids/target", "{\"dailyMl\":1500}").status());
        assertEquals(200, manager.putJson("/api/patients/" + bob + "/fluids/target", "{\"dailyMl\":2000}").status());
        // the targets were set before yesterday, so yesterday counts (a target counts from the first whole day after it is set)
        Databases.execute(Databases.SOCIAL_CARE, "update fluid_target set set_at = now() - interval '3 days' where person_nhs_number in (?, ?)",
                ann, bob);
        drink(ann, 900, at(10, 0));
        drink(ann, 700, at(15, 0));
        drink(bob, 500, at(10, 0));
        // a fall yesterday, and a care plan whose review date has passed
        assertEquals(201, manager.postJson("/api/patients/" + ann + "/incidents", "{\"kind\":\"fall\",\"severity\":\"low\","
                + "\"description\":\"Slipped in the bathroom\",\"occurredAt\":\"" + at(11, 0).toInstant() + "\"}").status());
        Databases.execute(Databases.SOCIAL_CARE, "insert into care_plan_version (person_nhs_number, provider_ods, version, sections,"
                + " review_date, recorded_by, recorded_by_name, recorded_at) values (?, ?, 1, '[]', current_date - 3, 'test', 'Test', now())",
                bob, provider);

        String query = "?from=" + yesterday + "&to=" + yesterday;
        Api.Reply reply = manager.get("/api/care-providers/" + provider + "/reports" + query);
        assertEquals(200, reply.status(), reply.body());
        JsonObject report = reply.json();
        JsonObject visits = report.getJsonObject("visits");
        assertEquals(List.of(3, 1, 1, 1, 1), List.of(visits.getInt("planned"), visits.getInt("onTime"), visits.getInt("late"),
                visits.getInt("missed"), visits.getInt("cancelled")), visits.toString());
        JsonObject medication = report.getJsonObject("medication");
        assertEquals(2, medication.getInt("dosesDue"));
        assertEquals(1, medication.getInt("dosesRecorded"));
        assertEquals(50.0, medication.getJsonNumber("completenessPercent").doubleValue());
        JsonObject fluids = report.getJsonObject("fluids");
        assertEquals(2, fluids.getInt("personDays"));
        assertEquals(1, fluids.getInt("targetMet"));
        assertEquals(1, report.getJsonObject("incidentsByKind").getInt("fall"));
        assertEquals(0, report.getJsonObject("incidentsByKind").getInt("medication-error"));
        assertEquals(List.of(bob), report.getJsonArray("overdueReviews").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("nhsNumber")).toList());
        JsonObject day = report.getJsonArray("visitsByDay").getJsonObject(0);
        assertEquals(yesterday.toString(), day.getString("day"));
        assertEquals(List.of(1, 1, 1), List.of(day.getInt("onTime"), day.getInt("late"), day.getInt("missed")));

        Api.Reply csv = manager.request("GET", "/api/care-providers/" + provider + "/reports.csv" + query);
        assertEquals(200, csv.status());
        assertTrue(csv.body().contains("visits,late,1"), csv.body());
        assertTrue(csv.body().contains("medication,completeness %,50.0"), csv.body());
        assertTrue(csv.body().contains("fluids,target met,1"), csv.body());
        assertTrue(csv.body().contains(bob), "the overdue review is listed");

        assertEquals(403, HomeCare.coordinator().get("/api/care-providers/" + provider + "/reports").status(), "another provider's coordinator");
        assertEquals(List.of("to"), manager.get("/api/care-providers/" + provider + "/reports?from=" + yesterday + "&to="
                + yesterday.minusDays(1)).problemFields(400));
    }

    private String client() {
        TestPatients client = TestPatients.aPatient();
        assertEquals(201, client.register().status());
        Databases.startCare(client.nhsNumber(), provider);
        return client.nhsNumber();
    }

    private ZonedDateTime at(int hour, int minute) {
        return yesterday.atTime(LocalTime.of(hour, minute)).atZone(UK);
    }

    private void visit(String person, ZonedDateTime start, ZonedDateTime checkedIn, String status) {
        Databases.execute(Databases.SOCIAL_CARE, "insert into planned_visit (person_nhs_number, provider_ods, care_worker_username,"
                + " care_worker_name, planned_start, planned_end, travel_order, status, checked_in_at, checked_out_at, planned_by, planned_at)"
                + " values (?, ?, ?, 'Test Carer', ?, ?, 1, ?, ?, ?, 'test', now())", person, provider, "carer." + provider.toLowerCase(),
                java.sql.Timestamp.from(start.toInstant()), java.sql.Timestamp.from(start.plusMinutes(30).toInstant()), status,
                checkedIn == null ? null : java.sql.Timestamp.from(checkedIn.toInstant()),
                checkedIn == null ? null : java.sql.Timestamp.from(checkedIn.plusMinutes(20).toInstant()));
    }

    private void onRotaNow(String person) {
        Databases.execute(Databases.SOCIAL_CARE, "insert into planned_visit (person_nhs_number, provider_ods, care_worker_username,"
                + " care_worker_name, planned_start, planned_end, travel_order, status, planned_by, planned_at) values (?, ?, ?, 'Test Carer',"
                + " now() - interval '5 minutes', now() + interval '30 minutes', 1, 'PLANNED', 'test', now())", person, provider,
                "carer." + provider.toLowerCase());
    }

    private void drink(String person, int ml, ZonedDateTime at) {
        Api.Reply drink = manager.postJson("/api/patients/" + person + "/fluids/intake", "{\"amountMl\":" + ml + ",\"drink\":\"Tea\","
                + "\"takenAt\":\"" + at.toInstant() + "\"}");
        assertEquals(201, drink.status(), drink.body());
    }
}

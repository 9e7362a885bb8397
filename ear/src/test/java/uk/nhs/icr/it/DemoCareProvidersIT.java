package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The demo's care providers, as the README says to try them: Homecare Partners' week (three carers, twenty clients, two visits
 * a day, some late and some missed before today, a visit for Maja soon) and Meadowbank Care Home's twelve residents with fluid
 * charts, MAR charts and a recent fall.
 */
class DemoCareProvidersIT extends IcrDeployment {

    private static final String DEMO_CARERS = "('care.worker', 'care.worker.tom', 'care.worker.amir')";

    @Test
    void homecare_partners_has_a_week_of_visits_by_three_carers_to_twenty_clients() {
        LocalDate monday = LocalDate.now(ZoneId.of("Europe/London")).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String thisWeek = " from planned_visit where provider_ods = 'CP001' and planned_by = 'care.coordinator' and care_worker_username in "
                + DEMO_CARERS + " and planned_start >= ?::date::timestamp at time zone 'Europe/London' and planned_start < (?::date + 7)::timestamp at time zone"
                + " 'Europe/London'";
        assertTrue(Databases.count(Databases.SOCIAL_CARE, "select count(*)" + thisWeek, monday.toString(), monday.toString()) >= 280,
                "twenty clients, two visits a day, seven days");
        assertEquals(20, Databases.count(Databases.SOCIAL_CARE, "select count(*) from (select person_nhs_number" + thisWeek
                + " group by person_nhs_number having count(*) >= 14) as visited_twice_daily", monday.toString(), monday.toString()),
                "twenty clients with a morning and a tea-time visit every day");
        assertEquals(3, Databases.count(Databases.SOCIAL_CARE, "select count(distinct care_worker_username)" + thisWeek, monday.toString(),
                monday.toString()));
        if (LocalDate.now(ZoneId.of("Europe/London")).isAfter(monday)) {
            assertTrue(Databases.count(Databases.SOCIAL_CARE, "select count(*)" + thisWeek + " and checked_in_at > planned_start + interval"
                    + " '30 minutes'", monday.toString(), monday.toString()) > 0, "some visits before today were late");
            assertTrue(Databases.count(Databases.SOCIAL_CARE, "select count(*)" + thisWeek + " and status = 'PLANNED' and planned_end < now()",
                    monday.toString(), monday.toString()) > 0, "and some missed");
        }
        List<JsonObject> round = Api.as(Tokens.staff("care.worker", "CARE_WORKER").sign()).get("/api/rota").jsonArray()
                .getValuesAs(JsonObject.class);
        assertTrue(!round.isEmpty(), "Maja has a round today");
    }

    @Test
    void meadowbank_care_home_has_twelve_residents_with_their_charts_and_a_recent_fall() {
        Api.Client manager = Api.as(Tokens.staff("carehome.manager", "CARE_COORDINATOR").sign());
        JsonObject report = manager.get("/api/care-providers/CH001/reports").json();
        assertTrue(report.getJsonObject("incidentsByKind").getInt("fall") >= 1, report.toString());
        assertTrue(report.getJsonObject("medication").getInt("dosesDue") > 0);
        assertEquals(12, Databases.count(Databases.SOCIAL_CARE, "select count(distinct p.person_nhs_number) from care_provision p join"
                + " fluid_target t on t.person_nhs_number = p.person_nhs_number where p.provider_ods = 'CH001' and p.setting = 'CARE_HOME'"
                + " and p.ended_at is null"), "twelve residents, each with a fluid target");
        assertTrue(Databases.count(Databases.SOCIAL_CARE, "select count(*) from care_medicine where provider_ods = 'CH001' and time_critical")
                >= 1, "one Parkinson's medicine on a MAR chart");
        assertTrue(Databases.count(Databases.SOCIAL_CARE, "select count(*) from care_plan_version where provider_ods = 'CH001'") >= 12);
    }
}

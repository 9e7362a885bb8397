package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The published statistics against a fixture worked by hand (WeekBandsTest works the same bands): at the end of January
 * 2025, ten Plastic Surgery pathways at a fixture trust had waited 3, 10, 10, 17, 30, 60, 90, 130, 200 and 700 days;
 * two more stopped in January (one admitted after 70 days, one not after 35); others started later, stopped earlier,
 * or were of another function or trust, and are not counted.
 */
class WaitingStatisticsIT extends IcrDeployment {

    private static final Api.Client PARTNER = Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign());
    private static final String TRUST = "RFX01";
    private static final LocalDate CENSUS = LocalDate.of(2025, 1, 31);

    private static void pathway(String trust, String function, LocalDate start, LocalDate stop, String reason, Boolean admitted) {
        Databases.execute(Databases.HOSPITAL, "with referral as (insert into hospital_entry (patient_nhs_number, entry_type, occurred_at,"
                + " recorded_at, author_username, author_name, organisation_ods, title, status) values (?, 'REFERRAL', now(), now(),"
                + " 'fixture', 'Fixture', 'RXA', 'Referral', 'SENT') returning id) insert into rtt_pathway (patient_nhs_number,"
                + " referral_entry_id, provider_ods, treatment_function, priority, clock_start, clock_stop, stop_reason, admitted)"
                + " select ?, id, ?, ?, 'ROUTINE', ?::date, ?::date, ?::varchar, ?::boolean from referral", TestPatients.newNhsNumber(),
                TestPatients.newNhsNumber(), trust, function, start, stop, reason, admitted);
    }

    private static void fixture() {
        Databases.execute(Databases.HOSPITAL, "insert into organisation (ods_code, name, type) values (?, 'Fixture Hospitals NHS Trust',"
                + " 'HOSPITAL_TRUST') on conflict (ods_code) do nothing", TRUST);
        Databases.execute(Databases.HOSPITAL, "delete from rtt_pathway where provider_ods in (?, 'RFX02')", TRUST);
        for (int days : new int[] {3, 10, 10, 17, 30, 60, 90, 130, 200, 700}) {
            pathway(TRUST, "160", CENSUS.minusDays(days), null, null, null);
        }
        pathway(TRUST, "160", LocalDate.of(2025, 1, 25).minusDays(70), LocalDate.of(2025, 1, 25), "FIRST_DEFINITIVE_TREATMENT", true);
        pathway(TRUST, "160", LocalDate.of(2025, 1, 20).minusDays(35), LocalDate.of(2025, 1, 20), "ACTIVE_MONITORING", false);
        pathway(TRUST, "160", CENSUS.plusDays(1), null, null, null);
        pathway(TRUST, "160", LocalDate.of(2024, 10, 1), LocalDate.of(2024, 12, 31), "FIRST_DEFINITIVE_TREATMENT", false);
        pathway(TRUST, "170", CENSUS.minusDays(40), null, null, null);
        pathway("RFX02", "160", CENSUS.minusDays(40), null, null, null);
    }

    @Test
    void a_months_statistics_match_the_hand_worked_fixture_interpolated_within_bands_and_exact() {
        fixture();
        JsonObject figures = PARTNER.get("/api/waiting-times?trust=" + TRUST + "&specialty=160&month=2025-01").json();
        JsonObject waiting = figures.getJsonObject("incomplete");

        assertEquals("Plastic Surgery", figures.getString("treatmentFunctionName"));
        assertEquals("2025-01-31", figures.getString("censusDate"));
        assertEquals(10, waiting.getInt("total"));
        assertEquals(5.0, waiting.getJsonNumber("medianWeeks").doubleValue(), 0.05, "4 + (5 - 4) / 1");
        assertEquals(100.2, waiting.getJsonNumber("percentile92Weeks").doubleValue(), 0.05, "100 + (9.2 - 9) / 1");
        assertEquals(6.4, waiting.getJsonNumber("exactMedianWeeks").doubleValue(), 0.05, "(30 + 60) / 2 days / 7");
        assertEquals(48.6, waiting.getJsonNumber("exactPercentile92Weeks").doubleValue(), 0.05, "200 + 0.28 × 500 days / 7");
        assertEquals(7, waiting.getInt("within18Weeks"));
        assertEquals(0.7, waiting.getJsonNumber("shareWithin18Weeks").doubleValue(), 1e-9);
        assertFalse(waiting.getBoolean("meetsStandard"), "70 % is short of 92 %");
        List<Integer> bands = waiting.getJsonArray("patientsByWeekBand").getValuesAs(jakarta.json.JsonNumber.class).stream()
                .map(jakarta.json.JsonNumber::intValue).toList();
        assertEquals(105, bands.size(), "0-1 ... 103-104, 104+");
        assertEquals(List.of(1, 2, 1, 0, 1), bands.subList(0, 5));
        assertEquals(1, bands.get(100));

        JsonObject completed = figures.getJsonObject("completed");
        assertEquals(1, completed.getInt("admitted"));
        assertEquals(10.5, completed.getJsonNumber("admittedMedianWeeks").doubleValue(), 0.05, "one in band 10");
        assertEquals(1, completed.getInt("nonAdmitted"));
        assertEquals(5.0, completed.getJsonNumber("nonAdmittedExactMedianWeeks").doubleValue(), 0.05);

        assertEquals(11, PARTNER.get("/api/waiting-times?specialty=160&month=2025-01").json().getJsonObject("incomplete").getInt("total")
                - countElsewhere(), "every trust: the other fixture trust's one as well");
    }

    /** Plastic Surgery pathways waiting at the census in trusts other than the two fixture ones (other tests' or demo data). */
    private static int countElsewhere() {
        return Databases.count(Databases.HOSPITAL, "select count(*) from rtt_pathway where treatment_function = '160' and provider_ods"
                + " not in ('RFX01', 'RFX02') and clock_start <= ? and (clock_stop is null or clock_stop > ?)", CENSUS, CENSUS);
    }

    @Test
    void a_bad_question_is_answered_with_the_fields_at_fault() {
        assertEquals(List.of("specialty", "month"), PARTNER.get("/api/waiting-times?month=2025-13").problemFields(400));
        assertEquals(List.of("specialty"), PARTNER.get("/api/waiting-times?specialty=999").problemFields(400));
        assertEquals(List.of("trust"), PARTNER.get("/api/waiting-times?specialty=320&trust=Y90001").problemFields(400),
                "a GP practice is not a trust");
        assertEquals(List.of("month"), PARTNER.get("/api/waiting-times?specialty=320&month=2099-01").problemFields(400));
        assertEquals(List.of("month"), PARTNER.get("/api/waiting-times?specialty=320&month=1999-01").problemFields(400),
                "before RTT waits were counted");
    }
}

package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The patient's estimate over HTTP, against a list worked by hand: at a fixture trust, 40 routine Urology pathways of
 * the last year, 20 treated after 10 weeks and 20 after 30. A patient who has waited 4 weeks there is told that of the
 * 40 who had waited as long, half were treated within a further 6 weeks and nine in ten within 26. Where too few had
 * waited as long, here or anywhere, no figure is given.
 */
class WaitEstimateIT extends IcrDeployment {

    private static final String TRUST = "RFX03";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    private static final Api.Client GP = Api.as(Tokens.staff("gp.beech", "GP").sign());

    private static void treatedPathway(int weeks) {
        LocalDate stop = TODAY.minusWeeks(2);
        Databases.execute(Databases.HOSPITAL, "with referral as (insert into hospital_entry (patient_nhs_number, entry_type, occurred_at,"
                + " recorded_at, author_username, author_name, organisation_ods, title, status) values (?, 'REFERRAL', now(), now(),"
                + " 'fixture', 'Fixture', 'RXA', 'Referral', 'SENT') returning id) insert into rtt_pathway (patient_nhs_number,"
                + " referral_entry_id, provider_ods, treatment_function, priority, clock_start, clock_stop, stop_reason, admitted)"
                + " select ?, id, ?, '101', 'ROUTINE', ?::date, ?::date, 'FIRST_DEFINITIVE_TREATMENT', false from referral",
                TestPatients.newNhsNumber(), TestPatients.newNhsNumber(), TRUST, stop.minusWeeks(weeks), stop);
    }

    private static void startAt(String patient, String trust, String function, LocalDate clockStart) {
        assertEquals(201, GP.postJson("/api/patients/" + patient + "/pathways", "{\"providerOdsCode\":\"" + trust + "\",\"treatmentFunction\":"
                + "\"" + function + "\",\"priority\":\"routine\",\"clockStart\":\"" + clockStart + "\",\"reason\":\"Fixture\"}").status());
    }

    @Test
    void a_patient_reads_how_much_longer_people_in_their_place_waited_and_no_figure_where_too_few_did() {
        Databases.execute(Databases.HOSPITAL, "insert into organisation (ods_code, name, type) values (?, 'Estimate Fixture NHS Trust',"
                + " 'HOSPITAL_TRUST') on conflict (ods_code) do nothing", TRUST);
        Databases.execute(Databases.HOSPITAL, "delete from rtt_pathway p where provider_ods = ? and not exists (select 1 from rtt_event e"
                + " where e.pathway_id = p.id)", TRUST);
        for (int i = 0; i < 20; i++) {
            treatedPathway(10);
            treatedPathway(30);
        }
        TestPatients registered = TestPatients.aPatient().birthDate(LocalDate.of(1966, 6, 6));
        assertEquals(201, registered.register().status());
        String patient = registered.nhsNumber();
        startAt(patient, TRUST, "101", TODAY.minusWeeks(4));
        startAt(patient, "RXB", "140", TODAY.minusWeeks(2));

        List<JsonObject> waits = Api.as(Tokens.patient(patient).sign()).get("/api/me/waits").jsonArray().getValuesAs(JsonObject.class);
        assertEquals(2, waits.size());
        JsonObject urology = waits.stream().filter(wait -> wait.getString("treatmentFunction").equals("101")).findFirst().orElseThrow();
        JsonObject estimate = urology.getJsonObject("estimate");
        assertEquals(4, urology.getInt("weeksWaited"));
        assertEquals("this trust", estimate.getString("basis"));
        assertEquals(40, estimate.getInt("restsOn"), "the 40 who had waited 4 weeks; not the patient themselves");
        assertEquals(6, estimate.getInt("halfWithinFurtherWeeks"), "half treated at 10 weeks: 6 more");
        assertEquals(26, estimate.getInt("nineInTenWithinFurtherWeeks"), "the rest at 30 weeks: 26 more");
        assertTrue(estimate.getString("inWords").startsWith("Of 40 people who had waited 4 weeks for Urology at Estimate Fixture NHS"
                + " Trust, half were treated within a further 6 weeks and 9 in 10 within 26."), estimate.getString("inWords"));

        JsonObject oralSurgery = waits.stream().filter(wait -> wait.getString("treatmentFunction").equals("140")).findFirst().orElseThrow()
                .getJsonObject("estimate");
        assertFalse(oralSurgery.containsKey("basis"), "no basis: no figure");
        assertFalse(oralSurgery.containsKey("halfWithinFurtherWeeks"));
        assertTrue(oralSurgery.getString("inWords").startsWith("Too few people have waited 2 weeks for Oral Surgery"),
                oralSurgery.getString("inWords"));
        Api.as(Tokens.patient(TestPatients.newNhsNumber()).sign()).get("/api/me/waits?for=" + patient).problem(403);

        // with NHS England's figures for oral surgery imported (December 2025: bands 0:2, 1:3, 5:5), the answer adds them
        String[] fixture = fixtureLines();
        String oralSurgeryRow = fixture[1].replace("RTT-October-2025", "RTT-December-2025")
                .replace(",C_320,Cardiology,", ",C_140,Oral Surgery,");
        assertEquals(201, Api.as(Tokens.staff("admin.beech", "ADMIN").sign()).post("/api/waiting-times/published", "text/csv",
                fixture[0] + "\n" + oralSurgeryRow + "\n").status());
        JsonObject withNational = Api.as(Tokens.patient(patient).sign()).get("/api/me/waits").jsonArray().getValuesAs(JsonObject.class)
                .stream().filter(wait -> wait.getString("treatmentFunction").equals("140")).findFirst().orElseThrow().getJsonObject("estimate");
        assertEquals("2025-12", withNational.getJsonObject("national").getString("month"));
        assertEquals(2.0, withNational.getJsonObject("national").getJsonNumber("medianWeeksWaited").doubleValue(), 0.05,
                "1 + (5 - 2) / 3");
        assertTrue(withNational.getString("inWords").endsWith("In England in 2025-12, half of the 10 people waiting for Oral Surgery had"
                + " waited under 2.0 weeks (NHS England's published figures)."), withNational.getString("inWords"));
    }

    private static String[] fixtureLines() {
        try (InputStream in = WaitEstimateIT.class.getResourceAsStream("/rtt/full-csv-2025-10.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\r?\\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The demo's Hannah Whitfield waits for gynaecology at Northgate from 20 weeks before the demo's anchor day (3 July
     * 2026): her estimate rests on the people of that list (or every trust's) who had waited as long, counted here again
     * in SQL, and gives how much longer half of them waited.
     */
    @Test
    void the_demo_patient_reads_her_gynaecology_wait_with_an_estimate_resting_on_the_people_who_had_waited_as_long() {
        String hannah = "9989999902";
        LocalDate start = LocalDate.of(2026, 7, 3);
        int waitedDays = (int) (TODAY.toEpochDay() - start.toEpochDay());
        List<JsonObject> waits = Api.as(Tokens.patient(hannah).sign()).get("/api/me/waits").jsonArray().getValuesAs(JsonObject.class);
        JsonObject gynaecology = waits.stream().filter(wait -> wait.getString("treatmentFunction").equals("502")).findFirst().orElseThrow();
        assertEquals("Northgate Hospitals NHS Trust", gynaecology.getString("trustName"));
        assertEquals(waitedDays / 7, gynaecology.getInt("weeksWaited"));
        JsonObject estimate = gynaecology.getJsonObject("estimate");
        String trustClause = estimate.getString("basis").equals("this trust") ? " and provider_ods = 'RXA'" : "";
        int atRisk = Databases.count(Databases.HOSPITAL, "select count(*) from rtt_pathway where treatment_function = '502' and priority"
                + " = 'ROUTINE' and clock_start <= current_date and (clock_stop is null or clock_stop >= current_date - interval '2 years')"
                + " and least(coalesce(clock_stop, current_date), current_date) - clock_start > ?" + trustClause, waitedDays);
        assertEquals(atRisk, estimate.getInt("restsOn"), estimate.toString());
        assertTrue(atRisk >= 30, "enough for an estimate: " + atRisk);
        assertTrue(estimate.getInt("halfWithinFurtherWeeks") > 0, estimate.toString());
        assertTrue(estimate.getString("inWords").contains("people who had waited " + waitedDays / 7 + " weeks for Gynaecology"),
                estimate.getString("inWords"));
    }
}

package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The coded formulary: medicines in dm+d's shape with their group, allergy classes, usual maximum and flags; the interactions
 * table; a release imported as CSV, refused whole when a line is faulty.
 */
class FormularyIT extends IcrDeployment {

    private final Api.Client gp = Api.as(Tokens.staff("gp.beech", "GP").sign());
    private final Api.Client admin = Api.as(Tokens.staff("admin.beech", "ADMIN").sign());

    private JsonObject medicine(String name) {
        return gp.get("/api/formulary/medicines?query=" + Api.encode(name)).jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("name").equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " not found"));
    }

    @Test
    void a_medicine_carries_what_prescribing_checks_need() {
        JsonObject amoxicillin = medicine("Amoxicillin 500mg capsules");
        assertEquals("Amoxicillin", amoxicillin.getString("moiety"));
        assertEquals("penicillin", amoxicillin.getString("therapeuticGroup"));
        assertTrue(amoxicillin.getJsonArray("allergyClasses").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList().contains("penicillins"));
        assertEquals(3000, amoxicillin.getJsonNumber("maxDailyDose").intValue());
        assertTrue(medicine("Co-careldopa 25mg/100mg tablets").getBoolean("timeCritical"));
        assertTrue(medicine("Morphine sulfate 10mg/5ml oral solution").getBoolean("controlledDrug"));
        assertTrue(gp.get("/api/formulary/medicines?query=a").jsonArray().size() <= 12);
    }

    @Test
    void interactions_are_found_by_moiety_and_by_group_in_either_order() {
        List<JsonObject> found = gp.get("/api/formulary/interactions?medicine=" + Api.encode("Ibuprofen 400mg tablets") + "&medicine="
                + Api.encode("Warfarin 1mg tablets") + "&medicine=" + Api.encode("Paracetamol 500mg tablets")).jsonArray()
                .getValuesAs(JsonObject.class);
        assertEquals(1, found.size(), found.toString());
        assertEquals("severe", found.get(0).getString("severity"));
        assertTrue(found.get(0).getString("advice").contains("Bleeding"));

        List<JsonObject> serotonin = gp.get("/api/formulary/interactions?medicine=" + Api.encode("Tramadol 50mg capsules") + "&medicine="
                + Api.encode("Sertraline 50mg tablets")).jsonArray().getValuesAs(JsonObject.class);
        assertEquals(List.of("severe"), serotonin.stream().map(i -> i.getString("severity")).toList(), "SSRI (a group) with tramadol");
        List<JsonObject> potassium = gp.get("/api/formulary/interactions?medicine=" + Api.encode("Ramipril 5mg capsules") + "&medicine="
                + Api.encode("Spironolactone 25mg tablets")).jsonArray().getValuesAs(JsonObject.class);
        assertEquals(1, potassium.size(), "ACE inhibitor with a potassium-sparing diuretic");
        assertTrue(gp.get("/api/formulary/interactions?medicine=" + Api.encode("Amlodipine 5mg tablets") + "&medicine="
                + Api.encode("Paracetamol 500mg tablets")).jsonArray().isEmpty());
    }

    @Test
    void a_release_adds_and_revises_products_and_a_faulty_line_refuses_the_whole_file() {
        String code = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String name = "Testmedicine " + code + "mg tablets";
        String header = "vtm,name,form,strength,route,dose_unit,therapeutic_group,allergy_classes,max_daily_dose,time_critical,controlled_drug,dmd_code\n";
        String release = header + "Testmedicine," + name + ",tablet," + code + " mg,oral,mg,NSAID,nsaids,1200,no,no,\n";
        assertEquals(403, gp.post("/api/formulary/releases", "text/csv", release).status(), "administrators import");
        Api.Reply imported = admin.post("/api/formulary/releases", "text/csv", release);
        assertEquals(200, imported.status(), imported.body());
        assertEquals(1, imported.json().getInt("added"));
        assertEquals("NSAID", medicine(name).getString("therapeuticGroup"));
        assertEquals(1, gp.get("/api/formulary/interactions?medicine=" + Api.encode(name) + "&medicine="
                + Api.encode("Warfarin 1mg tablets")).jsonArray().size(), "a new NSAID interacts as NSAIDs do");

        Api.Reply revised = admin.post("/api/formulary/releases", "text/csv", header + "Testmedicine," + name + ",tablet," + code
                + " mg,oral,mg,NSAID,nsaids;salicylates,1500,no,no,\n");
        assertEquals(1, revised.json().getInt("revised"));
        assertEquals(0, revised.json().getInt("added"));
        assertEquals(2, medicine(name).getJsonArray("allergyClasses").size(), "the next release's classes");
        assertEquals(1500, medicine(name).getJsonNumber("maxDailyDose").intValue());

        String faulty = "vtm,name,form,route,dose_unit,max_daily_dose\n"
                + "Newthing,Newthing " + code + " tablets,tablet,oral,mg,100\n"
                + "Broken,,tablet,oral,mg,100\n"
                + "Other,Other " + code + " tablets,tablet,oral,mg,lots\n";
        Api.Reply refused = admin.post("/api/formulary/releases", "text/csv", faulty);
        assertEquals(List.of("line 3", "line 4"), refused.problemFields(400));
        assertTrue(gp.get("/api/formulary/medicines?query=Newthing").jsonArray().isEmpty(), "nothing of a refused release is imported");
        assertEquals(List.of("file"), admin.post("/api/formulary/releases", "text/csv", "name,form\nx,y\n").problemFields(400));
    }
}

package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** Search by name and date of birth, a page at a time, in a stable order. */
class PatientSearchIT extends IcrDeployment {

    @Test
    void name_search_pages_through_matches_in_name_order() {
        String family = TestPatients.uniqueFamilyName();
        for (String given : List.of("Carol", "Alice", "Bella")) {
            assertEquals(201, Api.postJson("/api/patients", aPatient().familyName(family).givenName(given).json()).status());
        }

        JsonObject first = Api.get("/api/patients?name=" + family.toLowerCase() + "&size=2").json();
        JsonObject second = Api.get("/api/patients?name=" + family.toUpperCase() + "&size=2&page=1").json();

        assertEquals(3, first.getInt("totalItems"));
        assertEquals(2, first.getInt("totalPages"));
        assertEquals(List.of("Alice", "Bella"), givenNames(first));
        assertEquals(List.of("Carol"), givenNames(second));
    }

    @Test
    void every_name_part_must_begin_a_given_or_family_name_and_the_birth_date_must_match() {
        String family = TestPatients.uniqueFamilyName();
        Api.postJson("/api/patients", aPatient().familyName(family).givenName("Oluwaseun").birthDate("1961-03-02").json());
        Api.postJson("/api/patients", aPatient().familyName(family).givenName("Olivia").birthDate("1999-09-09").json());

        assertEquals(List.of("Oluwaseun"), givenNames(Api.get("/api/patients?name=olu+" + family.substring(0, 5)).json()));
        assertEquals(List.of("Olivia"),
                givenNames(Api.get("/api/patients?name=" + family + "&birthDate=1999-09-09").json()));
        assertEquals(0, Api.get("/api/patients?name=" + family + "&birthDate=1999-09-10").json().getInt("totalItems"));
    }

    @Test
    void wildcards_in_the_name_are_matched_literally() {
        assertEquals(0, Api.get("/api/patients?name=%25%25").json().getInt("totalItems"));
        assertEquals(0, Api.get("/api/patients?name=__").json().getInt("totalItems"));
    }

    private static List<String> givenNames(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(p -> p.getString("givenName")).toList();
    }
}

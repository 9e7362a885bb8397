package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** A search shows each member of staff only the patients they may see; the record page handles the rest. */
class SearchVisibilityIT extends IcrDeployment {

    @Test
    void each_role_finds_only_the_patients_it_has_a_relationship_with() {
        String family = TestPatients.uniqueFamilyName();
        TestPatients atBeech = aPatient().familyName(family).givenName("Alma");
        TestPatients atHillview = aPatient().familyName(family).givenName("Bea").gpPractice("Y90003");
        TestPatients onCaseload = aPatient().familyName(family).givenName("Cora").gpPractice("Y90003");
        for (TestPatients patient : List.of(atBeech, atHillview, onCaseload)) {
            assertEquals(201, patient.register().status());
        }
        Databases.allocateToCaseload(onCaseload.nhsNumber(), "social.worker");
        String search = "/api/patients?name=" + family;

        assertEquals(List.of("Alma"), givenNames(Api.get(search)));
        assertEquals(List.of("Bea", "Cora"), givenNames(Api.as(Tokens.staff("gp.hillview", "GP").sign()).get(search)));
        assertEquals(List.of("Cora"), givenNames(Api.as(Tokens.staff("social.worker", "SOCIAL_WORKER").sign()).get(search)));
        assertEquals(List.of(), givenNames(Api.as(Tokens.staff("clinician.riverside", "HOSPITAL_CLINICIAN").sign()).get(search)));
        Api.as(Tokens.staff("privacy.officer", "PRIVACY_OFFICER").sign()).get(search).problem(403);
        Api.as(null).get(search).problem(401);
    }

    private static List<String> givenNames(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream().map(p -> p.getString("givenName")).toList();
    }
}

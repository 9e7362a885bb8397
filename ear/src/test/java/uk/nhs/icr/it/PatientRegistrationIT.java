package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.time.LocalDate;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** Registration writes both databases in one XA transaction: both rows, or neither. */
class PatientRegistrationIT extends IcrDeployment {

    @Test
    void registration_commits_the_patient_to_the_hospital_and_the_person_to_social_care() {
        TestPatients patient = aPatient().givenName("Grace").birthDate("1990-07-04").postcode("se15 5dq").gpPractice("y90003");

        // hospital staff may register a patient with any practice ICR knows
        Api.Reply reply = Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign()).postJson("/api/patients", patient.json());

        assertEquals(201, reply.status(), reply.body());
        assertEquals(Api.BASE + "/api/patients/" + patient.nhsNumber(), reply.header("Location"));
        assertEquals(List.of(patient.nhsNumber(), "Grace", patient.familyName(), "1990-07-04", "FEMALE", "SE15 5DQ", "Y90003"),
                Databases.patientRow(patient.nhsNumber()));
        assertEquals(List.of(patient.nhsNumber(), "Grace", patient.familyName(), "1990-07-04"),
                Databases.personRow(patient.nhsNumber()));
    }

    @Test
    void the_location_returned_reads_back_the_registered_patient() {
        TestPatients patient = aPatient().nhsNumber(spaced(TestPatients.newNhsNumber()));
        Api.Reply created = Api.postJson("/api/patients", patient.json());
        assertEquals(201, created.status(), created.body());

        Api.Reply read = Api.getUrl(created.header("Location"));

        assertEquals(200, read.status());
        JsonObject body = read.json();
        assertEquals(patient.nhsNumber().replace(" ", ""), body.getString("nhsNumber"));
        assertEquals(patient.familyName(), body.getString("familyName"));
        assertEquals("1985-12-10", body.getString("birthDate"));
        assertEquals("female", body.getString("sex"));
        assertEquals("Y90001", body.getString("gpPracticeOdsCode"));
    }

    @Test
    void a_failure_in_the_social_care_write_leaves_no_row_in_either_database() {
        TestPatients patient = aPatient();
        // a person already in social care (but unknown to the hospital) makes the social-care insert violate
        // its unique NHS number after the hospital insert has been sent in the same transaction
        Databases.insertPersonDirectly(patient.nhsNumber(), "Earlier", "Record", LocalDate.of(1970, 1, 1));

        Api.Reply reply = Api.postJson("/api/patients", patient.json());

        reply.problem(409);
        assertEquals(0, Databases.patientsWith(patient.nhsNumber()), "hospital row rolled back");
        assertEquals(List.of(patient.nhsNumber(), "Earlier", "Record", "1970-01-01"), Databases.personRow(patient.nhsNumber()),
                "social care unchanged");
    }

    @Test
    void registering_the_same_nhs_number_twice_is_a_conflict_and_changes_nothing() {
        TestPatients first = aPatient().givenName("Mary");
        assertEquals(201, Api.postJson("/api/patients", first.json()).status());

        Api.Reply again = Api.postJson("/api/patients", aPatient().nhsNumber(first.nhsNumber()).givenName("Maria").json());

        JsonObject problem = again.problem(409);
        assertTrue(problem.getString("detail").contains("already registered"), problem.toString());
        assertEquals(1, Databases.patientsWith(first.nhsNumber()));
        assertEquals(1, Databases.peopleWith(first.nhsNumber()));
        assertEquals("Mary", Databases.patientRow(first.nhsNumber()).get(1));
        assertEquals("Mary", Databases.personRow(first.nhsNumber()).get(1));
        assertEquals(List.of("DENIED", "GRANTED"), Databases.rows(Databases.HOSPITAL, "select outcome from audit_event"
                + " where patient_nhs_number = ? and action = 'CREATE' order by outcome", first.nhsNumber()),
                "one registration on record as granted, the refused second as denied");
    }

    @Test
    void a_practice_registers_patients_on_its_own_list_and_only_with_practices_icr_knows() {
        TestPatients elsewhere = aPatient().gpPractice("Y90003");
        TestPatients unknown = aPatient().gpPractice("Y99999");

        Api.Reply byAnotherPractice = Api.postJson("/api/patients", elsewhere.json());
        Api.Reply byItsAdministrator = Api.as(Tokens.staff("admin.beech", "ADMIN").sign()).postJson("/api/patients", elsewhere.json());
        Api.Reply atNoKnownPractice = Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign())
                .postJson("/api/patients", unknown.json());

        assertEquals(List.of("gpPracticeOdsCode"), byAnotherPractice.problemFields(400), "gp.beech is at Y90001");
        assertEquals(List.of("gpPracticeOdsCode"), byItsAdministrator.problemFields(400), "admin.beech is at Y90001");
        assertEquals(List.of("gpPracticeOdsCode"), atNoKnownPractice.problemFields(400));
        assertTrue(atNoKnownPractice.body().contains("no GP practice with this ODS code"), atNoKnownPractice.body());
        assertEquals(0, Databases.patientsWith(elsewhere.nhsNumber()) + Databases.patientsWith(unknown.nhsNumber()));
        assertEquals(0, Databases.peopleWith(elsewhere.nhsNumber()) + Databases.peopleWith(unknown.nhsNumber()));
        assertEquals(201, elsewhere.register().status(), "its own practice registers the patient");
    }

    private static String spaced(String digits) {
        return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }
}

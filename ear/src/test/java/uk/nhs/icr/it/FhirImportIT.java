package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.rest.client.api.IGenericClient;

/**
 * Importing records from another system as FHIR transaction bundles shaped like Synthea's (a hospital and a practitioner
 * named by identifier, patients with encounters, problems, laboratory and vital-sign observations, medicines, allergies,
 * claims): both databases written in one transaction per bundle, counts checked in each; a re-import changing nothing; a
 * registered patient matched, never duplicated; one bad resource refusing the whole bundle; only importers importing.
 */
class FhirImportIT extends IcrDeployment {

    private static final String SYNTHEA = "https://github.com/synthetichealth/synthea";
    private static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    private static final IGenericClient IMPORTER = Fhir.as(Tokens.staff("importer", "IMPORTER").sign());

    /** A Synthea-shaped transaction bundle for these patients: the first registered at Beech Road (Y90001), the rest at no practice ICR knows. */
    private static Bundle generated(List<String> nhsNumbers, String run) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Organization hospital = new Organization().setName("Synthetic General " + run);
        hospital.addIdentifier().setSystem(SYNTHEA).setValue("org-" + run);
        add(bundle, hospital, "Organization?identifier=" + SYNTHEA + "|org-" + run);
        Practitioner doctor = new Practitioner();
        doctor.addIdentifier().setSystem(NPI).setValue("npi-" + run);
        doctor.addName().setFamily("Okoro").addGiven("Ada").addPrefix("Dr.");
        add(bundle, doctor, "Practitioner?identifier=" + NPI + "|npi-" + run);
        for (int i = 0; i < nhsNumbers.size(); i++) {
            Patient patient = new Patient();
            patient.addIdentifier().setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue(nhsNumbers.get(i));
            patient.addIdentifier().setSystem(SYNTHEA).setValue("patient-" + run + "-" + i);
            patient.addName().setUse(org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL).setFamily("Synthetic" + run).addGiven("Pat" + i);
            patient.setGender(Enumerations.AdministrativeGender.FEMALE).setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1961-04-0" + (i + 1)));
            patient.addAddress().setPostalCode("02139");
            patient.addGeneralPractitioner(new Reference(i == 0 ? "Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|Y90001"
                    : "Organization?identifier=" + SYNTHEA + "|org-" + run));
            String subject = add(bundle, patient, null);
            Encounter visit = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
                    .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"))
                    .setSubject(new Reference(subject)).setPeriod(new Period().setStartElement(new DateTimeType("2024-03-0" + (i + 1) + "T09:00:00Z"))
                            .setEndElement(new DateTimeType("2024-03-0" + (i + 1) + "T09:30:00Z")))
                    .setServiceProvider(new Reference("Organization?identifier=" + SYNTHEA + "|org-" + run));
            visit.addType(new CodeableConcept().setText("General examination"));
            visit.addParticipant().setIndividual(new Reference("Practitioner?identifier=" + NPI + "|npi-" + run));
            add(bundle, visit, null);
            Condition hypertension = new Condition().setSubject(new Reference(subject))
                    .setCode(new CodeableConcept().addCoding(new Coding("http://snomed.info/sct", "38341003", "Hypertension")).setText("Hypertension"))
                    .setOnset(new DateTimeType("2020-01-01T00:00:00Z"));
            hypertension.setClinicalStatus(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
            add(bundle, hypertension, null);
            add(bundle, laboratory(subject, "Haemoglobin", new BigDecimal("135"), "g/L"), null);
            Observation bloodPressure = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference(subject))
                    .setCode(new CodeableConcept().setText("Blood pressure"));
            bloodPressure.addCategory().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", null));
            add(bundle, bloodPressure, null);
            MedicationRequest amlodipine = new MedicationRequest().setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
                    .setIntent(MedicationRequest.MedicationRequestIntent.ORDER).setSubject(new Reference(subject))
                    .setMedication(new CodeableConcept().setText("Amlodipine 5mg tablets"));
            amlodipine.setAuthoredOnElement(new DateTimeType("2024-03-01T09:20:00Z"));
            amlodipine.addDosageInstruction().setText("One a day");
            add(bundle, amlodipine, null);
            AllergyIntolerance penicillin = new AllergyIntolerance().setPatient(new Reference(subject))
                    .setCode(new CodeableConcept().setText("Penicillin"));
            penicillin.setClinicalStatus(new CodeableConcept().addCoding(
                    new Coding("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", null)));
            penicillin.addReaction().addManifestation(new CodeableConcept().setText("Rash"))
                    .setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE);
            add(bundle, penicillin, null);
            add(bundle, new Claim().setPatient(new Reference(subject)), null);
            add(bundle, new ExplanationOfBenefit().setPatient(new Reference(subject)), null);
        }
        return bundle;
    }

    private static Observation laboratory(String subject, String test, BigDecimal value, String unit) {
        Observation result = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference(subject))
                .setCode(new CodeableConcept().setText(test)).setValue(new Quantity().setValue(value).setUnit(unit))
                .setEffective(new DateTimeType("2024-03-01T10:00:00Z"));
        result.addCategory().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", null));
        result.addReferenceRange().setLow(new Quantity().setValue(130).setUnit(unit)).setHigh(new Quantity().setValue(170).setUnit(unit));
        return result;
    }

    /** A result whose reference range breaks R4's invariant obs-3 (low, high or text): it gives only the ages it applies to. */
    private static Observation brokenResult(String subject) {
        Observation broken = laboratory(subject, "Potassium", new BigDecimal("4.1"), "mmol/L");
        SimpleQuantity adult = new SimpleQuantity();
        adult.setValue(18);
        broken.getReferenceRange().clear();
        broken.addReferenceRange().setAge(new Range().setLow(adult));
        return broken;
    }

    /** Adds a resource as a POST (conditional when {@code ifNoneExist} is given) under a fresh urn:uuid; returns that URL. */
    private static String add(Bundle bundle, Resource resource, String ifNoneExist) {
        String fullUrl = "urn:uuid:" + UUID.randomUUID();
        Bundle.BundleEntryRequestComponent request = bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
        if (ifNoneExist != null) {
            request.setIfNoneExist(ifNoneExist.substring(ifNoneExist.indexOf('?') + 1));
        }
        return fullUrl;
    }

    /** A patient's hospital entries by kind. */
    private static Map<String, String> entries(String nhsNumber) {
        Map<String, String> counts = new TreeMap<>();
        Databases.rows(Databases.HOSPITAL, "select entry_type || '=' || count(*) from hospital_entry where patient_nhs_number = ?"
                + " group by entry_type", nhsNumber).forEach(row -> counts.put(row.split("=")[0], row.split("=")[1]));
        return counts;
    }

    private static final Map<String, String> ONE_OF_EACH = Map.of("ALLERGY", "1", "BLOOD_TEST", "1", "ENCOUNTER", "1", "MEDICATION", "1",
            "PROBLEM", "1");

    private static List<String> statuses(Bundle answer) {
        return answer.getEntry().stream().map(entry -> entry.getResponse().getStatus()).toList();
    }

    @Test
    void an_importer_imports_a_generated_multi_patient_set_into_both_databases_in_one_transaction() {
        List<String> patients = Databases.unusedNhsNumbers(3);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Bundle bundle = generated(patients, run);

        Bundle answer = IMPORTER.transaction().withBundle(bundle).execute();

        assertEquals(Bundle.BundleType.TRANSACTIONRESPONSE, answer.getType());
        assertEquals(bundle.getEntry().size(), answer.getEntry().size(), "one answer per entry sent");
        for (String patient : patients) {
            assertEquals(1, Databases.patientsWith(patient), "registered in the hospital record");
            assertEquals(1, Databases.peopleWith(patient), "and in the social care record");
            assertEquals(ONE_OF_EACH, entries(patient), "the kept resources, one entry each; claims and vital signs skipped");
        }
        assertEquals(List.of("Y90001", "V81999", "V81999"), patients.stream().map(patient -> Databases.row(Databases.HOSPITAL,
                "select gp_practice_ods from patient where nhs_number = ?", patient).get(0)).toList(),
                "a practice ICR knows when named, otherwise 'not known': no relationship by the import itself");
        assertEquals(1, Databases.count(Databases.HOSPITAL, "select count(*) from organisation where imported_from = ?", SYNTHEA + "|org-" + run));
        assertEquals(List.of("Dr. Ada Okoro"), Databases.rows(Databases.HOSPITAL, "select author_name from hospital_entry where"
                + " patient_nhs_number = ? and entry_type = 'ENCOUNTER'", patients.get(1)), "the practitioner named by identifier");
        assertEquals(List.of("135", "g/L", "130", "170", "NORMAL"), Databases.row(Databases.HOSPITAL, "select result_value::int,"
                + " unit, reference_low::int, reference_high::int, abnormal_flag from hospital_entry where patient_nhs_number = ?"
                + " and entry_type = 'BLOOD_TEST'", patients.get(0)));
        assertTrue(statuses(answer).contains("201 Created"));
        assertEquals(3 * 3, answer.getEntry().stream().filter(entry -> entry.getResponse().hasOutcome()).count(),
                "a claim, an explanation of benefit and a vital sign per patient, each skipped with an information issue");
        assertEquals(1, Databases.auditRows(patients.get(0), "SharedRecord", "WRITE"), "the import is on the patient's audit trail");

        Bundle again = IMPORTER.transaction().withBundle(bundle).execute();
        assertTrue(statuses(again).stream().noneMatch(status -> status.startsWith("201")), "nothing new: " + statuses(again));
        for (String patient : patients) {
            assertEquals(ONE_OF_EACH, entries(patient), "a re-import adds nothing");
            assertEquals(1, Databases.patientsWith(patient));
        }
    }

    @Test
    void a_patient_already_registered_is_matched_and_the_imported_entries_are_appended_to_their_record() {
        TestPatients registered = TestPatients.aPatient().birthDate("1961-04-01");
        assertEquals(201, Api.postJson("/api/patients", registered.json()).status());
        Databases.addProblemDirectly(registered.nhsNumber(), "GENERAL", "Asthma");

        Bundle bundle = generated(List.of(registered.nhsNumber()), UUID.randomUUID().toString().substring(0, 8));
        bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(resource -> resource instanceof Patient)
                .forEach(patient -> ((Patient) patient).getNameFirstRep().setFamily(registered.familyName().toUpperCase()));

        IMPORTER.transaction().withBundle(bundle).execute();

        assertEquals(1, Databases.patientsWith(registered.nhsNumber()), "never duplicated: the same person (name in any case, birth date)");
        assertEquals(List.of(registered.familyName()), Databases.row(Databases.HOSPITAL, "select family_name from patient where nhs_number = ?",
                registered.nhsNumber()), "the registered demographics stand");
        assertEquals("2", entries(registered.nhsNumber()).get("PROBLEM"), "the imported problem beside the one recorded here");
        Bundle conditions = Fhir.as(Tokens.staff("gp.beech", "GP").sign()).search().byUrl("Condition?patient=" + registered.nhsNumber())
                .returnBundle(Bundle.class).execute();
        assertEquals(2, conditions.getTotal(), "the GP reads the imported entries in the record, through the same rules");
    }

    @Test
    void an_imported_entry_is_filed_under_its_sensitive_category_and_a_consent_deny_withholds_it() {
        List<String> patients = Databases.unusedNhsNumbers(1);
        Bundle bundle = generated(patients, UUID.randomUUID().toString().substring(0, 8));
        String subject = bundle.getEntry().stream().filter(entry -> entry.getResource() instanceof Patient).findFirst().orElseThrow().getFullUrl();
        add(bundle, new Condition().setSubject(new Reference(subject)).setCode(new CodeableConcept()
                .addCoding(new Coding("http://snomed.info/sct", "35489007", "Depressive disorder"))), null);

        IMPORTER.transaction().withBundle(bundle).execute();

        assertEquals(List.of("MENTAL_HEALTH"), Databases.rows(Databases.HOSPITAL, "select category from hospital_entry where"
                + " patient_nhs_number = ? and snomed_code = '35489007'", patients.get(0)), "filed as a clinician's entry would be");
        assertEquals(200, Api.as(Tokens.patient(patients.get(0)).sign()).putJsonOverCurrent("/api/patients/" + patients.get(0) + "/consent",
                "{\"status\":\"active\",\"provisions\":[{\"type\":\"deny\",\"categories\":[\"MENTAL_HEALTH\"]}]}").status());
        Bundle conditions = Fhir.as(Tokens.staff("gp.beech", "GP").sign()).search().byUrl("Condition?patient=" + patients.get(0))
                .returnBundle(Bundle.class).execute();
        assertEquals(1, conditions.getTotal(), "the imported depression is withheld; the imported hypertension is not");
    }

    @Test
    void an_nhs_number_registered_to_someone_else_is_refused_not_merged() {
        TestPatients registered = TestPatients.aPatient();
        assertEquals(201, Api.postJson("/api/patients", registered.json()).status());

        assertEquals("422 invalid", Fhir.refusal(() -> IMPORTER.transaction()
                .withBundle(generated(List.of(registered.nhsNumber()), UUID.randomUUID().toString().substring(0, 8))).execute()),
                "a mistyped but valid number: another family name and date of birth");
        assertEquals(Map.of(), entries(registered.nhsNumber()), "nothing of the other person's history lands on this record");
    }

    @Test
    void one_bad_resource_refuses_the_whole_bundle_and_nothing_of_it_is_written() {
        List<String> patients = Databases.unusedNhsNumbers(2);
        Bundle bundle = generated(patients, UUID.randomUUID().toString().substring(0, 8));
        Patient second = (Patient) bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(resource -> resource instanceof Patient).skip(1).findFirst().orElseThrow();
        String subject = bundle.getEntry().stream().filter(entry -> entry.getResource() == second).findFirst().orElseThrow().getFullUrl();
        add(bundle, laboratory(subject, "Sodium", new BigDecimal("140"), null), null);

        assertEquals("422 invalid", Fhir.refusal(() -> IMPORTER.transaction().withBundle(bundle).execute()),
                "a laboratory result without a unit");
        for (String patient : patients) {
            assertEquals(0, Databases.patientsWith(patient), "the first patient, fine in itself, is not registered either");
            assertEquals(0, Databases.peopleWith(patient));
            assertEquals(Map.of(), entries(patient));
        }
    }

    @Test
    void a_patient_without_an_nhs_number_is_refused_and_only_importers_import() {
        List<String> patients = Databases.unusedNhsNumbers(1);
        Bundle bundle = generated(patients, UUID.randomUUID().toString().substring(0, 8));
        assertEquals("403 forbidden", Fhir.refusal(() -> Fhir.as(Tokens.staff("gp.beech", "GP").sign()).transaction().withBundle(bundle).execute()));
        assertEquals(0, Databases.patientsWith(patients.get(0)));

        bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(resource -> resource instanceof Patient)
                .forEach(patient -> ((Patient) patient).getIdentifier().removeIf(id -> id.getSystem().equals("https://fhir.nhs.uk/Id/nhs-number")));
        assertEquals("422 invalid", Fhir.refusal(() -> IMPORTER.transaction().withBundle(bundle).execute()),
                "this server assigns no test numbers (ICR_FHIR_ASSIGN_TEST_NHS_NUMBERS is false)");
    }

    @Test
    void an_entry_that_breaks_the_r4_structure_is_refused_naming_where_it_sits_and_nothing_is_written() {
        List<String> patients = Databases.unusedNhsNumbers(2);
        Bundle bundle = generated(patients, UUID.randomUUID().toString().substring(0, 8));
        String second = bundle.getEntry().stream().filter(entry -> entry.getResource() instanceof Patient).skip(1).findFirst()
                .orElseThrow().getFullUrl();
        add(bundle, brokenResult(second), null);
        int where = bundle.getEntry().size() - 1;

        OperationOutcome refusal = Fhir.outcomeOf(422, () -> IMPORTER.transaction().withBundle(bundle).execute());
        assertEquals("structure", refusal.getIssueFirstRep().getCode().toCode(), refusal.getIssueFirstRep().getDiagnostics());
        assertEquals(List.of("Bundle.entry[" + where + "].resource.referenceRange[0]"), refusal.getIssue().stream()
                .flatMap(issue -> issue.getExpression().stream()).map(org.hl7.fhir.r4.model.StringType::getValue).distinct().toList(),
                "the one error, named where it sits in the request: " + refusal.getIssueFirstRep().getDiagnostics());
        assertTrue(refusal.getIssueFirstRep().getDiagnostics().contains("obs-3"), refusal.getIssueFirstRep().getDiagnostics());
        assertTrue(!refusal.getIssueFirstRep().getDiagnostics().contains("Potassium"), "the finding names the rule, not the record's content");
        for (String patient : patients) {
            assertEquals(0, Databases.patientsWith(patient), "nothing of the bundle is written");
            assertEquals(0, Databases.peopleWith(patient));
        }
    }

    @Test
    void an_error_past_the_first_five_hundred_entries_is_named_by_its_place_in_the_request() {
        List<String> patients = Databases.unusedNhsNumbers(1);
        Bundle bundle = generated(patients, UUID.randomUUID().toString().substring(0, 8));
        String subject = bundle.getEntry().stream().filter(entry -> entry.getResource() instanceof Patient).findFirst().orElseThrow().getFullUrl();
        // 600 results, each followed by a claim ICR skips: the validator sees the kept entries in runs of 500, so the broken
        // one, the 551st result, is in the second run at a place that is neither its index in the run nor in the request
        int where = -1;
        for (int i = 0; i < 600; i++) {
            if (i == 550) {
                where = bundle.getEntry().size();
            }
            add(bundle, i == 550 ? brokenResult(subject) : laboratory(subject, "Sodium", new BigDecimal("140"), "mmol/L"), null);
            add(bundle, new Claim().setPatient(new Reference(subject)), null);
        }
        int broken = where;

        OperationOutcome refusal = Fhir.outcomeOf(422, () -> IMPORTER.transaction().withBundle(bundle).execute());
        assertEquals(List.of("Bundle.entry[" + broken + "].resource.referenceRange[0]"), refusal.getIssue().stream()
                .flatMap(issue -> issue.getExpression().stream()).map(org.hl7.fhir.r4.model.StringType::getValue).distinct().toList(),
                refusal.getIssueFirstRep().getDiagnostics());
        assertEquals(0, Databases.patientsWith(patients.get(0)), "nothing of the bundle is written");
    }

    @Test
    void the_importer_role_is_checked_before_a_byte_of_any_bundle_is_read() {
        String unfinishedJson = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{";
        String unfinishedXml = "<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"transaction\"/><entry>";
        String gp = "Bearer " + Tokens.staff("gp.beech", "GP").sign();
        for (String[] sent : List.of(new String[] {"application/fhir+json", unfinishedJson}, new String[] {"application/fhir+xml", unfinishedXml})) {
            Api.Reply byGp = Api.postTo(Fhir.BASE, sent[0], sent[1], "Authorization", gp);
            assertEquals(403, byGp.status(), sent[0] + ": " + byGp.body());
            assertTrue(byGp.body().contains("OperationOutcome") && byGp.body().contains("importers"), byGp.body());
            Api.Reply byNobody = Api.postTo(Fhir.BASE, sent[0], sent[1]);
            assertEquals(401, byNobody.status(), sent[0] + ": " + byNobody.body());
        }
    }

    @Test
    void a_bundle_nested_past_what_any_resource_needs_is_refused_with_the_limit_named() {
        String deep = "[".repeat(1_001) + "]".repeat(1_001);
        String body = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":{\"resourceType\":\"Basic\","
                + "\"extension\":" + deep + "}}]}";
        Api.Reply refused = Api.postJsonTo(Fhir.BASE, "Bearer " + Tokens.staff("importer", "IMPORTER").sign(), body);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("OperationOutcome") && refused.body().contains("nesting depth (1001) exceeds the maximum allowed (1000)"),
                refused.body());
        assertTrue(!refused.body().contains("StreamReadConstraints"), "the limit in the client's terms: " + refused.body());
    }

    @Test
    void a_bundle_is_read_as_a_stream_in_any_order_of_its_elements_and_malformed_json_is_refused_by_line_and_column() {
        List<String> patients = Databases.unusedNhsNumbers(1);
        String json = Fhir.CONTEXT.newJsonParser().encodeResourceToString(generated(patients, UUID.randomUUID().toString().substring(0, 8)));
        // the entries first and the bundle's type after them, which a reader that needs the type up front would refuse
        JsonObject sent;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            sent = reader.readObject();
        }
        JsonObjectBuilder entriesFirst = Json.createObjectBuilder().add("entry", sent.get("entry"));
        sent.forEach((name, value) -> {
            if (!name.equals("entry")) {
                entriesFirst.add(name, value);
            }
        });
        String reordered = entriesFirst.build().toString();
        assertTrue(reordered.indexOf("\"entry\"") < reordered.indexOf("\"type\""), reordered.substring(0, 40));
        String importer = "Bearer " + Tokens.staff("importer", "IMPORTER").sign();

        Api.Reply imported = Api.postJsonTo(Fhir.BASE, importer, reordered);
        assertEquals(200, imported.status(), imported.body());
        assertEquals(1, Databases.patientsWith(patients.get(0)));
        assertEquals(1, Databases.peopleWith(patients.get(0)));
        assertEquals(ONE_OF_EACH, entries(patients.get(0)));

        List<String> unused = Databases.unusedNhsNumbers(1);
        String cut = Fhir.CONTEXT.newJsonParser().setPrettyPrint(true)
                .encodeResourceToString(generated(unused, UUID.randomUUID().toString().substring(0, 8)));
        cut = cut.substring(0, cut.indexOf("\"Encounter\"")) + "\"Encounter\" ] }";
        Api.Reply malformed = Api.postJsonTo(Fhir.BASE, importer, cut);
        assertEquals(400, malformed.status(), malformed.body());
        assertTrue(malformed.body().contains("OperationOutcome") && malformed.body().matches("(?s).*line \\d+, column \\d+.*"), malformed.body());
        assertTrue(!malformed.body().contains("Synthetic"), "where it broke, not what was there: " + malformed.body());
        assertEquals(0, Databases.patientsWith(unused.get(0)));
    }

    @Test
    void a_bundle_over_the_import_limit_is_refused_unread() {
        List<String> padding = new ArrayList<>();
        String line = "x".repeat(1_000);
        for (int i = 0; i < 8_400; i++) { // past the test server's ICR_MAX_IMPORT_BYTES, 8 MiB
            padding.add(line);
        }
        String body = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[],\"id\":\"" + String.join("", padding) + "\"}";
        Api.Reply refused = Api.postJsonTo(Fhir.BASE, "Bearer " + Tokens.staff("importer", "IMPORTER").sign(), body);
        assertEquals(413, refused.status(), refused.body());
        assertTrue(refused.body().contains("OperationOutcome") && refused.body().contains("ICR_MAX_IMPORT_BYTES"), refused.body());
    }
}

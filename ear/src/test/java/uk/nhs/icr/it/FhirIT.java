package uk.nhs.icr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.icr.it.TestPatients.aPatient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.DateClientParam;
import ca.uhn.fhir.rest.gclient.ReferenceClientParam;
import ca.uhn.fhir.rest.gclient.TokenClientParam;

/**
 * The FHIR R4 face, as a partner system uses it through HAPI's generic client: every resource type ICR serves read and
 * searched, the search parameters and paging, {@code $everything}, consent withholding in searches and in
 * {@code $everything}, preferences as Consent, the access log as AuditEvent, and every refusal as an OperationOutcome with
 * the status the JSON API gives the same case.
 */
class FhirIT extends IcrDeployment {

    private static final String GP_TOKEN = Tokens.staff("gp.beech", "GP").sign();
    private static final java.time.LocalDate TODAY = java.time.LocalDate.now(Inpatients.UK);
    private static final IGenericClient GP = Fhir.as(GP_TOKEN);

    /** Every kind of entry in either record, and the FHIR resource type it reads as (the README's mapping table). */
    private static final Map<String, String> RESOURCE_OF = new LinkedHashMap<>();

    static {
        RESOURCE_OF.put("BLOOD_TEST", "Observation");
        RESOURCE_OF.put("NEEDS_ASSESSMENT", "Observation");
        RESOURCE_OF.put("PROBLEM", "Condition");
        RESOURCE_OF.put("MEDICATION", "MedicationStatement");
        RESOURCE_OF.put("ALLERGY", "AllergyIntolerance");
        RESOURCE_OF.put("ENCOUNTER", "Encounter");
        RESOURCE_OF.put("CARE_VISIT", "Encounter");
        RESOURCE_OF.put("TREATMENT_PLAN", "CarePlan");
        RESOURCE_OF.put("CARE_PLAN", "CarePlan");
        RESOURCE_OF.put("REFERRAL", "ServiceRequest");
        RESOURCE_OF.put("REFERRAL_REQUEST", "ServiceRequest");
        RESOURCE_OF.put("DISCHARGE_SUMMARY", "DocumentReference");
        RESOURCE_OF.put("ALERT", "Flag");
        RESOURCE_OF.put("SAFEGUARDING_CONCERN", "Flag");
        RESOURCE_OF.put("MEDICATION_ADMINISTRATION", "MedicationAdministration");
        RESOURCE_OF.put("CONTACT", "RelatedPerson");
        RESOURCE_OF.put("ALLOCATION", "CareTeam");
        RESOURCE_OF.put("INCIDENT", "AdverseEvent");
    }

    /** A Beech Road patient, registered through the JSON API. */
    private static TestPatients registered() {
        TestPatients patient = aPatient();
        assertEquals(201, Api.postJson("/api/patients", patient.json()).status());
        return patient;
    }

    private static Bundle search(IGenericClient client, String resourceType, String patient) {
        return client.search().forResource(resourceType).where(new ReferenceClientParam("patient").hasId(patient))
                .returnBundle(Bundle.class).execute();
    }

    private static Set<String> titlesOf(Bundle bundle) {
        return Fhir.matches(bundle).stream().map(FhirIT::title).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The words a resource made of an entry carries its entry's title in. */
    private static String title(Resource resource) {
        if (resource instanceof Observation observation) {
            return observation.getCode().getText();
        }
        if (resource instanceof Condition condition) {
            return condition.getCode().getText();
        }
        if (resource instanceof org.hl7.fhir.r4.model.MedicationStatement statement) {
            return statement.getMedicationCodeableConcept().getText();
        }
        if (resource instanceof org.hl7.fhir.r4.model.AllergyIntolerance allergy) {
            return allergy.getCode().getText();
        }
        if (resource instanceof org.hl7.fhir.r4.model.Encounter encounter) {
            return encounter.getTypeFirstRep().getText();
        }
        if (resource instanceof org.hl7.fhir.r4.model.CarePlan plan) {
            return plan.getTitle();
        }
        if (resource instanceof org.hl7.fhir.r4.model.ServiceRequest request) {
            return request.getCode().getText();
        }
        if (resource instanceof org.hl7.fhir.r4.model.DocumentReference document) {
            return document.getDescription();
        }
        if (resource instanceof org.hl7.fhir.r4.model.Flag flag) {
            return flag.getCode().getText().split(":")[0];
        }
        if (resource instanceof org.hl7.fhir.r4.model.MedicationAdministration given) {
            return given.getMedicationCodeableConcept().getText();
        }
        if (resource instanceof org.hl7.fhir.r4.model.RelatedPerson person) {
            return person.getNameFirstRep().getText();
        }
        if (resource instanceof org.hl7.fhir.r4.model.CareTeam team) {
            return team.getName();
        }
        if (resource instanceof org.hl7.fhir.r4.model.AdverseEvent event) {
            return event.getEvent().getText();
        }
        if (resource instanceof Patient patient) {
            return "Patient " + patient.getIdPart();
        }
        return resource.fhirType();
    }

    @Test
    void the_capability_statement_is_public_and_lists_exactly_what_is_served() {
        CapabilityStatement capabilities = Fhir.anonymous().capabilities().ofType(CapabilityStatement.class).execute();

        assertEquals("4.0.1", capabilities.getFhirVersion().toCode());
        assertTrue(capabilities.getFormat().stream().anyMatch(format -> format.getValue().contains("json")));
        Map<String, CapabilityStatementRestResourceComponent> resources = capabilities.getRestFirstRep().getResource().stream()
                .collect(Collectors.toMap(CapabilityStatementRestResourceComponent::getType, resource -> resource));
        Set<String> expected = new TreeSet<>(RESOURCE_OF.values());
        expected.addAll(Set.of("Patient", "Consent", "AuditEvent", "OperationDefinition", "Slot", "Appointment", "EpisodeOfCare",
                "MedicationRequest", "Task"));
        assertEquals(expected, new TreeSet<>(resources.keySet()));
        Set<String> observationSearch = resources.get("Observation").getSearchParam().stream()
                .map(CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent::getName).collect(Collectors.toSet());
        assertTrue(observationSearch.containsAll(Set.of("patient", "date", "category", "code", "_lastUpdated")), observationSearch.toString());
        assertTrue(resources.get("Patient").getOperation().stream().anyMatch(operation -> operation.getName().equals("everything")));
        assertFalse(resources.get("Observation").getInteraction().stream().anyMatch(interaction -> interaction.getCode().toCode().equals("create")),
                "nothing is writable that ICR does not accept");
    }

    @Test
    void a_patient_reads_as_uk_core_and_is_found_by_nhs_number_and_by_name_and_birth_date() {
        TestPatients registered = registered();

        Patient patient = GP.read().resource(Patient.class).withId(registered.nhsNumber()).execute();

        assertEquals("https://fhir.nhs.uk/Id/nhs-number", patient.getIdentifierFirstRep().getSystem());
        assertEquals(registered.nhsNumber(), patient.getIdentifierFirstRep().getValue());
        assertNotNull(patient.getIdentifierFirstRep().getExtensionByUrl(
                "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus"));
        assertEquals(registered.familyName(), patient.getNameFirstRep().getFamily());
        assertEquals("Y90001", patient.getGeneralPractitionerFirstRep().getIdentifier().getValue());
        assertEquals("1", patient.getMeta().getVersionId());

        Bundle byNumber = GP.search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode("https://fhir.nhs.uk/Id/nhs-number", registered.nhsNumber()))
                .returnBundle(Bundle.class).execute();
        assertEquals(List.of(registered.nhsNumber()), Fhir.matches(byNumber).stream().map(r -> r.getIdElement().getIdPart()).toList());
        Bundle byName = GP.search().forResource(Patient.class).where(Patient.FAMILY.matches().value(registered.familyName()))
                .and(Patient.BIRTHDATE.exactly().day("1985-12-10")).returnBundle(Bundle.class).execute();
        assertEquals(List.of(registered.nhsNumber()), Fhir.matches(byName).stream().map(r -> r.getIdElement().getIdPart()).toList());
        Patient asXml = (Patient) Fhir.CONTEXT.newXmlParser().parseResource(Api.getAbsolute(Fhir.BASE + "/Patient/" + registered.nhsNumber()
                + "?_format=xml", "Bearer " + GP_TOKEN).body());
        assertEquals(registered.familyName(), asXml.getNameFirstRep().getFamily(), "XML on request, the same resource");
        Bundle nobody = GP.search().forResource(Patient.class).where(Patient.IDENTIFIER.exactly().code(Databases.unusedNhsNumber()))
                .returnBundle(Bundle.class).execute();
        assertEquals(0, nobody.getTotal());
    }

    @Test
    void every_kind_of_entry_is_searched_and_read_as_its_resource_type() {
        String patient = registered().nhsNumber();
        Instant now = Instant.now();
        Map<String, Long> ids = new LinkedHashMap<>();
        RESOURCE_OF.keySet().forEach(kind -> ids.put(kind, Databases.addEntryDirectly(patient, kind, "A " + kind.toLowerCase(),
                now.minus(ids.size() + 1, ChronoUnit.HOURS))));

        for (String resourceType : new TreeSet<>(RESOURCE_OF.values())) {
            Set<String> expected = RESOURCE_OF.entrySet().stream().filter(kind -> kind.getValue().equals(resourceType))
                    .map(kind -> "A " + kind.getKey().toLowerCase()).collect(Collectors.toCollection(TreeSet::new));
            Bundle found = search(GP, resourceType, patient);
            assertEquals(expected, titlesOf(found), resourceType);
            assertEquals(expected.size(), found.getTotal(), resourceType);
            for (Resource match : Fhir.matches(found)) {
                IBaseResource read = GP.read().resource(resourceType).withId(match.getIdElement().getIdPart()).execute();
                assertEquals(resourceType, read.fhirType());
                assertEquals(title(match), title((Resource) read));
            }
        }
        String hospitalProblem = "hospital-" + ids.get("PROBLEM");
        assertEquals("404 not-found", Fhir.refusal(() -> GP.read().resource(Observation.class).withId(hospitalProblem).execute()),
                "a problem is a Condition, not an Observation");
        assertEquals("404 not-found", Fhir.refusal(() -> GP.read().resource(Condition.class).withId("hospital-999999999999").execute()));
    }

    @Test
    void a_blood_test_is_an_observation_with_its_value_range_and_interpretation() {
        String patient = registered().nhsNumber();
        Databases.addEntryDirectly(patient, "BLOOD_TEST", "Haemoglobin", Instant.now().minus(1, ChronoUnit.DAYS));

        Observation result = (Observation) Fhir.matches(search(GP, "Observation", patient)).get(0);

        assertEquals("laboratory", result.getCategoryFirstRep().getCodingFirstRep().getCode());
        assertEquals(0, new BigDecimal("140").compareTo(result.getValueQuantity().getValue()));
        assertEquals("g/L", result.getValueQuantity().getUnit());
        assertEquals(0, new BigDecimal("130").compareTo(result.getReferenceRangeFirstRep().getLow().getValue()));
        assertEquals(0, new BigDecimal("170").compareTo(result.getReferenceRangeFirstRep().getHigh().getValue()));
        assertEquals("N", result.getInterpretationFirstRep().getCodingFirstRep().getCode());
        assertEquals("Patient/" + patient, result.getSubject().getReference());
        assertEquals(Observation.ObservationStatus.FINAL, result.getStatus());
    }

    @Test
    void searches_narrow_by_date_with_prefixes_category_code_and_last_updated_and_page_by_offset() {
        String patient = registered().nhsNumber();
        Databases.addEntryDirectly(patient, "BLOOD_TEST", "Sodium", Instant.parse("2025-01-10T10:00:00Z"));
        Databases.addEntryDirectly(patient, "BLOOD_TEST", "Potassium", Instant.parse("2025-03-10T10:00:00Z"));
        Databases.addEntryDirectly(patient, "NEEDS_ASSESSMENT", "Care Act assessment", Instant.parse("2025-02-10T10:00:00Z"));
        Databases.addProblemDirectly(patient, "GENERAL", "Hypertension");
        Databases.addProblemDirectly(patient, "GENERAL", "Asthma");

        assertEquals(Set.of("Sodium"), titlesOf(GP.search().forResource(Observation.class).where(Observation.PATIENT.hasId(patient))
                .and(Observation.DATE.beforeOrEquals().day("2025-01-31")).returnBundle(Bundle.class).execute()));
        assertEquals(Set.of("Care Act assessment", "Potassium"), titlesOf(GP.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId(patient)).and(Observation.DATE.after().day("2025-01-10")).returnBundle(Bundle.class).execute()));
        assertEquals(Set.of("Potassium", "Sodium"), titlesOf(GP.search().forResource(Observation.class).where(Observation.PATIENT.hasId(patient))
                .and(Observation.CATEGORY.exactly().code("laboratory")).returnBundle(Bundle.class).execute()));
        assertEquals(Set.of("Care Act assessment"), titlesOf(GP.search().forResource(Observation.class).where(Observation.PATIENT.hasId(patient))
                .and(new TokenClientParam("category").exactly().systemAndCode("https://icr.nhs.uk/fhir/CodeSystem/record-store", "social-care"))
                .returnBundle(Bundle.class).execute()));
        assertEquals(Set.of("Hypertension"), titlesOf(GP.search().forResource(Condition.class).where(Condition.PATIENT.hasId(patient))
                .and(Condition.CODE.exactly().systemAndCode("http://snomed.info/sct", "38341003")).returnBundle(Bundle.class).execute()));
        assertEquals(Set.of("Potassium"), titlesOf(GP.search().byUrl("Observation?patient=" + patient + "&code:text=potassium")
                .returnBundle(Bundle.class).execute()));
        assertEquals(0, GP.search().forResource(Observation.class).where(Observation.PATIENT.hasId(patient))
                .and(new DateClientParam("_lastUpdated").afterOrEquals().second(java.util.Date.from(Instant.now().plus(1, ChronoUnit.HOURS))))
                .returnBundle(Bundle.class).execute().getTotal(), "nothing recorded since an hour from now");

        Bundle first = GP.search().forResource(Observation.class).where(Observation.PATIENT.hasId(patient)).count(2)
                .returnBundle(Bundle.class).execute();
        assertEquals(3, first.getTotal());
        assertEquals(List.of("Potassium", "Care Act assessment"), Fhir.matches(first).stream().map(FhirIT::title).toList(), "newest first");
        Bundle second = GP.loadPage().next(first).execute();
        assertEquals(List.of("Sodium"), Fhir.matches(second).stream().map(FhirIT::title).toList());
        assertNotNull(second.getLink("previous"));
        assertEquals(null, second.getLink("next"));
    }

    @Test
    void everything_pages_through_the_patient_and_their_record_and_keeps_to_since_and_type() throws Exception {
        String patient = registered().nhsNumber();
        for (int i = 1; i <= 5; i++) {
            Databases.addEntryDirectly(patient, i % 2 == 0 ? "CARE_VISIT" : "BLOOD_TEST", "Entry " + i, Instant.now().minus(i, ChronoUnit.DAYS));
        }

        Bundle first = GP.operation().onInstance(new IdType("Patient", patient)).named("$everything")
                .withParameter(Parameters.class, "_count", new org.hl7.fhir.r4.model.IntegerType(4)).useHttpGet()
                .returnResourceType(Bundle.class).execute();
        assertEquals(6, first.getTotal(), "the patient and five entries");
        List<String> titles = new ArrayList<>(Fhir.matches(first).stream().map(FhirIT::title).toList());
        assertEquals(List.of("Patient " + patient, "Entry 1", "Entry 2", "Entry 3"), titles);
        Bundle second = GP.loadPage().next(first).execute();
        titles.addAll(Fhir.matches(second).stream().map(FhirIT::title).toList());
        assertEquals(List.of("Patient " + patient, "Entry 1", "Entry 2", "Entry 3", "Entry 4", "Entry 5"), titles);

        Bundle visits = GP.operation().onInstance(new IdType("Patient", patient)).named("$everything")
                .withParameter(Parameters.class, "_type", new org.hl7.fhir.r4.model.StringType("Encounter")).useHttpGet()
                .returnResourceType(Bundle.class).execute();
        assertEquals(List.of("Entry 2", "Entry 4"), Fhir.matches(visits).stream().map(FhirIT::title).toList());

        Thread.sleep(1_100);
        Instant since = Instant.now();
        Databases.addEntryDirectly(patient, "BLOOD_TEST", "Entry 6", Instant.now().minus(10, ChronoUnit.DAYS));
        Bundle recent = GP.operation().onInstance(new IdType("Patient", patient)).named("$everything")
                .withParameter(Parameters.class, "_since", new org.hl7.fhir.r4.model.InstantType(java.util.Date.from(since))).useHttpGet()
                .returnResourceType(Bundle.class).execute();
        assertEquals(List.of("Patient " + patient, "Entry 6"), Fhir.matches(recent).stream().map(FhirIT::title).toList());
    }

    @Test
    void a_consent_deny_hides_entries_from_search_and_everything_and_the_bundle_says_something_is_withheld() {
        String patient = registered().nhsNumber();
        Databases.addProblemDirectly(patient, "GENERAL", "Hypertension");
        Databases.addProblemDirectly(patient, "MENTAL_HEALTH", "Depressive disorder");
        Api.Reply consent = Api.as(Tokens.patient(patient).sign()).putJsonOverCurrent("/api/patients/" + patient + "/consent",
                "{\"status\":\"active\",\"provisions\":[{\"type\":\"deny\",\"categories\":[\"MENTAL_HEALTH\"]}]}");
        assertEquals(200, consent.status(), consent.body());

        Bundle conditions = search(GP, "Condition", patient);
        assertEquals(Set.of("Hypertension"), titlesOf(conditions));
        assertEquals(1, conditions.getTotal());
        assertEquals(List.of("Some of this patient's record is withheld from you at the patient's request."), Fhir.notes(conditions));
        Bundle everything = GP.operation().onInstance(new IdType("Patient", patient)).named("$everything").withNoParameters(Parameters.class)
                .useHttpGet().returnResourceType(Bundle.class).execute();
        assertEquals(Set.of("Patient " + patient, "Hypertension"), titlesOf(everything));
        assertEquals(1, Fhir.notes(everything).size());
        assertFalse(CONTEXT_JSON(everything).contains("Depressive"));

        long hidden = Databases.queryLong(Databases.HOSPITAL, "select id from hospital_entry where patient_nhs_number = ?"
                + " and title = 'Depressive disorder'", patient);
        assertEquals("404 not-found", Fhir.refusal(() -> GP.read().resource(Condition.class).withId("hospital-" + hidden).execute()),
                "a withheld entry answers as an absent one");
    }

    private static String CONTEXT_JSON(Bundle bundle) {
        return Fhir.CONTEXT.newJsonParser().encodeResourceToString(bundle);
    }

    @Test
    void preferences_read_as_consent_resources_under_the_json_apis_rules() {
        String patient = registered().nhsNumber();
        Api.Reply directive = Api.as(Tokens.patient(patient).sign()).putJsonOverCurrent("/api/patients/" + patient + "/consent",
                "{\"status\":\"active\",\"provisions\":[{\"type\":\"deny\",\"categories\":[\"SEXUAL_HEALTH\"],\"organisations\":[\"RXA\"]}]}");
        assertEquals(200, directive.status(), directive.body());
        assertEquals(200, Api.as(Tokens.patient(patient).sign()).putJson("/api/patients/" + patient + "/data-opt-out", "{\"optedOut\":true}")
                .status());

        Bundle asGp = search(GP, "Consent", patient);
        Map<String, Consent> byId = Fhir.matches(asGp).stream().map(Consent.class::cast)
                .collect(Collectors.toMap(consent -> consent.getIdElement().getIdPart(), consent -> consent));
        assertEquals(Set.of(patient + "-sharing", patient + "-opt-out"), byId.keySet());
        Consent.ProvisionComponent deny = byId.get(patient + "-sharing").getProvision().getProvisionFirstRep();
        assertEquals(Consent.ConsentProvisionType.DENY, deny.getType());
        assertEquals("SEXUAL_HEALTH", deny.getSecurityLabelFirstRep().getCode());
        assertEquals("RXA", deny.getActorFirstRep().getReference().getIdentifier().getValue());
        assertEquals(Consent.ConsentProvisionType.DENY, byId.get(patient + "-opt-out").getProvision().getType());
        assertEquals(1, Fhir.notes(asGp).size(), "the GP is told the organ donation decision is not theirs to read");

        Consent optOut = GP.read().resource(Consent.class).withId(patient + "-opt-out").execute();
        assertEquals("HRESCH", optOut.getProvision().getPurposeFirstRep().getCode());
        assertEquals("404 not-found", Fhir.refusal(() -> GP.read().resource(Consent.class).withId("someone-else").execute()));
    }

    /**
     * An R4 Consent as any client must send one (status, scope, category, a policy): the scope and policy as ICR gives
     * them back on a read of that kind of consent.
     */
    private static Consent consent(String scope, String policy) {
        Consent consent = new Consent().setStatus(Consent.ConsentState.ACTIVE);
        consent.setScope(new org.hl7.fhir.r4.model.CodeableConcept().addCoding(
                new org.hl7.fhir.r4.model.Coding("http://terminology.hl7.org/CodeSystem/consentscope", scope, null)));
        consent.addCategory().addCoding(new org.hl7.fhir.r4.model.Coding("http://loinc.org", "59284-0", "Patient Consent"));
        consent.addPolicy().setUri(policy);
        return consent;
    }

    private static Consent sharingDirective() {
        return consent("patient-privacy", "https://www.england.nhs.uk/ig/your-data/");
    }

    /** A sharing directive denying one data category, as a patient's app would send it. */
    private static Consent denying(String patient, String category) {
        Consent directive = sharingDirective();
        directive.setPatient(new Reference("Patient/" + patient));
        directive.getProvision().setType(Consent.ConsentProvisionType.PERMIT).addProvision().setType(Consent.ConsentProvisionType.DENY)
                .addSecurityLabel(new org.hl7.fhir.r4.model.Coding("https://icr.nhs.uk/fhir/CodeSystem/data-category", category, null));
        return directive;
    }

    @Test
    void a_patient_records_their_sharing_directive_as_a_consent_with_if_match_once_one_exists() {
        String patient = registered().nhsNumber();
        Databases.addProblemDirectly(patient, "GENERAL", "Hypertension");
        Databases.addProblemDirectly(patient, "MENTAL_HEALTH", "Depressive disorder");
        IGenericClient own = Fhir.as(Tokens.patient(patient).sign());
        String id = patient + "-sharing";

        own.update().resource(denying(patient, "MENTAL_HEALTH")).withId(new IdType("Consent", id)).execute();

        Consent recorded = own.read().resource(Consent.class).withId(id).execute();
        assertEquals("1", recorded.getMeta().getVersionId());
        assertEquals("MENTAL_HEALTH", recorded.getProvision().getProvisionFirstRep().getSecurityLabelFirstRep().getCode());
        assertEquals(Set.of("Hypertension"), titlesOf(search(GP, "Condition", patient)), "the JSON API's rule applies at once");
        assertEquals("MENTAL_HEALTH", Api.as(Tokens.patient(patient).sign()).get("/api/patients/" + patient + "/consent").json()
                .getJsonArray("provisions")
                .getJsonObject(0).getJsonArray("categories").getString(0), "one record of it, whichever edge wrote it");

        assertEquals("428 required", Fhir.refusal(() -> own.update().resource(denying(patient, "SEXUAL_HEALTH"))
                .withId(new IdType("Consent", id)).execute()), "a change without If-Match once a version exists");
        own.update().resource(denying(patient, "SEXUAL_HEALTH")).withId(new IdType("Consent", id, "1")).execute();
        assertEquals("412 conflict", Fhir.refusal(() -> own.update().resource(denying(patient, "MENTAL_HEALTH"))
                .withId(new IdType("Consent", id, "1")).execute()), "a change to a version someone else has changed since");
        assertEquals(Set.of("Depressive disorder", "Hypertension"), titlesOf(search(GP, "Condition", patient)));

        assertEquals("422 invalid", Fhir.refusal(() -> own.update().resource(denying(patient, "HOBBIES"))
                .withId(new IdType("Consent", id, "2")).execute()), "a category ICR does not have");
        assertEquals(2, Databases.count(Databases.HOSPITAL, "select count(*) from consent_directive where patient_nhs_number = ?", patient),
                "nothing written by the refused changes");
        assertEquals("422 business-rule", Fhir.refusal(() -> own.update().resource(consent("adr", "https://www.organdonation.nhs.uk/"))
                .withId(new IdType("Consent", patient + "-organ-donation")).execute()));
    }

    @Test
    void a_rule_written_where_icr_does_not_read_it_is_refused_not_lost() {
        String patient = registered().nhsNumber();
        Consent flat = sharingDirective();
        flat.getProvision().setType(Consent.ConsentProvisionType.DENY)
                .addSecurityLabel(new org.hl7.fhir.r4.model.Coding("https://icr.nhs.uk/fhir/CodeSystem/data-category", "MENTAL_HEALTH", null));

        assertEquals("422 invalid", Fhir.refusal(() -> Fhir.as(Tokens.patient(patient).sign()).update().resource(flat)
                .withId(new IdType("Consent", patient + "-sharing")).execute()), "a deny at the top would be read as sharing everything");
        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from consent_directive where patient_nhs_number = ?", patient));
    }

    @Test
    void a_consent_that_breaks_the_r4_structure_is_refused_as_such_and_nothing_is_written() {
        String patient = registered().nhsNumber();
        Consent noScope = denying(patient, "MENTAL_HEALTH");
        noScope.setScope(null);

        org.hl7.fhir.r4.model.OperationOutcome refusal = Fhir.outcomeOf(422, () -> Fhir.as(Tokens.patient(patient).sign()).update()
                .resource(noScope).withId(new IdType("Consent", patient + "-sharing")).execute());
        assertEquals("structure", refusal.getIssueFirstRep().getCode().toCode());
        assertTrue(refusal.getIssueFirstRep().getDiagnostics().contains("Consent.scope"), refusal.getIssueFirstRep().getDiagnostics());
        assertEquals(0, Databases.count(Databases.HOSPITAL, "select count(*) from consent_directive where patient_nhs_number = ?", patient));
    }

    @Test
    void the_patient_opts_out_through_fhir_and_the_json_api_shows_the_same_choice() {
        String patient = registered().nhsNumber();
        Consent optOut = consent("research", "https://digital.nhs.uk/services/national-data-opt-out");
        optOut.getProvision().setType(Consent.ConsentProvisionType.DENY);

        Fhir.as(Tokens.patient(patient).sign()).update().resource(optOut).withId(new IdType("Consent", patient + "-opt-out")).execute();

        assertTrue(Api.as(GP_TOKEN).get("/api/patients/" + patient + "/data-opt-out").json().getBoolean("optedOut"));
        assertEquals("422 invalid", Fhir.refusal(() -> GP.update().resource(optOut.setStatus(Consent.ConsentState.ACTIVE))
                .withId(new IdType("Consent", patient + "-opt-out", "1")).execute()), "staff never decide it, as in the JSON API");
    }

    @Test
    void an_admissions_prescriptions_and_ward_tasks_and_a_referral_to_treatment_pathway_read_as_fhir() {
        Inpatients.Admitted patient = Inpatients.admittedTo("RXA");
        Api.Client clinician = Api.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign());
        Api.Reply prescribed = clinician.postJson(patient.prescriptions(), Inpatients.prescription(patient.admissionId(),
                "Atorvastatin 20mg tablets", "20", "22:00").json());
        assertEquals(201, prescribed.status(), prescribed.body());
        Instant due = Instant.now().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Api.Reply plan = clinician.putJson(patient.admission() + "/plan", "{\"problem\":\"Community-acquired pneumonia\","
                + "\"goals\":\"Off oxygen\",\"interventions\":\"IV antibiotics\",\"reviewOn\":\"" + TODAY.plusDays(2) + "\","
                + "\"tasks\":[{\"title\":\"Observations (NEWS2)\",\"kind\":\"observations\",\"ownerRole\":\"NURSE\",\"dueAt\":\""
                + due + "\"}]}");
        assertEquals(200, plan.status(), plan.body());
        Api.Reply pathway = Api.as(GP_TOKEN).postJson("/api/patients/" + patient.nhsNumber() + "/pathways", "{\"providerOdsCode\":\"RXA\","
                + "\"treatmentFunction\":\"320\",\"priority\":\"routine\",\"clockStart\":\"" + TODAY.minusDays(20)
                + "\",\"reason\":\"Palpitations on exertion\"}");
        assertEquals(201, pathway.status(), pathway.body());
        IGenericClient ward = Fhir.as(Tokens.staff("clinician.northgate", "HOSPITAL_CLINICIAN").sign());
        String admission = "Encounter/hospital-" + patient.admissionId();

        org.hl7.fhir.r4.model.MedicationRequest request = (org.hl7.fhir.r4.model.MedicationRequest) Fhir.matches(
                search(ward, "MedicationRequest", patient.nhsNumber())).get(0);
        assertEquals("Atorvastatin 20mg tablets", request.getMedicationCodeableConcept().getText());
        assertEquals(admission, request.getEncounter().getReference());
        assertEquals("22:00:00", request.getDosageInstructionFirstRep().getTiming().getRepeat().getTimeOfDay().get(0).getValueAsString());
        Bundle tasks = ward.search().forResource(org.hl7.fhir.r4.model.Task.class)
                .where(org.hl7.fhir.r4.model.Task.PATIENT.hasId(patient.nhsNumber()))
                .and(org.hl7.fhir.r4.model.Task.ENCOUNTER.hasId(admission)).returnBundle(Bundle.class).execute();
        assertEquals(List.of("Observations (NEWS2)"), Fhir.matches(tasks).stream()
                .map(task -> ((org.hl7.fhir.r4.model.Task) task).getDescription()).toList());
        org.hl7.fhir.r4.model.EpisodeOfCare episode = (org.hl7.fhir.r4.model.EpisodeOfCare) Fhir.matches(
                search(GP, "EpisodeOfCare", patient.nhsNumber())).get(0);
        assertEquals(org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus.ACTIVE, episode.getStatus());
        assertEquals("320", episode.getTypeFirstRep().getCodingFirstRep().getCode());
        assertEquals("RXA", episode.getManagingOrganization().getIdentifier().getValue());
    }

    @Test
    void a_patient_finds_a_free_slot_books_it_as_an_appointment_and_cancels_it_with_if_match() {
        String patient = registered().nhsNumber();
        java.time.LocalDate day = TODAY.plusDays(3);
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.plusDays(1);
        }
        String clinician = "Nurse Fhir " + patient;
        assertEquals(201, Api.as(Tokens.staff("admin.beech", "ADMIN").sign()).postJson("/api/practice/appointments/sessions",
                "{\"clinicianName\":\"" + clinician + "\",\"clinicianRole\":\"Practice nurse\",\"place\":\"Room 4\",\"kind\":"
                + "\"face-to-face\",\"from\":\"" + day + "\",\"to\":\"" + day + "\",\"startTime\":\"08:00\",\"endTime\":\"08:40\","
                + "\"slotMinutes\":10}").status());
        IGenericClient own = Fhir.as(Tokens.patient(patient).sign());

        List<org.hl7.fhir.r4.model.Slot> slots = Fhir.matches(own.search().byUrl("Slot?patient=" + patient + "&start=ge" + day
                + "&start=le" + day).returnBundle(Bundle.class).execute()).stream().map(org.hl7.fhir.r4.model.Slot.class::cast)
                .filter(slot -> slot.getSchedule().getDisplay().startsWith(clinician)).toList();
        assertEquals(4, slots.size());

        org.hl7.fhir.r4.model.Appointment booking = new org.hl7.fhir.r4.model.Appointment();
        booking.setStatus(org.hl7.fhir.r4.model.Appointment.AppointmentStatus.PROPOSED).setDescription("Blood pressure check");
        booking.addSlot(new Reference("Slot/" + slots.get(0).getIdElement().getIdPart()));
        booking.addParticipant().setActor(new Reference("Patient/" + patient))
                .setStatus(org.hl7.fhir.r4.model.Appointment.ParticipationStatus.ACCEPTED);
        ca.uhn.fhir.rest.api.MethodOutcome created = own.create().resource(booking).execute();
        assertTrue(created.getCreated());
        org.hl7.fhir.r4.model.Appointment booked = own.read().resource(org.hl7.fhir.r4.model.Appointment.class)
                .withId(created.getId().getIdPart()).execute();
        assertEquals(org.hl7.fhir.r4.model.Appointment.AppointmentStatus.BOOKED, booked.getStatus());
        assertEquals("Blood pressure check", booked.getDescription());
        assertEquals("409 conflict", Fhir.refusal(() -> own.create().resource(booking).execute()), "a slot is booked once");

        booked.setStatus(org.hl7.fhir.r4.model.Appointment.AppointmentStatus.CANCELLED);
        own.update().resource(booked).withId(booked.getIdElement()).execute();
        assertEquals(Set.of("cancelled"), Fhir.matches(own.search().forResource(org.hl7.fhir.r4.model.Appointment.class)
                .where(org.hl7.fhir.r4.model.Appointment.PATIENT.hasId(patient)).returnBundle(Bundle.class).execute()).stream()
                .map(appointment -> ((org.hl7.fhir.r4.model.Appointment) appointment).getStatus().toCode()).collect(Collectors.toSet()));
    }

    @Test
    void the_organ_donation_decision_is_a_consent_with_a_provision_per_organ_and_the_faith_declaration() {
        TestPatients registered = registered();
        String patient = registered.nhsNumber();
        Api.Reply recorded = Api.as(GP_TOKEN).postJson("/api/patients/" + patient + "/organ-donation", "{\"birthDate\":\"1985-12-10\","
                + "\"decision\":\"opt-in\",\"organs\":[\"kidneys\",\"corneas\"],\"faithDeclaration\":true}");
        assertEquals(201, recorded.status(), recorded.body());

        Consent decision = Fhir.as(Tokens.staff("donation.nurse", "ORGAN_DONATION_NURSE").sign()).read().resource(Consent.class)
                .withId(patient + "-organ-donation").execute();

        assertEquals(Set.of("kidneys", "corneas"), decision.getProvision().getProvision().stream()
                .map(provision -> provision.getCodeFirstRep().getCodingFirstRep().getCode()).collect(Collectors.toSet()));
        assertTrue(decision.getProvision().getProvision().stream().allMatch(p -> p.getType() == Consent.ConsentProvisionType.PERMIT));
        assertTrue(((org.hl7.fhir.r4.model.BooleanType) decision.getExtensionByUrl(
                "https://icr.nhs.uk/fhir/StructureDefinition/organ-donation-faith-declaration").getValue()).booleanValue());
        assertEquals("403 forbidden", Fhir.refusal(() -> GP.read().resource(Consent.class).withId(patient + "-organ-donation").execute()),
                "a GP does not look up the decision, as in the JSON API");
    }

    @Test
    void the_access_log_is_audit_events_for_the_patient_and_the_privacy_officer_and_every_fhir_read_is_in_it() {
        String patient = registered().nhsNumber();
        int before = Databases.auditRows(patient, "SharedRecord", "READ");
        search(GP, "Condition", patient);
        assertEquals(before + 1, Databases.auditRows(patient, "SharedRecord", "READ"), "one audited read per search");

        Bundle ownLog = Fhir.as(Tokens.patient(patient).sign()).search().forResource(AuditEvent.class)
                .where(AuditEvent.PATIENT.hasId(patient)).returnBundle(Bundle.class).execute();
        List<AuditEvent> events = Fhir.matches(ownLog).stream().map(AuditEvent.class::cast).toList();
        assertTrue(events.stream().anyMatch(event -> "Y90001".equals(event.getAgentFirstRep().getWho().getIdentifier().getValue())),
                "the patient sees which organisation read their record");
        assertTrue(events.stream().noneMatch(event -> "gp.beech".equals(event.getAgentFirstRep().getWho().getIdentifier().getValue())),
                "and not which member of staff");
        Bundle asOfficer = Fhir.as(Tokens.staff("privacy.officer", "PRIVACY_OFFICER").sign()).search().forResource(AuditEvent.class)
                .where(AuditEvent.PATIENT.hasId(patient)).returnBundle(Bundle.class).execute();
        assertTrue(Fhir.matches(asOfficer).stream().map(AuditEvent.class::cast)
                .anyMatch(event -> "gp.beech".equals(event.getAgentFirstRep().getWho().getIdentifier().getValue())));
        assertEquals("403 forbidden", Fhir.refusal(() -> search(GP, "AuditEvent", patient)));
    }

    @Test
    void a_patient_reads_their_own_record_and_nobody_elses() {
        String patient = registered().nhsNumber();
        String someoneElse = registered().nhsNumber();
        Databases.addProblemDirectly(patient, "GENERAL", "Hypertension");
        IGenericClient own = Fhir.as(Tokens.patient(patient).sign());

        assertEquals(Set.of("Hypertension"), titlesOf(search(own, "Condition", patient)));
        assertEquals(patient, own.read().resource(Patient.class).withId(patient).execute().getIdElement().getIdPart());
        assertEquals("403 forbidden", Fhir.refusal(() -> search(own, "Condition", someoneElse)));
    }

    @Test
    void a_clinician_without_a_relationship_is_refused_until_they_break_the_glass_and_the_read_is_then_audited_as_such() {
        TestPatients registered = aPatient().gpPractice("Y90003");
        assertEquals(201, Api.as(Tokens.staff("gp.hillview", "GP").sign()).postJson("/api/patients", registered.json()).status());
        String patient = registered.nhsNumber();
        Databases.addProblemDirectly(patient, "GENERAL", "Hypertension");
        String nurseToken = Tokens.staff("nurse.riverside", "NURSE").sign();
        IGenericClient nurse = Fhir.as(nurseToken);

        assertEquals("404 not-found", Fhir.refusal(() -> search(nurse, "Condition", patient)),
                "without a relationship the patient is not found, as in the JSON API");
        assertEquals(201, Api.as(nurseToken).postJson("/api/patients/" + patient + "/break-glass",
                Api.json("reason", "Collapsed in clinic, needs medication history")).status());

        assertEquals(Set.of("Hypertension"), titlesOf(search(nurse, "Condition", patient)));
        assertTrue(Databases.count(Databases.HOSPITAL, "select count(*) from audit_event where patient_nhs_number = ?"
                + " and username = 'nurse.riverside' and purpose = 'BREAK_GLASS' and resource_type = 'SharedRecord'", patient) >= 1);
    }

    @Test
    void every_refusal_is_an_operation_outcome_with_the_status_of_its_case() throws Exception {
        String patient = registered().nhsNumber();
        IGenericClient canal = Fhir.as(Tokens.staff("gp.canal", "GP").sign());

        assertEquals("401 login", Fhir.refusal(() -> search(Fhir.anonymous(), "Condition", patient)));
        assertEquals("401 login", Fhir.refusal(() -> search(Fhir.as(Tokens.staff("gp.beech", "GP").signedWithAnotherKey().sign()),
                "Condition", patient)));
        assertEquals("404 not-found", Fhir.refusal(() -> search(canal, "Condition", patient)),
                "another practice's patient is not found, as in the JSON API: nobody learns who is registered");
        Databases.addProblemDirectly(patient, "GENERAL", "Hypertension");
        long problem = Databases.queryLong(Databases.HOSPITAL, "select id from hospital_entry where patient_nhs_number = ?", patient);
        assertEquals("404 not-found", Fhir.refusal(() -> canal.read().resource(Condition.class).withId("hospital-" + problem).execute()),
                "another practice's patient's entry, read by id: absent, as an unknown id is");
        assertEquals("403 forbidden", Fhir.refusal(() -> search(Fhir.as(Tokens.staff("researcher.ada", "RESEARCHER").sign()), "Condition", patient)));
        assertEquals("404 not-found", Fhir.refusal(() -> GP.read().resource(Patient.class).withId(Databases.unusedNhsNumber()).execute()));
        assertEquals("404 not-found", Fhir.refusal(() -> GP.read().resource(Patient.class).withId("not-a-number").execute()));
        assertEquals("400 invalid", Fhir.refusal(() -> search(GP, "Condition", "1234567890")), "a check digit that fails");
        assertEquals("400 invalid", Fhir.refusal(() -> GP.search().byUrl("Condition?patient=" + patient + "&date=ge2025-02-30")
                .returnBundle(Bundle.class).execute()), "a day that does not exist");
        assertEquals("400 invalid", Fhir.refusal(() -> GP.search().forResource(Observation.class).where(Observation.PATIENT.hasId(patient))
                .offset(10_000).returnBundle(Bundle.class).execute()), "pages past the newest 5,000 entries are not served");

        Api.Reply plain = Api.getAbsolute(Api.PLAIN_HTTP_BASE + "/fhir/Patient/" + patient, "Bearer " + GP_TOKEN);
        assertEquals(403, plain.status());
        assertTrue(plain.body().contains("\"resourceType\":\"OperationOutcome\""), plain.body());
        Api.Reply missingToken = Api.getAbsolute(Fhir.BASE + "/Patient/" + patient);
        assertEquals(401, missingToken.status());
        assertTrue(missingToken.header("WWW-Authenticate").startsWith("Bearer"), missingToken.header("WWW-Authenticate"));
        assertTrue(missingToken.body().contains("OperationOutcome") && !missingToken.body().contains("at uk.nhs"), missingToken.body());
    }
}

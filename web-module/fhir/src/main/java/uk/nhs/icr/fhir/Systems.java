package uk.nhs.icr.fhir;

/** The identifier and code systems ICR's FHIR resources use: the national ones, and ICR's own where none fits. */
final class Systems {

    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    static final String ODS_CODE = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String SNOMED = "http://snomed.info/sct";
    static final String NHS_NUMBER_VERIFICATION_EXTENSION =
            "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus";
    static final String NHS_NUMBER_VERIFICATION = "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland";
    static final String UK_CORE_PATIENT = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category";
    static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    static final String CONSENT_CATEGORY = "http://loinc.org";
    static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    static final String AUDIT_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String SECURITY_OBSERVATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";

    /** ICR's own code systems: the kind of record entry, which of the two records holds it, ICR's data categories and roles. */
    static final String ICR = "https://icr.nhs.uk/fhir/";
    static final String ENTRY_TYPE = ICR + "CodeSystem/entry-type";
    static final String RECORD_STORE = ICR + "CodeSystem/record-store";
    static final String DATA_CATEGORY = ICR + "CodeSystem/data-category";
    static final String STAFF_ROLE = ICR + "CodeSystem/staff-role";
    static final String ORGAN = ICR + "CodeSystem/organ";
    static final String FAITH_DECLARATION = ICR + "StructureDefinition/organ-donation-faith-declaration";
    static final String AT_PATIENTS_REQUEST = ICR + "StructureDefinition/at-patients-request";
    static final String WITHHELD = ICR + "withheld";

    private Systems() {
    }
}

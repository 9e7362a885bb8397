package uk.nhs.icr.fhir;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;

import uk.nhs.icr.sharedrecord.EntryType;

/**
 * Which FHIR resource each kind of record entry is read as: the mapping table of the README. Each kind belongs to exactly
 * one resource type, so an entry has one FHIR address.
 */
enum EntryResource {
    OBSERVATION(Observation.class, EnumSet.of(EntryType.BLOOD_TEST, EntryType.NEEDS_ASSESSMENT)),
    CONDITION(Condition.class, EnumSet.of(EntryType.PROBLEM)),
    MEDICATION_STATEMENT(MedicationStatement.class, EnumSet.of(EntryType.MEDICATION)),
    ALLERGY_INTOLERANCE(AllergyIntolerance.class, EnumSet.of(EntryType.ALLERGY)),
    ENCOUNTER(Encounter.class, EnumSet.of(EntryType.ENCOUNTER, EntryType.CARE_VISIT)),
    CARE_PLAN(CarePlan.class, EnumSet.of(EntryType.TREATMENT_PLAN, EntryType.CARE_PLAN)),
    SERVICE_REQUEST(ServiceRequest.class, EnumSet.of(EntryType.REFERRAL, EntryType.REFERRAL_REQUEST)),
    DOCUMENT_REFERENCE(DocumentReference.class, EnumSet.of(EntryType.DISCHARGE_SUMMARY)),
    FLAG(Flag.class, EnumSet.of(EntryType.ALERT, EntryType.SAFEGUARDING_CONCERN)),
    MEDICATION_ADMINISTRATION(MedicationAdministration.class, EnumSet.of(EntryType.MEDICATION_ADMINISTRATION)),
    RELATED_PERSON(RelatedPerson.class, EnumSet.of(EntryType.CONTACT)),
    CARE_TEAM(CareTeam.class, EnumSet.of(EntryType.ALLOCATION)),
    ADVERSE_EVENT(AdverseEvent.class, EnumSet.of(EntryType.INCIDENT));

    private final Class<? extends DomainResource> type;
    private final Set<EntryType> entryTypes;

    EntryResource(Class<? extends DomainResource> type, Set<EntryType> entryTypes) {
        this.type = type;
        this.entryTypes = Set.copyOf(entryTypes);
    }

    Class<? extends DomainResource> type() {
        return type;
    }

    /** "Observation": the resource type's name in URLs and Bundles. */
    String typeName() {
        return type.getSimpleName();
    }

    Set<EntryType> entryTypes() {
        return entryTypes;
    }

    static EntryResource of(EntryType entryType) {
        return Arrays.stream(values()).filter(kind -> kind.entryTypes.contains(entryType)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No FHIR resource for " + entryType));
    }

    static Optional<EntryResource> named(String typeName) {
        return Arrays.stream(values()).filter(kind -> kind.typeName().equals(typeName)).findFirst();
    }
}

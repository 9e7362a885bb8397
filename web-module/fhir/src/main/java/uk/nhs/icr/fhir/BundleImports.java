package uk.nhs.icr.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Sex;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.service.RecordImport;
import uk.nhs.icr.sharedrecord.service.RecordImport.SourceEntry;
import uk.nhs.icr.sharedrecord.service.RecordImport.SourceOrganisation;
import uk.nhs.icr.sharedrecord.service.RecordImport.SourcePatient;
import uk.nhs.icr.sharedrecord.service.RecordImport.SourcePractitioner;

/**
 * A transaction or batch Bundle from another system (Synthea's, a GP system's) as ICR's {@link RecordImport}. Patients,
 * organisations, practitioners, problems ({@code Condition}), laboratory results ({@code Observation} with a
 * {@code valueQuantity}), medicines ({@code MedicationRequest}, {@code MedicationStatement}), allergies and encounters
 * are taken; every other resource is skipped and counted. References are resolved within the bundle ({@code urn:uuid:}
 * full URLs, {@code Patient/{id}}) and by identifier ({@code Organization?identifier=system|value}). Every patient needs
 * an NHS number identifier, unless synthetic numbers are allowed (then one is derived from the source identifier).
 * Anything that cannot be read is refused naming the entry, and then nothing of the bundle is imported.
 */
final class BundleImports {

    /** What was read, and the resources skipped by type. */
    record Read(RecordImport records, Map<String, Integer> skipped) {
    }

    private final boolean assignTestNhsNumbers;

    BundleImports(boolean assignTestNhsNumbers) {
        this.assignTestNhsNumbers = assignTestNhsNumbers;
    }

    Read read(Bundle bundle) {
        FieldErrors errors = new FieldErrors();
        Map<String, String> aliases = new LinkedHashMap<>();
        Map<String, Resource> resources = new java.util.HashMap<>();
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        // first pass: every resource's key (what references resolve to), so order in the bundle does not matter
        for (Bundle.BundleEntryComponent entry : entries) {
            Resource resource = entry.getResource();
            if (resource == null) {
                continue;
            }
            String key = key(entry);
            if (key == null) {
                continue;
            }
            resources.put(key, resource);
            if (entry.hasFullUrl()) {
                aliases.put(entry.getFullUrl(), key);
            }
            if (resource.hasIdElement() && resource.getIdElement().hasIdPart()) {
                aliases.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), key);
            }
            identifiers(resource).forEach(identifier -> aliases.put(resource.fhirType() + "?identifier=" + identifier, key));
        }
        List<SourceOrganisation> organisations = new ArrayList<>();
        List<SourcePractitioner> practitioners = new ArrayList<>();
        List<SourcePatient> patients = new ArrayList<>();
        List<SourceEntry> records = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Bundle.BundleEntryComponent entry = entries.get(i);
            Resource resource = entry.getResource();
            String where = "Bundle.entry[" + i + "]";
            if (resource == null) {
                errors.add(where, "an entry of a transaction needs a resource");
                continue;
            }
            String key = key(entry);
            if (key == null && kept(resource)) {
                errors.add(where, "identify the resource (an identifier, a fullUrl or an id): a re-import must find it again");
                continue;
            }
            if (resource instanceof Organization organization) {
                organisations.add(new SourceOrganisation(key, organization.getName(), identifier(organization.getIdentifier(), Systems.ODS_CODE)));
            } else if (resource instanceof Practitioner practitioner) {
                practitioners.add(new SourcePractitioner(key, name(practitioner.getNameFirstRep()), null));
            } else if (resource instanceof Patient patient) {
                patient(patient, key, aliases, where, errors).ifPresent(patients::add);
            } else if (resource instanceof Condition condition) {
                records.add(entry(EntryType.PROBLEM, key, aliases, condition.getSubject(), condition.getCode(),
                        instant(condition.hasOnsetDateTimeType() ? condition.getOnsetDateTimeType().getValue() : condition.getRecordedDate()),
                        resolved(condition.getClinicalStatus()) ? EntryStatus.RESOLVED : EntryStatus.ACTIVE, null,
                        condition.getRecorder(), where, errors));
            } else if (resource instanceof Observation observation && observation.hasValueQuantity() && laboratory(observation)
                    && observation.getValueQuantity().hasComparator()) {
                errors.add(where + ".valueQuantity.comparator", "a result given as a bound (<, >) is not kept as a value: send the value");
            } else if (resource instanceof Observation observation && observation.hasValueQuantity() && laboratory(observation)) {
                records.add(withResult(entry(EntryType.BLOOD_TEST, key, aliases, observation.getSubject(), observation.getCode(),
                        instant(observation.hasEffectiveDateTimeType() ? observation.getEffectiveDateTimeType().getValue() : observation.getIssued()),
                        EntryStatus.FINAL, observation.getPerformer().stream().findFirst().orElse(null), null, where, errors), observation));
            } else if (resource instanceof MedicationRequest request) {
                records.add(medicine(entry(EntryType.MEDICATION, key, aliases, request.getSubject(),
                        medicine(request.hasMedicationReference() ? request.getMedicationReference() : null,
                                request.hasMedicationCodeableConcept() ? request.getMedicationCodeableConcept() : null, aliases, resources),
                        instant(request.getAuthoredOn()), medicationStatus(request.hasStatus() ? request.getStatus().toCode() : null), null,
                        request.getRequester(), where, errors), request.getDosageInstructionFirstRep().getText()));
            } else if (resource instanceof MedicationStatement statement) {
                records.add(medicine(entry(EntryType.MEDICATION, key, aliases, statement.getSubject(),
                        medicine(statement.hasMedicationReference() ? statement.getMedicationReference() : null,
                                statement.hasMedicationCodeableConcept() ? statement.getMedicationCodeableConcept() : null, aliases, resources),
                        instant(statement.hasEffectiveDateTimeType() ? statement.getEffectiveDateTimeType().getValue() : statement.getDateAsserted()),
                        medicationStatus(statement.hasStatus() ? statement.getStatus().toCode() : null), null, null, where, errors),
                        statement.getDosageFirstRep().getText()));
            } else if (resource instanceof AllergyIntolerance allergy) {
                records.add(allergy(entry(EntryType.ALLERGY, key, aliases, allergy.getPatient(), allergy.getCode(),
                        instant(allergy.getRecordedDate()), resolved(allergy.getClinicalStatus()) ? EntryStatus.RESOLVED : EntryStatus.ACTIVE,
                        null, allergy.getRecorder(), where, errors), allergy));
            } else if (resource instanceof Encounter encounter) {
                records.add(encounter(entry(EntryType.ENCOUNTER, key, aliases, encounter.getSubject(), encounter.getTypeFirstRep(),
                        instant(encounter.getPeriod().getStart()), EntryStatus.CLOSED, encounter.getServiceProvider(),
                        encounter.getParticipantFirstRep().getIndividual(), where, errors), encounter));
            } else {
                skipped.merge(resource.fhirType(), 1, Integer::sum);
            }
        }
        errors.throwIfAny();
        // an organisation named only by its ODS code (Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|Y90001)
        Set<String> named = new java.util.HashSet<>();
        patients.forEach(patient -> named.add(patient.practiceRef()));
        records.stream().filter(e -> e != null).forEach(record -> named.add(record.organisationRef()));
        Set<String> inBundle = new java.util.HashSet<>(organisations.stream().map(SourceOrganisation::ref).toList());
        named.stream().filter(ref -> ref != null && ref.startsWith(Systems.ODS_CODE + "|") && !inBundle.contains(ref)).sorted()
                .forEach(ref -> organisations.add(new SourceOrganisation(ref, null, ref.substring(Systems.ODS_CODE.length() + 1))));
        return new Read(new RecordImport(organisations, practitioners, patients, records.stream().filter(e -> e != null).toList()), skipped);
    }

    private Optional<SourcePatient> patient(Patient patient, String key, Map<String, String> aliases, String where, FieldErrors errors) {
        String nhs = identifier(patient.getIdentifier(), Systems.NHS_NUMBER);
        NhsNumber number = null;
        if (nhs != null) {
            number = errors.parse(where + ".identifier", nhs, NhsNumber::parse);
        } else if (assignTestNhsNumbers) {
            number = TestNhsNumbers.derivedFrom(key);
        } else {
            errors.add(where + ".identifier", "each Patient needs an NHS number (" + Systems.NHS_NUMBER + ")");
        }
        if (number == null) {
            return Optional.empty();
        }
        HumanName name = patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .orElse(patient.getNameFirstRep());
        Sex sex = patient.hasGender() ? switch (patient.getGender().toCode()) {
            case "female" -> Sex.FEMALE;
            case "male" -> Sex.MALE;
            case "other" -> Sex.OTHER;
            default -> Sex.UNKNOWN;
        } : Sex.UNKNOWN;
        // a year or a month alone is no date of birth ICR can match on: left out, and refused as missing
        LocalDate born = patient.hasBirthDate() && patient.getBirthDateElement().getPrecision() == ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY
                ? LocalDate.parse(patient.getBirthDateElement().getValueAsString()) : null;
        String practice = patient.getGeneralPractitioner().stream().map(reference -> resolve(reference, aliases)).filter(r -> r != null)
                .findFirst().orElse(null);
        return Optional.of(new SourcePatient(key, number, name.getGivenAsSingleString().isBlank() ? null : name.getGiven().get(0).getValue(),
                name.getFamily(), born, sex, patient.getAddressFirstRep().getPostalCode(), practice));
    }

    private static SourceEntry entry(EntryType type, String key, Map<String, String> aliases, Reference subject, CodeableConcept code,
                                     Instant at, EntryStatus status, Reference organisation, Reference author, String where,
                                     FieldErrors errors) {
        String patient = resolve(subject, aliases);
        if (patient == null) {
            errors.add(where + ".subject", "refer to a Patient in this bundle");
            return null;
        }
        Coding snomed = code.getCoding().stream().filter(coding -> Systems.SNOMED.equals(coding.getSystem())).findFirst().orElse(null);
        String title = code.hasText() ? code.getText() : code.getCoding().stream().map(Coding::getDisplay).filter(d -> d != null)
                .findFirst().orElse(null);
        return new SourceEntry(patient, key, type, at, title, snomed == null ? null : snomed.getCode(), status,
                resolve(organisation, aliases), resolve(author, aliases), null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** The medicine as a concept: the resource's own, or the Medication it refers to (in the bundle), or the reference's words. */
    private static CodeableConcept medicine(Reference reference, CodeableConcept concept, Map<String, String> aliases,
                                            Map<String, Resource> resources) {
        if (concept != null) {
            return concept;
        }
        if (reference == null) {
            return new CodeableConcept();
        }
        String key = resolve(reference, aliases);
        Resource medication = key == null ? null : resources.get(key);
        if (medication instanceof org.hl7.fhir.r4.model.Medication named && named.hasCode()) {
            return named.getCode();
        }
        return new CodeableConcept().setText(reference.getDisplay());
    }

    private static SourceEntry withResult(SourceEntry entry, Observation observation) {
        if (entry == null) {
            return null;
        }
        Observation.ObservationReferenceRangeComponent range = observation.getReferenceRangeFirstRep();
        return new SourceEntry(entry.patientRef(), entry.ref(), entry.type(), entry.occurredAt(), entry.title(), entry.snomedCode(),
                entry.status(), entry.organisationRef(), entry.practitionerRef(), null, observation.getValueQuantity().getValue(),
                unit(observation.getValueQuantity()), range.hasLow() ? range.getLow().getValue() : null,
                range.hasHigh() ? range.getHigh().getValue() : null, null, null, null, null, null, null, null);
    }

    private static String unit(org.hl7.fhir.r4.model.Quantity quantity) {
        return quantity.hasUnit() ? quantity.getUnit() : quantity.getCode();
    }

    private static SourceEntry medicine(SourceEntry entry, String dosage) {
        if (entry == null) {
            return null;
        }
        return new SourceEntry(entry.patientRef(), entry.ref(), entry.type(), entry.occurredAt(), entry.title(), entry.snomedCode(),
                entry.status(), entry.organisationRef(), entry.practitionerRef(), null, null, null, null, null, dosage, null, null, null, null,
                null, null);
    }

    private static SourceEntry allergy(SourceEntry entry, AllergyIntolerance allergy) {
        if (entry == null) {
            return null;
        }
        AllergyIntolerance.AllergyIntoleranceReactionComponent reaction = allergy.getReactionFirstRep();
        String manifestation = reaction.getManifestation().stream().map(concept -> concept.hasText() ? concept.getText()
                : concept.getCodingFirstRep().getDisplay()).filter(text -> text != null).findFirst().orElse(null);
        String severity = reaction.hasSeverity() ? reaction.getSeverity().toCode().toUpperCase(Locale.ROOT) : null;
        return new SourceEntry(entry.patientRef(), entry.ref(), entry.type(), entry.occurredAt(), entry.title(), entry.snomedCode(),
                entry.status(), entry.organisationRef(), entry.practitionerRef(), null, null, null, null, null, null, null, null,
                manifestation, severity, null, null);
    }

    private static SourceEntry encounter(SourceEntry entry, Encounter encounter) {
        if (entry == null) {
            return null;
        }
        String kind = switch (encounter.getClass_().getCode() == null ? "" : encounter.getClass_().getCode()) {
            case "IMP", "ACUTE", "NONAC" -> "ADMISSION";
            case "EMER" -> "EMERGENCY";
            default -> "OUTPATIENT";
        };
        return new SourceEntry(entry.patientRef(), entry.ref(), entry.type(), entry.occurredAt(), entry.title(), entry.snomedCode(),
                entry.status(), entry.organisationRef(), entry.practitionerRef(),
                encounter.getReasonCodeFirstRep().hasText() ? encounter.getReasonCodeFirstRep().getText()
                        : encounter.getReasonCodeFirstRep().getCodingFirstRep().getDisplay(),
                null, null, null, null, null, null, null, null, null, kind, instant(encounter.getPeriod().getEnd()));
    }

    /** Whether ICR keeps a resource of this kind (the rest are skipped and counted). */
    static boolean kept(Resource resource) {
        return resource instanceof Organization || resource instanceof Practitioner || resource instanceof Patient
                || resource instanceof Condition || resource instanceof MedicationRequest || resource instanceof MedicationStatement
                || resource instanceof AllergyIntolerance || resource instanceof Encounter
                || resource instanceof Observation observation && observation.hasValueQuantity() && laboratory(observation);
    }

    private static boolean laboratory(Observation observation) {
        return observation.getCategory().stream().flatMap(category -> category.getCoding().stream())
                .anyMatch(coding -> "laboratory".equals(coding.getCode()));
    }

    private static boolean resolved(CodeableConcept status) {
        return status.getCoding().stream().map(Coding::getCode).anyMatch(code -> Set.of("resolved", "inactive", "remission").contains(code));
    }

    private static EntryStatus medicationStatus(String code) {
        return switch (code == null ? "" : code) {
            case "stopped", "cancelled", "entered-in-error" -> EntryStatus.STOPPED;
            case "completed" -> EntryStatus.COMPLETED;
            default -> EntryStatus.ACTIVE;
        };
    }

    /**
     * How the source knows a resource, the key references resolve to and re-imports match on: its first identifier
     * ({@code system|value}), else its full URL, else its type and id.
     */
    static String key(Bundle.BundleEntryComponent entry) {
        Resource resource = entry.getResource();
        List<String> identifiers = identifiers(resource);
        if (!identifiers.isEmpty()) {
            return identifiers.get(0);
        }
        if (entry.hasFullUrl()) {
            return entry.getFullUrl();
        }
        return resource.hasIdElement() && resource.getIdElement().hasIdPart() ? resource.fhirType() + "/" + resource.getIdElement().getIdPart()
                : null;
    }

    private static List<String> identifiers(Resource resource) {
        List<Identifier> identifiers = resource instanceof Patient patient ? patient.getIdentifier()
                : resource instanceof Organization organization ? organization.getIdentifier()
                : resource instanceof Practitioner practitioner ? practitioner.getIdentifier()
                : resource instanceof Condition condition ? condition.getIdentifier()
                : resource instanceof Observation observation ? observation.getIdentifier()
                : resource instanceof MedicationRequest request ? request.getIdentifier()
                : resource instanceof MedicationStatement statement ? statement.getIdentifier()
                : resource instanceof AllergyIntolerance allergy ? allergy.getIdentifier()
                : resource instanceof Encounter encounter ? encounter.getIdentifier()
                : resource instanceof org.hl7.fhir.r4.model.Medication medication ? medication.getIdentifier() : List.of();
        return identifiers.stream().filter(identifier -> identifier.hasSystem() && identifier.hasValue())
                .map(identifier -> identifier.getSystem() + "|" + identifier.getValue()).toList();
    }

    /** What a reference points at within the bundle (its key), or the conditional identifier it names, or null. */
    private static String resolve(Reference reference, Map<String, String> aliases) {
        if (reference == null || !reference.hasReference()) {
            return null;
        }
        String text = reference.getReference();
        String known = aliases.get(text);
        if (known != null) {
            return known;
        }
        int conditional = text.indexOf("?identifier=");
        return conditional > 0 ? java.net.URLDecoder.decode(text.substring(conditional + "?identifier=".length()),
                java.nio.charset.StandardCharsets.UTF_8) : null;
    }

    private static String identifier(List<Identifier> identifiers, String system) {
        return identifiers.stream().filter(identifier -> system.equals(identifier.getSystem())).map(Identifier::getValue).findFirst()
                .orElse(null);
    }

    private static String name(HumanName name) {
        if (name.hasText()) {
            return name.getText();
        }
        String joined = (name.getPrefixAsSingleString() + " " + name.getGivenAsSingleString() + " " + (name.hasFamily() ? name.getFamily() : ""))
                .strip().replaceAll("\\s+", " ");
        return joined.isEmpty() ? null : joined;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

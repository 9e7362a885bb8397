package uk.nhs.icr.fhir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;

import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;

import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.RecordSource;
import uk.nhs.icr.sharedrecord.service.RecordEntry;
import uk.nhs.icr.sharedrecord.service.StructuredEntry;
import uk.nhs.icr.sharedrecord.service.StructuredEntry.LabResult;
import uk.nhs.icr.sharedrecord.service.StructuredEntry.MedicineGiven;
import uk.nhs.icr.sharedrecord.service.StructuredEntry.MedicineTaken;
import uk.nhs.icr.sharedrecord.service.StructuredEntry.Plan;
import uk.nhs.icr.sharedrecord.service.StructuredEntry.Reaction;
import uk.nhs.icr.sharedrecord.service.StructuredEntry.Stay;
import uk.nhs.icr.sharedrecord.service.StructuredEntry.Visit;

/**
 * Record entries as FHIR resources ({@link EntryResource} says which). Every resource carries its id
 * ({@code hospital-42}, {@code social-care-7}), the patient, when it happened and when it was recorded
 * ({@code meta.lastUpdated}), the kind of entry and the setting as categories, its author and organisation, and the
 * free text as a note; then what its kind records of its own.
 */
final class RecordEntryResources {

    /** The resource for one entry. */
    DomainResource toResource(StructuredEntry structured) {
        RecordEntry entry = structured.entry();
        DomainResource resource = switch (EntryResource.of(entry.type())) {
            case OBSERVATION -> observation(structured);
            case CONDITION -> condition(structured);
            case MEDICATION_STATEMENT -> medicationStatement(structured);
            case ALLERGY_INTOLERANCE -> allergy(structured);
            case ENCOUNTER -> encounter(structured);
            case CARE_PLAN -> carePlan(structured);
            case SERVICE_REQUEST -> serviceRequest(structured);
            case DOCUMENT_REFERENCE -> document(structured);
            case FLAG -> flag(structured);
            case MEDICATION_ADMINISTRATION -> administration(structured);
            case RELATED_PERSON -> relatedPerson(structured);
            case CARE_TEAM -> careTeam(structured);
            case ADVERSE_EVENT -> adverseEvent(structured);
        };
        resource.setId(idOf(entry));
        resource.getMeta().setLastUpdated(date(structured.recordedAt()));
        resource.getMeta().addTag(Systems.DATA_CATEGORY, entry.category().name(), entry.category().words());
        return resource;
    }

    /** {@code hospital-42}: the store and the entry's id in it. */
    static String idOf(RecordEntry entry) {
        return entry.source() + "-" + entry.id();
    }

    /** The entry an id names, if it names one. */
    static Optional<EntryAddress> parseId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Arrays.stream(RecordSource.values()).filter(source -> id.startsWith(source.code() + "-"))
                .map(source -> {
                    String number = id.substring(source.code().length() + 1);
                    return number.matches("[0-9]{1,18}") ? new EntryAddress(source, Long.parseLong(number)) : null;
                })
                .filter(address -> address != null).findFirst();
    }

    /** Where an entry is: its store and id. */
    record EntryAddress(RecordSource source, long id) {
    }

    private Observation observation(StructuredEntry structured) {
        RecordEntry entry = structured.entry();
        Observation observation = new Observation();
        observation.setStatus(entry.status() == EntryStatus.FINAL || entry.type() != EntryType.BLOOD_TEST
                ? Observation.ObservationStatus.FINAL : Observation.ObservationStatus.PRELIMINARY);
        if (entry.type() == EntryType.BLOOD_TEST) {
            observation.addCategory(concept(Systems.OBSERVATION_CATEGORY, "laboratory", "Laboratory"));
        }
        observation.getCategory().addAll(kindAndSetting(entry));
        observation.setCode(code(structured));
        observation.setSubject(patient(structured));
        observation.setEffective(new DateTimeType(date(entry.occurredAt())));
        observation.setIssued(date(structured.recordedAt()));
        observation.addPerformer(organisation(entry));
        if (structured.detail() instanceof LabResult result) {
            if (result.value() != null) {
                observation.setValue(new Quantity().setValue(result.value()).setUnit(result.unit()));
            }
            if (result.referenceLow() != null || result.referenceHigh() != null) {
                Observation.ObservationReferenceRangeComponent range = observation.addReferenceRange();
                if (result.referenceLow() != null) {
                    range.setLow(new Quantity().setValue(result.referenceLow()).setUnit(result.unit()));
                }
                if (result.referenceHigh() != null) {
                    range.setHigh(new Quantity().setValue(result.referenceHigh()).setUnit(result.unit()));
                }
            }
            if (result.flag() != null) {
                observation.addInterpretation(interpretation(result.flag()));
            }
        } else {
            observation.setValue(new StringType(entry.summary()));
        }
        note(structured).ifPresent(observation::addNote);
        return observation;
    }

    private static CodeableConcept interpretation(String flag) {
        return switch (flag) {
            case "LOW" -> concept(Systems.INTERPRETATION, "L", "Low");
            case "HIGH" -> concept(Systems.INTERPRETATION, "H", "High");
            default -> concept(Systems.INTERPRETATION, "N", "Normal");
        };
    }

    private Condition condition(StructuredEntry structured) {
        RecordEntry entry = structured.entry();
        Condition condition = new Condition();
        boolean resolved = entry.status() == EntryStatus.RESOLVED;
        condition.setClinicalStatus(concept(Systems.CONDITION_CLINICAL, resolved ? "resolved" : "active", resolved ? "Resolved" : "Active"));
        condition.setVerificationStatus(concept(Systems.CONDITION_VERIFICATION, "confirmed", "Confirmed"));
        condition.addCategory(concept(Systems.CONDITION_CATEGORY, "problem-list-item", "Problem List Item"));
        condition.getCategory().addAll(kindAndSetting(entry));
        condition.setCode(code(structured));
        condition.setSubject(patient(structured));
        condition.setOnset(new DateTimeType(date(entry.occurredAt())));
        condition.setRecordedDateElement(new DateTimeType(date(structured.recordedAt())));
        condition.setRecorder(author(entry));
        note(structured).ifPresent(condition::addNote);
        return condition;
    }

    private MedicationStatement medicationStatement(StructuredEntry structured) {
        RecordEntry entry = structured.entry();
        MedicationStatement statement = new MedicationStatement();
        statement.setStatus(switch (entry.status()) {
            case STOPPED -> MedicationStatement.MedicationStatementStatus.STOPPED;
            case COMPLETED -> MedicationStatement.MedicationStatementStatus.COMPLETED;
            default -> MedicationStatement.MedicationStatementStatus.ACTIVE;
        });
        statement.getCategory().addCoding(kind(entry));
        statement.setMedication(code(structured));
        statement.setSubject(patient(structured));
        statement.setEffective(new DateTimeType(date(entry.occurredAt())));
        statement.setDateAssertedElement(new DateTimeType(date(structured.recordedAt())));
        statement.setInformationSource(author(entry));
        if (structured.detail() instanceof MedicineTaken medicine) {
            Dosage dosage = statement.addDosage().setText(joined(medicine.dose(), medicine.route(), medicine.frequency()));
            if (medicine.route() != null) {
                dosage.setRoute(new CodeableConcept().setText(medicine.route()));
            }
        }
        note(structured).ifPresent(statement::addNote);
        return statement;
    }

    private AllergyIntolerance allergy(StructuredEntry structured) {
        RecordEntry entry = structured.entry();
        AllergyIntolerance allergy = new AllergyIntolerance();
        boolean resolved = entry.status() == EntryStatus.RESOLVED;
        allergy.setClinicalStatus(concept(Systems.ALLERGY_CLINICAL, resolved ? "resolved" : "active", resolved ? "Resolved" : "Active"));
        allergy.setCode(code(structured));
        allergy.setPatient(patient(structured));
        allergy.setOnset(new DateTimeType(date(entry.occurredAt())));
        allergy.setRecordedDateElement(new DateTimeType(date(structured.recordedAt())));
        allergy.setRecorder(author(entry));
        if (structured.detail() instanceof Reaction reaction) {
            AllergyIntolerance.AllergyIntoleranceReactionComponent happened = allergy.addReaction();
            if (reaction.reaction() != null) {
                happened.addManifestation(new CodeableConcept().setText(reaction.reaction()));
            }
            if (reaction.severity() != null) {
                happened.setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.fromCode(reaction.severity().toLowerCase(Locale.ROOT)));
            }
        }
        note(structured).ifPresent(allergy::addNote);
        return allergy;
    }

    private Encounter encounter(StructuredEntry structured) {
        RecordEntry entry = structured.entry();
        Encounter encounter = new Encounter();
        encounter.addType(new CodeableConcept().setText(entry.title()).addCoding(kind(entry)));
        encounter.setSubject(patient(structured));
        encounter.setServiceProvider(organisation(entry));
        if (structured.detail() instanceof Visit visit) {
            encounter.setClass_(new Coding(Systems.ACT_CODE, "HH", "home health"));
            Instant start = visit.actualStart() != null ? visit.actualStart() : visit.plannedStart();
            Instant end = visit.actualStart() != null ? visit.actualEnd() : visit.plannedEnd();
            encounter.setPeriod(new Period().setStart(date(start)).setEnd(date(end)));
            encounter.setStatus(visit.actualEnd() != null ? Encounter.EncounterStatus.FINISHED
                    : visit.actualStart() != null ? Encounter.EncounterStatus.INPROGRESS : Encounter.EncounterStatus.PLANNED);
            if (visit.careWorker() != null) {
                encounter.addParticipant().setIndividual(new Reference().setDisplay(visit.careWorker()));
            }
        } else {
            String kind = structured.detail() instanceof Stay stay && stay.kind() != null ? stay.kind() : "OUTPATIENT";
            Instant ended = structured.detail() instanceof Stay stay ? stay.endedAt() : null;
            encounter.setClass_(switch (kind) {
                case "ADMISSION", "DISCHARGE" -> new Coding(Systems.ACT_CODE, "IMP", "inpatient encounter");
                case "EMERGENCY" -> new Coding(Systems.ACT_CODE, "EMER", "emergency");
                default -> new Coding(Systems.ACT_CODE, "AMB", "ambulatory");
            });
            encounter.setPeriod(new Period().setStart(date(entry.occurredAt())).setEnd(date(ended)));
            encounter.setStatus("ADMISSION".equals(kind) && ended == null ? Encounter.EncounterStatus.INPROGRESS
                    : Encounter.EncounterStatus.FINISHED);
        }
        return encounter;
    }

    private CarePlan carePlan(StructuredEntry structured) {
        RecordEntry entry = structured.entry();
        CarePlan plan = new CarePlan();
        plan.setStatus(entry.status() == EntryStatus.ACTIVE || entry.status() == EntryStatus.OPEN
                ? CarePlan.CarePlanStatus.ACTIVE : CarePlan.CarePlanStatus.COMPLETED);
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.getCategory().addAll(kindAndSetting(entry));
        plan.setTitle(entry.title());
        plan.setDescription(entry.summary());
        plan.setSubject(patient(structured));
        plan.setCreatedElement(new DateTimeType(date(entry.occurredAt())));
        plan.setAuthor(author(entry));
        if (structured.detail() instanceof Plan detail) {
            if (detail.reviewDate() != null) {
                plan.setPeriod(new Period().setStart(date(entry.occurredAt())).setEndElement(new DateTimeType(detail.reviewDate().toString())));
            }
            if (detail.goals() != null) {
                plan.addNote(new Annotation().setText("Goals: " + detail.goals()));
            }
            if (detail.activities() != null) {
                detail.activities().lines().map(String::strip).filter(line -> !line.isEmpty())
                        .forEach(line -> plan.addActivity().getDetail().setDescription(line)
                                .setStatus(CarePlan.CarePlanActivityStatus.INPROGRESS));
            }
            if (detail.responsible() != null) {
                plan.addContributor(new Reference().setDisplay(detail.responsible()));
            }
        }
        note(structured).ifPresent(plan::addNote);
        return plan;
    }

    private ServiceRequest serviceRequest(StructuredEntry structured) {
        RecordEntry entry = structured.entry();
        ServiceRequest request = new ServiceRequest();
        request.setStatus(entry.status() == EntryStatus.COMPLETED || entry.status() == EntryStatus.CLOSED
                ? ServiceRequest.ServiceRequestStatus.COMPLETED : ServiceRequest.ServiceRequestStatus.ACTIVE);
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.getCategory().addAll(kindAndSetting(entry));
        request.setCode(code(structured));
        request.setSubject(patient(structured));
        request.setAuthoredOnElement(new DateTimeType(date(entry.occurredAt())));
        request.setRequester(author(entry));
        request.addReasonCode(new CodeableConcept().setText(entry.summary()));
        note(structured).ifPresent(request::addNote);
        return request;
    }

    private DocumentReference document(StructuredEntry structured) {
        RecordEntry entry = structured.entry();
        DocumentReference document = new DocumentReference();
        document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        document.setType(new CodeableConcept().setText(entry.type().plural()).addCoding(kind(entry)));
        document.getCategory().add(setting(entry));
        document.setSubject(patient(structured));
        document.setDate(date(entry.occurredAt()));
        document.addAuthor(author(entry));
        document.setCustodian(organisation(entry));
        document.setDescription(entry.title());
        String text = entry.title() + "\n\n" + Optional.ofNullable(structured.details()).orElse(entry.summary());
        document.addContent().setAttachment(new Attachment().setContentType("text/plain; charset=utf-8").setTitle(entry.title())
                .setData(text.getBytes(StandardCharsets.UTF_8)));
        return document;
    }

    private Flag flag(StructuredEntry structured) {
        RecordEntry entry = structured.entry();
        Flag flag = new Flag();
        flag.setStatus(entry.status() == EntryStatus.ACTIVE || entry.status() == EntryStatus.OPEN
                ? Flag.FlagStatus.ACTIVE : Flag.FlagStatus.INACTIVE);
        flag.addCategory(entry.type() == EntryType.SAFEGUARDING_CONCERN
                ? concept(Systems.FLAG_CATEGORY, "safety", "Safety") : concept(Systems.FLAG_CATEGORY, "clinical", "Clinical"));
        flag.getCategory().addAll(kindAndSetting(entry));
        flag.setCode(new CodeableConcept().setText(entry.title() + (entry.summary() == null ? "" : ": " + entry.summary())));
        flag.setSubject(patient(structured));
        flag.setPeriod(new Period().setStart(date(entry.occurredAt())));
        flag.setAuthor(author(entry));
        return flag;
    }

    private MedicationAdministration administration(StructuredEntry structured) {
        RecordEntry entry = structured.entry();
        MedicationAdministration administration = new MedicationAdministration();
        String outcome = structured.detail() instanceof MedicineGiven given && given.outcome() != null ? given.outcome() : "GIVEN";
        boolean given = "GIVEN".equals(outcome) || "SELF_ADMINISTERED".equals(outcome);
        administration.setStatus(given ? MedicationAdministration.MedicationAdministrationStatus.COMPLETED
                : MedicationAdministration.MedicationAdministrationStatus.NOTDONE);
        if (!given) {
            administration.addStatusReason(new CodeableConcept().setText(outcome.toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
        administration.setCategory(new CodeableConcept().addCoding(kind(entry)));
        administration.setMedication(new CodeableConcept().setText(entry.title()));
        administration.setSubject(patient(structured));
        administration.setEffective(new DateTimeType(date(entry.occurredAt())));
        administration.addPerformer().setActor(author(entry));
        administration.setDosage(new MedicationAdministration.MedicationAdministrationDosageComponent().setText(entry.summary()));
        note(structured).ifPresent(administration::addNote);
        return administration;
    }

    private RelatedPerson relatedPerson(StructuredEntry structured) {
        RecordEntry entry = structured.entry();
        RelatedPerson person = new RelatedPerson();
        person.setActive(entry.status() != EntryStatus.CLOSED);
        person.setPatient(patient(structured));
        person.addName().setText(entry.title());
        person.addRelationship(new CodeableConcept().setText(entry.summary()).addCoding(kind(entry)));
        return person;
    }

    private CareTeam careTeam(StructuredEntry structured) {
        RecordEntry entry = structured.entry();
        CareTeam team = new CareTeam();
        team.setStatus(entry.status() == EntryStatus.CLOSED ? CareTeam.CareTeamStatus.INACTIVE : CareTeam.CareTeamStatus.ACTIVE);
        team.addCategory(new CodeableConcept().addCoding(kind(entry)));
        team.setName(entry.title());
        team.setSubject(patient(structured));
        team.setPeriod(new Period().setStart(date(entry.occurredAt())));
        team.addParticipant().setMember(new Reference().setDisplay(entry.summary()));
        team.addManagingOrganization(organisation(entry));
        return team;
    }

    private AdverseEvent adverseEvent(StructuredEntry structured) {
        RecordEntry entry = structured.entry();
        AdverseEvent event = new AdverseEvent();
        event.setActuality(AdverseEvent.AdverseEventActuality.ACTUAL);
        event.addCategory(new CodeableConcept().addCoding(kind(entry)));
        event.setEvent(new CodeableConcept().setText(entry.title()));
        event.setSubject(patient(structured));
        event.setDate(date(entry.occurredAt()));
        event.setRecordedDateElement(new DateTimeType(date(structured.recordedAt())));
        event.setRecorder(author(entry));
        event.setIdentifier(new Identifier().setSystem(Systems.ENTRY_TYPE).setValue(idOf(entry)));
        return event;
    }

    /** The entry's name as a concept: its SNOMED CT code where ICR knows it, and its words always. */
    private static CodeableConcept code(StructuredEntry structured) {
        CodeableConcept concept = new CodeableConcept().setText(structured.entry().title());
        if (structured.snomedCode() != null) {
            concept.addCoding(new Coding(Systems.SNOMED, structured.snomedCode(), structured.entry().title()));
        }
        return concept;
    }

    /** The kind of entry and the setting it was recorded in, as categories (what {@code category} searches match). */
    private static java.util.List<CodeableConcept> kindAndSetting(RecordEntry entry) {
        return java.util.List.of(new CodeableConcept().addCoding(kind(entry)), setting(entry));
    }

    static Coding kind(RecordEntry entry) {
        return new Coding(Systems.ENTRY_TYPE, EntryCategories.code(entry.type()), entry.type().plural());
    }

    /** Which of ICR's two records holds it (what {@code category=hospital} matches), and in words the setting it was recorded in. */
    private static CodeableConcept setting(RecordEntry entry) {
        RecordSource store = RecordSource.fromCode(entry.source()).orElseThrow();
        return concept(Systems.RECORD_STORE, entry.source(), store == RecordSource.HOSPITAL ? "Hospital record" : "Social care record")
                .setText(entry.setting());
    }

    private static Reference patient(StructuredEntry structured) {
        return new Reference("Patient/" + structured.patient());
    }

    private static Reference author(RecordEntry entry) {
        return new Reference().setDisplay(entry.authorName());
    }

    private static Reference organisation(RecordEntry entry) {
        return new Reference().setIdentifier(new Identifier().setSystem(Systems.ODS_CODE).setValue(entry.organisationOdsCode()))
                .setDisplay(entry.organisationName());
    }

    private static Optional<Annotation> note(StructuredEntry structured) {
        return Optional.ofNullable(structured.details()).filter(text -> !text.isBlank()).map(text -> new Annotation().setText(text));
    }

    static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }

    private static String joined(String... parts) {
        return String.join(" ", Arrays.stream(parts).filter(part -> part != null && !part.isBlank()).toList());
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Date date(LocalDate day) {
        return day == null ? null : java.sql.Date.valueOf(day);
    }
}

package uk.nhs.icr.sharedrecord.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import uk.nhs.icr.access.ImportedPractitioner;
import uk.nhs.icr.access.Organisation;
import uk.nhs.icr.access.OrganisationType;
import uk.nhs.icr.access.StaffDirectory;
import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDecision;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.audit.service.AuditLog;
import uk.nhs.icr.hospital.Allergy;
import uk.nhs.icr.hospital.BloodTestResult;
import uk.nhs.icr.hospital.Encounter;
import uk.nhs.icr.hospital.HospitalEntry;
import uk.nhs.icr.hospital.HospitalRecordRepository;
import uk.nhs.icr.hospital.Medication;
import uk.nhs.icr.hospital.Problem;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Patient;
import uk.nhs.icr.patient.PatientIdentity;
import uk.nhs.icr.patient.PatientRepository;
import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.Postcode;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.DatabaseFailures;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.EntryStatus;
import uk.nhs.icr.sharedrecord.SensitiveContent;
import uk.nhs.icr.sharedrecord.service.RecordImport.SourceEntry;
import uk.nhs.icr.sharedrecord.service.RecordImport.SourceOrganisation;
import uk.nhs.icr.sharedrecord.service.RecordImport.SourcePatient;
import uk.nhs.icr.sharedrecord.service.RecordImport.SourcePractitioner;
import uk.nhs.icr.socialcare.Person;
import uk.nhs.icr.socialcare.PersonRepository;
import uk.nhs.icr.terminology.CodedTerms;

/**
 * Imports records from another system (a FHIR bundle, in ICR's terms: {@link RecordImport}) into both stores in one JTA
 * transaction: all of it or nothing. Only record importers (hosting staff) import. A patient already registered is matched
 * by NHS number and their entries appended; a new one is registered in both records at the GP practice the source names
 * when ICR knows it, and otherwise at V81999 ("GP practice not known"), where nobody works: an import creates no
 * relationship beyond the registered practice. Entries already imported (the same patient and source reference) are left
 * as they are, so importing the same records twice changes nothing. Each patient touched gets one audit row.
 */
@Stateless
public class RecordImportService {

    private static final Logger LOG = Logger.getLogger(RecordImportService.class.getName());

    /** PDS's pseudo-practice for a patient whose GP practice is not known. */
    static final OdsCode PRACTICE_NOT_KNOWN = new OdsCode("V81999");
    /** The NHS pseudo-postcode for an address that is not known. */
    static final Postcode ADDRESS_NOT_KNOWN = Postcode.parse("ZZ99 3WZ");
    /** The longest name part, title and author name the record's columns hold. */
    static final int MAX_NAME = 100;
    static final int MAX_TITLE = 300;
    static final int MAX_AUTHOR = 200;
    /** Who an imported entry names as its author when the source names nobody. */
    static final String SOURCE_SYSTEM = "Imported record";

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PatientRepository patients;

    @Inject
    PersonRepository people;

    @Inject
    HospitalRecordRepository hospital;

    @Inject
    StaffDirectory directory;

    @Inject
    AuditLog audit;

    @Inject
    UkClock clock;

    @Inject
    CodedTerms codedTerms;

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public ImportReport importRecords(RecordImport records) {
        Caller caller = currentCaller.require();
        if (caller.isPatient() || !caller.hasRole(StaffRole.IMPORTER)) {
            throw new AccessDeniedException("Only record importers (hosting staff) import records from other systems", false);
        }
        if (caller.lacksScopeFor(Resource.SHARED_RECORD, AuditAction.WRITE).isPresent()) {
            throw new AccessDeniedException("An import writes records: the client's token was not granted the record:write scope",
                    false);
        }
        Instant now = clock.now();
        Set<String> created = new java.util.HashSet<>();
        Map<String, OdsCode> organisations = new HashMap<>();
        int organisationsAdded = 0;
        for (SourceOrganisation source : records.organisations()) {
            Optional<OdsCode> known = knownOdsCode(source).or(() -> directory.findImportedOrganisation(source.ref()).map(Organisation::odsCode));
            if (known.isEmpty()) {
                Organisation added = Organisation.imported(minted(source.ref()), named(source.name(), "Imported organisation"),
                        OrganisationType.HOSPITAL_TRUST, source.ref());
                directory.addOrganisation(added);
                organisationsAdded++;
                created.add(source.ref());
                known = Optional.of(added.odsCode());
            }
            organisations.put(source.ref(), known.get());
        }
        Map<String, String> practitioners = new HashMap<>();
        Set<String> practitionerRefs = records.practitioners().stream().map(SourcePractitioner::ref).collect(Collectors.toSet());
        records.entries().stream().map(SourceEntry::practitionerRef).filter(ref -> ref != null).forEach(practitionerRefs::add);
        Map<String, ImportedPractitioner> knownPractitioners = directory.importedPractitioners(practitionerRefs);
        knownPractitioners.forEach((ref, known) -> practitioners.put(ref, known.displayName()));
        int practitionersAdded = 0;
        for (SourcePractitioner source : records.practitioners()) {
            String name = named(source.name(), "Imported practitioner");
            if (!knownPractitioners.containsKey(source.ref()) && !practitioners.containsKey(source.ref())) {
                OdsCode organisation = organisations.get(source.organisationRef());
                directory.addImportedPractitioner(new ImportedPractitioner(source.ref(), name,
                        organisation == null ? null : organisation.value(), now));
                practitionersAdded++;
                created.add(source.ref());
            }
            practitioners.put(source.ref(), name);
        }

        Map<String, NhsNumber> patientsByRef = new HashMap<>();
        Map<NhsNumber, PatientIdentity> identities = new HashMap<>();
        FieldErrors errors = new FieldErrors();
        for (SourcePatient source : records.patients()) {
            // every Patient is checked whole, registered or not: a refusal tells the importer nothing about who is registered
            Optional<PatientIdentity> identity = identity(source, errors);
            if (identity.isPresent() && identities.putIfAbsent(source.nhsNumber(), identity.get()) != null) {
                errors.add("Patient " + source.ref() + ".identifier", "two Patients in one bundle have the same NHS number");
            }
            patientsByRef.put(source.ref(), source.nhsNumber());
        }
        errors.throwIfAny();
        Map<NhsNumber, Patient> registeredAlready = patients.findAllByNhsNumber(identities.keySet()).stream()
                .collect(Collectors.toMap(patient -> patient.identity().nhsNumber(), patient -> patient));
        int registered = 0;
        int matched = 0;
        for (SourcePatient source : records.patients()) {
            PatientIdentity identity = identities.get(source.nhsNumber());
            Patient existing = registeredAlready.get(source.nhsNumber());
            if (existing != null) {
                // the same person only: a mistyped but valid number must not merge one person's history into another's
                if (!sameName(existing.identity().familyName(), identity.familyName()) || !existing.identity().birthDate().equals(identity.birthDate())) {
                    errors.add("Patient " + source.ref() + ".identifier", "this NHS number is registered to someone else"
                            + " (family name or date of birth differ): check the number");
                    // the refusal tells the importer the number is registered: on the record's audit trail, though nothing is written
                    audit.record(caller, source.nhsNumber(), Resource.PATIENT, AuditAction.WRITE, AccessDecision.deny(
                            AccessDecision.Purpose.ADMINISTRATION, "import refused: the bundle's patient differs from the one registered", false));
                }
                matched++;
                continue;
            }
            Patient patient = new Patient(identity, source.sex() == null ? uk.nhs.icr.patient.Sex.UNKNOWN : source.sex(),
                    postcode(source.postcode()), practice(organisations.get(source.practiceRef())), now);
            patients.add(patient);
            people.add(new Person(identity, now));
            registered++;
            created.add(source.ref());
        }
        errors.throwIfAny();

        Map<String, DataCategory> findings = codedTerms.findingCategories(records.entries().stream()
                        .filter(e -> e.type() == uk.nhs.icr.sharedrecord.EntryType.PROBLEM && e.snomedCode() != null)
                        .map(SourceEntry::snomedCode).collect(Collectors.toSet()),
                records.entries().stream().filter(e -> e.type() == uk.nhs.icr.sharedrecord.EntryType.PROBLEM && e.title() != null)
                        .map(SourceEntry::title).collect(Collectors.toSet()));
        Set<String> present = hospital.importedRefs(new LinkedHashSet<>(patientsByRef.values()));
        Map<String, Integer> added = new HashMap<>();
        Map<String, Integer> alreadyPresent = new HashMap<>();
        Map<NhsNumber, Integer> perPatient = new HashMap<>();
        String importer = caller.username();
        for (SourceEntry source : records.entries()) {
            NhsNumber patient = patientsByRef.get(source.patientRef());
            if (patient == null) {
                throw InvalidInputException.of("entry " + source.ref(), "names a patient the bundle does not hold");
            }
            String kind = source.type().name();
            if (!present.add(patient.value() + "|" + source.ref())) {
                alreadyPresent.merge(kind, 1, Integer::sum);
                continue;
            }
            OdsCode organisation = Optional.ofNullable(organisations.get(source.organisationRef())).orElse(PRACTICE_NOT_KNOWN);
            String authorName = Optional.ofNullable(practitioners.get(source.practitionerRef())).orElse(SOURCE_SYSTEM);
            EntryAuthor author = new EntryAuthor(importer, authorName.length() > MAX_AUTHOR ? authorName.substring(0, MAX_AUTHOR) : authorName,
                    organisation);
            if (source.title() != null && source.title().length() > MAX_TITLE) {
                throw InvalidInputException.of("entry " + source.ref() + ".code", "a name of at most " + MAX_TITLE + " characters");
            }
            HospitalEntry entry = entry(patient, source, author, now);
            // filed as a clinician's entry would be: a finding's own category (depression is mental health), or what its
            // name reveals (a sertraline, an HIV test), so that a patient's consent withholds imported entries too
            entry.fileUnder(SensitiveContent.fileUnder(source.type() == uk.nhs.icr.sharedrecord.EntryType.PROBLEM
                    ? findingCategory(findings, source) : DataCategory.GENERAL, entry.title()));
            entry.importedAs(source.ref());
            hospital.add(entry);
            added.merge(kind, 1, Integer::sum);
            perPatient.merge(patient, 1, Integer::sum);
            created.add(source.ref());
        }
        try {
            patients.flush();
            people.flush();
            hospital.flush();
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUniqueViolation(e)) {
                // another import of the same records committed first: nothing of this one is kept; sending it again adds nothing
                throw new ImportRaceException();
            }
            throw e;
        }
        for (NhsNumber patient : new LinkedHashSet<>(patientsByRef.values())) {
            audit.recordWithin(caller, patient, Resource.SHARED_RECORD, AuditAction.WRITE, AccessDecision.grant(
                    AccessDecision.Purpose.ADMINISTRATION, "imported " + perPatient.getOrDefault(patient, 0) + " entries from another system"));
        }
        int entriesAdded = added.values().stream().mapToInt(Integer::intValue).sum();
        int patientsTouched = patientsByRef.size();
        int organisationsTouched = organisationsAdded;
        LOG.info(() -> "Imported records: " + patientsTouched + " patients, " + entriesAdded + " entries added, "
                + organisationsTouched + " organisations added");
        return new ImportReport(registered, matched, added, alreadyPresent, organisationsAdded, practitionersAdded, created);
    }

    /** A problem's category from its coded finding, by code or by term; general when ICR does not know the finding. */
    private static DataCategory findingCategory(Map<String, DataCategory> findings, SourceEntry source) {
        return Optional.ofNullable(source.snomedCode()).map(findings::get).filter(category -> category != DataCategory.GENERAL)
                .or(() -> Optional.ofNullable(source.title()).map(title -> findings.get(title.strip().toLowerCase(Locale.ROOT))))
                .orElse(DataCategory.GENERAL);
    }

    private Optional<OdsCode> knownOdsCode(SourceOrganisation source) {
        if (source.odsCode() == null || source.odsCode().isBlank()) {
            return Optional.empty();
        }
        return directory.findOrganisation(OdsCode.parse(source.odsCode())).map(Organisation::odsCode);
    }

    /** The practice the source names, when it is a GP practice ICR knows (not one first known from an import). */
    private OdsCode practice(OdsCode named) {
        return Optional.ofNullable(named).flatMap(directory::findOrganisation)
                .filter(organisation -> organisation.type() == OrganisationType.GP_PRACTICE && organisation.importedFrom() == null)
                .map(Organisation::odsCode).orElse(PRACTICE_NOT_KNOWN);
    }

    private static Optional<PatientIdentity> identity(SourcePatient source, FieldErrors errors) {
        String where = "Patient " + source.ref();
        boolean complete = true;
        if (source.givenName() == null || source.givenName().isBlank()) {
            errors.add(where + ".name.given", "a patient needs a given name");
            complete = false;
        }
        if (source.familyName() == null || source.familyName().isBlank()) {
            errors.add(where + ".name.family", "a patient needs a family name");
            complete = false;
        }
        if (source.birthDate() == null) {
            errors.add(where + ".birthDate", "a patient needs a full date of birth (YYYY-MM-DD)");
            complete = false;
        }
        if (complete && (source.givenName().length() > MAX_NAME || source.familyName().length() > MAX_NAME)) {
            errors.add(where + ".name", "a name part may have at most " + MAX_NAME + " characters");
            complete = false;
        }
        return complete ? Optional.of(new PatientIdentity(source.nhsNumber(), source.givenName().strip(), source.familyName().strip(),
                source.birthDate())) : Optional.empty();
    }

    private static boolean sameName(String registered, String imported) {
        return registered.strip().equalsIgnoreCase(imported.strip());
    }

    private static Postcode postcode(String text) {
        try {
            return text == null ? ADDRESS_NOT_KNOWN : Postcode.parse(text);
        } catch (InvalidValueException notUk) {
            return ADDRESS_NOT_KNOWN;
        }
    }

    private static HospitalEntry entry(NhsNumber patient, SourceEntry source, EntryAuthor author, Instant now) {
        Instant at = source.occurredAt() == null ? now : source.occurredAt();
        String title = named(source.title(), source.type().plural());
        return switch (source.type()) {
            case PROBLEM -> new Problem(patient, source.snomedCode(), title, at, source.status() == null ? EntryStatus.ACTIVE : source.status(),
                    author, now, source.details());
            case BLOOD_TEST -> {
                if (source.value() == null || source.unit() == null) {
                    throw InvalidInputException.of("Observation " + source.ref() + ".valueQuantity",
                            "a laboratory result needs a value and a unit");
                }
                yield new BloodTestResult(patient, title, source.value(), source.unit(), source.referenceLow(), source.referenceHigh(), at,
                        author, now);
            }
            case MEDICATION -> new Medication(patient, title, source.dose(), source.route(), source.frequency(), null,
                    source.status() == null ? EntryStatus.ACTIVE : source.status(), at, author, now);
            case ALLERGY -> new Allergy(patient, title, source.reaction(), severity(source.severity()), at, author, now);
            case ENCOUNTER -> {
                Encounter encounter = new Encounter(patient, encounterKind(source.encounterKind()), at, author, now, source.details());
                // an admission that has ended is closed; other encounters are closed from the start and keep no end time
                if (encounter.isOpenAdmission() && source.endedAt() != null) {
                    encounter.close(source.endedAt());
                }
                yield encounter;
            }
            default -> throw InvalidInputException.of("entry " + source.ref(),
                    "ICR does not import " + source.type().plural().toLowerCase(Locale.ROOT));
        };
    }

    private static Allergy.Severity severity(String text) {
        return text == null ? null : switch (text) {
            case "MILD" -> Allergy.Severity.MILD;
            case "MODERATE" -> Allergy.Severity.MODERATE;
            case "SEVERE" -> Allergy.Severity.SEVERE;
            default -> null;
        };
    }

    private static Encounter.Kind encounterKind(String text) {
        return text == null ? Encounter.Kind.OUTPATIENT : switch (text) {
            case "ADMISSION" -> Encounter.Kind.ADMISSION;
            case "EMERGENCY" -> Encounter.Kind.EMERGENCY;
            default -> Encounter.Kind.OUTPATIENT;
        };
    }

    private static String named(String name, String otherwise) {
        return name == null || name.isBlank() ? otherwise : name.strip();
    }

    /** Another import of the same records committed while this one ran: 409, and nothing of this one was written. */
    public static class ImportRaceException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public ImportRaceException() {
            super("Another import of the same records finished first; nothing of this one was written. Send it again: what is"
                    + " already there is matched, not added twice.");
        }
    }

    /** "IM" and eight hex digits of the source identifier's SHA-256: the same code for the same organisation every time. */
    static OdsCode minted(String ref) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ref.getBytes(StandardCharsets.UTF_8));
            return new OdsCode("IM" + HexFormat.of().withUpperCase().formatHex(digest, 0, 4));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}

package uk.nhs.icr.socialcare.service;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import uk.nhs.icr.access.CareEpisode;
import uk.nhs.icr.access.CareRelationships;
import uk.nhs.icr.access.Organisation;
import uk.nhs.icr.access.OrganisationType;
import uk.nhs.icr.access.StaffDirectory;
import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientAccess;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.consent.Withholding;
import uk.nhs.icr.hospital.HospitalRecordRepository;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Patient;
import uk.nhs.icr.patient.PatientRepository;
import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.PrintedDocument;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.RecordQuery;
import uk.nhs.icr.sharedrecord.RecordedEntry;
import uk.nhs.icr.socialcare.CareMedicine;
import uk.nhs.icr.socialcare.CarePlanSection;
import uk.nhs.icr.socialcare.CarePlanVersion;
import uk.nhs.icr.socialcare.CarePlans;
import uk.nhs.icr.socialcare.DailyRecord;
import uk.nhs.icr.socialcare.MarChart;
import uk.nhs.icr.socialcare.MedicationAdministration;
import uk.nhs.icr.socialcare.SocialCareEntry;
import uk.nhs.icr.socialcare.SocialCareRecordRepository;
import uk.nhs.icr.socialcare.SocialCareRelationships;

/**
 * The hospital pack (NHS England's hospital transfer pathway, the "Red Bag"): what must travel with a person admitted to
 * hospital from social care, made from the record in one action: personal details, what matters to them, communication,
 * current medicines and when each was last given, allergies, DNACPR and ReSPECT alerts, their baseline (mobility, cognition
 * and communication, eating and drinking), recent changes and contacts. Built under the reader's own access decision, so the
 * person's consent applies to it as to the record. Sending it gives the admitting trust access for the episode.
 */
@Stateless
public class HospitalPackService {

    private static final Logger LOG = Logger.getLogger(HospitalPackService.class.getName());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK).withZone(UkClock.ZONE);

    /** How far back "recent changes" look: incidents and daily notes. */
    static final Duration RECENT = Duration.ofDays(7);

    public record Transfer(@Required @Label("admitting trust") OdsCode admittingTrust) {
    }

    public record MedicineNow(String medicine, String dose, String route, String when, boolean timeCritical, boolean controlledDrug,
                              Instant lastGiven) implements Serializable {
    }

    public record Item(String title, String detail, Instant at) implements Serializable {
    }

    public record HospitalPack(String nhsNumber, String name, LocalDate birthDate, String gpPractice, Instant madeAt,
                               String whatMattersToMe, String communication, String mobility, String eatingAndDrinking,
                               List<MedicineNow> medicines, List<Item> allergies, List<Item> alerts, List<Item> recentChanges,
                               List<Item> contacts, Integer carePlanVersion, boolean somethingWithheld, String withheldNote)
            implements Serializable {
    }

    /** What sending did: the trust that may now open the record, and until when. */
    public record Sent(String admittingTrust, String trustName, Instant accessUntil) implements Serializable {
    }

    @Inject
    PatientRepository patients;

    @Inject
    CarePlans plans;

    @Inject
    MarChart mar;

    @Inject
    SocialCareRecordRepository social;

    @Inject
    HospitalRecordRepository hospital;

    @Inject
    CareRelationships careRelationships;

    @Inject
    SocialCareRelationships relationships;

    @Inject
    StaffDirectory directory;

    @Inject
    PatientAccess patientAccess;

    @Inject
    AccessControl access;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    UkClock clock;

    /** How long the admitting trust may open the record after the pack is sent (the episode, unless it admits the person). */
    @Inject
    @ConfigProperty(name = "icr.hospital-pack.access-period", defaultValue = "P3D")
    Duration accessPeriod;

    /** The pack as it stands now, for care staff to send and print and for the admitting hospital to open. */
    @PatientDataAccess(resource = Resource.HOSPITAL_PACK, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public HospitalPack pack(NhsNumber person) {
        return assemble(person);
    }

    /** The same pack, printable. */
    @PatientDataAccess(resource = Resource.HOSPITAL_PACK, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public byte[] packPdf(NhsNumber person) {
        return print(assemble(person));
    }

    /**
     * The person is going into hospital: the admitting trust may open the record, the pack first, from now until the access
     * period ends (an admission it records gives it the usual relationship after that).
     */
    @PatientDataAccess(resource = Resource.HOSPITAL_PACK, action = AuditAction.CREATE)
    public Sent send(NhsNumber person, @Valid Transfer transfer) {
        Caller caller = currentCaller.require();
        // the people who send a person into hospital: their care provider's staff, or their social worker
        if (!relationships.isCaredForBy(person, caller.organisation())
                && !(caller.hasRole(StaffRole.SOCIAL_WORKER) && relationships.isOnCaseloadOf(person, caller.username()))) {
            throw new AccessDeniedException("The hospital pack is sent by the person's care provider or their social worker", false);
        }
        Organisation trust = directory.findOrganisation(transfer.admittingTrust())
                .filter(found -> found.type() == OrganisationType.HOSPITAL_TRUST)
                .orElseThrow(() -> InvalidInputException.of("admittingTrust", "no hospital trust has this ODS code"));
        Instant now = clock.now();
        Instant until = now.plus(accessPeriod);
        careRelationships.openUntil(person, trust.odsCode(), CareEpisode.Kind.HOSPITAL_TRANSFER, now, until);
        patientAccess.note("hospital pack sent to " + trust.odsCode().value() + " until " + until);
        LOG.info(() -> "Hospital pack sent; access for " + trust.odsCode().value() + " until " + until);
        return new Sent(trust.odsCode().value(), trust.name(), until);
    }

    private HospitalPack assemble(NhsNumber person) {
        Withholding withholding = patientAccess.withholding(person);
        Patient patient = patients.findByNhsNumber(person).orElseThrow(PatientNotFoundException::new);
        Instant now = clock.now();
        Optional<CarePlanVersion> plan = plans.current(person);
        boolean planWithheld = withholding.withholds(EntryType.CARE_PLAN, SocialCareEntry.DEFAULT_CATEGORY);
        Function<CarePlanSection.Area, String> needs = area -> planWithheld ? null
                : plan.flatMap(p -> p.section(area)).map(CarePlanSection::needs).orElse(null);

        // the care staff who give the medicines see all of them but what the person denies them (H-051); others as the record
        Caller caller = currentCaller.require();
        Withholding medicinesWithheld = access.medicinesWithheldFrom(caller, person);
        List<CareMedicine> all = mar.medicinesOf(person, now);
        List<CareMedicine> medicines = all.stream()
                .filter(m -> !medicinesWithheld.withholds(EntryType.MEDICATION_ADMINISTRATION, m.category())).toList();
        Map<Long, Instant> lastGiven = mar.dosesOf(medicines.stream().map(CareMedicine::id).toList(), now.minus(Duration.ofDays(7)), now)
                .stream().filter(d -> d.outcome() == MedicationAdministration.Outcome.GIVEN)
                .collect(Collectors.toMap(MedicationAdministration::careMedicineId, MedicationAdministration::occurredAt,
                        (a, b) -> a.isAfter(b) ? a : b));
        List<MedicineNow> medicinesNow = medicines.stream().map(m -> new MedicineNow(m.medicine(), m.dose(), m.route(),
                m.asRequired() ? "as required: " + m.protocol() : m.timesOfDay().stream().map(Object::toString).collect(Collectors.joining(", ")),
                m.timeCritical(), m.controlledDrug(), lastGiven.get(m.id()))).toList();

        RecordQuery hospitalQuery = new RecordQuery(Set.of(EntryType.ALLERGY, EntryType.ALERT), Optional.empty(), Optional.empty(),
                withholding.categories(), withholding.alwaysShown(), Optional.empty());
        List<Item> allergies = new ArrayList<>();
        List<Item> alerts = new ArrayList<>();
        for (RecordedEntry entry : hospital.newest(person, hospitalQuery, 50)) {
            (entry.type() == EntryType.ALLERGY ? allergies : alerts).add(item(entry));
        }
        RecordQuery contactQuery = new RecordQuery(Set.of(EntryType.CONTACT), Optional.empty(), Optional.empty(), withholding.categories(),
                withholding.alwaysShown(), Optional.empty());
        List<Item> contacts = social.newest(person, contactQuery, 10).stream().map(HospitalPackService::item).toList();
        RecordQuery recentQuery = new RecordQuery(Set.of(EntryType.INCIDENT), Optional.of(now.minus(RECENT)), Optional.empty(),
                withholding.categories(), withholding.alwaysShown(), Optional.empty());
        List<Item> recent = new ArrayList<>(social.newest(person, recentQuery, 20).stream().map(HospitalPackService::item).toList());
        // daily notes are social care information, withheld with it
        if (!withholding.categories().contains(SocialCareEntry.DEFAULT_CATEGORY)) {
            for (DailyRecord record : plans.dailyRecords(person, now.minus(Duration.ofDays(3)), now)) {
                if (record.kind() == DailyRecord.Kind.NOTE || record.kind() == DailyRecord.Kind.WEIGHT) {
                    recent.add(new Item(record.kind() == DailyRecord.Kind.NOTE ? "Daily note" : "Weight " + record.weightKg() + " kg",
                            record.note(), record.recordedFor()));
                }
            }
        }
        recent.sort(Comparator.comparing(Item::at).reversed());
        boolean withheld = withholding.withholdsAnything() && (planWithheld || medicines.size() < all.size()
                || hospital.countInCategories(person, withholding.categories()) > 0
                || social.countInCategories(person, withholding.categories()) > 0);
        return new HospitalPack(person.value(), patient.identity().givenName() + " " + patient.identity().familyName(),
                patient.identity().birthDate(), directory.nameOf(patient.gpPractice()) + " (" + patient.gpPractice().value() + ")", now,
                needs.apply(CarePlanSection.Area.WHAT_MATTERS_TO_ME), needs.apply(CarePlanSection.Area.COMMUNICATION),
                needs.apply(CarePlanSection.Area.MOBILITY_AND_FALLS), needs.apply(CarePlanSection.Area.EATING_AND_DRINKING),
                medicinesNow, allergies, alerts, recent, contacts, plan.filter(p -> !planWithheld).map(CarePlanVersion::version).orElse(null),
                withheld, withheld ? "Some of this person's information is withheld from you by their consent; ask them, or their GP"
                        : null);
    }

    private static Item item(RecordedEntry entry) {
        return new Item(entry.title(), entry.summary(), entry.occurredAt());
    }

    static byte[] print(HospitalPack pack) {
        PrintedDocument document = new PrintedDocument("Hospital pack: " + pack.name(),
                "Hospital pack for NHS number " + pack.nhsNumber() + ", made " + WHEN.format(pack.madeAt()));
        document.heading("Personal details")
                .field("Name", pack.name())
                .field("NHS number", pack.nhsNumber())
                .field("Date of birth", pack.birthDate().toString())
                .field("GP practice", pack.gpPractice());
        if (pack.somethingWithheld()) {
            document.paragraph(pack.withheldNote());
        }
        document.heading("What matters to me").paragraph(orNone(pack.whatMattersToMe()));
        document.heading("Communication and cognition").paragraph(orNone(pack.communication()));
        document.heading("Allergies");
        items(document, pack.allergies());
        document.heading("DNACPR, ReSPECT and other alerts");
        items(document, pack.alerts());
        document.heading("Current medicines and when last given");
        if (pack.medicines().isEmpty()) {
            document.paragraph("None on the care provider's chart");
        }
        for (MedicineNow medicine : pack.medicines()) {
            document.paragraph(medicine.medicine() + ", " + medicine.dose() + " (" + medicine.route() + "), " + medicine.when()
                    + (medicine.timeCritical() ? "; TIME-CRITICAL" : "") + (medicine.controlledDrug() ? "; controlled drug" : "")
                    + "; last given " + (medicine.lastGiven() == null ? "not in the last 7 days" : WHEN.format(medicine.lastGiven())));
        }
        document.heading("Baseline");
        document.field("Mobility", pack.mobility());
        document.field("Eating and drinking", pack.eatingAndDrinking());
        document.heading("Recent changes (7 days)");
        items(document, pack.recentChanges());
        document.heading("Contacts");
        items(document, pack.contacts());
        return document.bytes();
    }

    private static void items(PrintedDocument document, List<Item> items) {
        if (items.isEmpty()) {
            document.paragraph("None recorded");
        }
        for (Item item : items) {
            document.paragraph(item.title() + (item.detail() == null || item.detail().isBlank() ? "" : ": " + item.detail())
                    + (item.at() == null ? "" : " (" + WHEN.format(item.at()) + ")"));
        }
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? "Not recorded in a care plan" : text;
    }
}

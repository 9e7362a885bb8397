package uk.nhs.icr.sharedrecord.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import uk.nhs.icr.access.Organisation;
import uk.nhs.icr.access.StaffDirectory;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.PatientAccess;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.consent.Withholding;
import uk.nhs.icr.hospital.BloodTestResult;
import uk.nhs.icr.hospital.HospitalEntry;
import uk.nhs.icr.hospital.HospitalRecordRepository;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.sharedrecord.RecordQuery;
import uk.nhs.icr.sharedrecord.RecordSource;
import uk.nhs.icr.sharedrecord.RecordedEntry;
import uk.nhs.icr.sharedrecord.service.SharedRecordService.EntryNotFoundException;
import uk.nhs.icr.socialcare.SocialCareRecordRepository;
import uk.nhs.icr.terminology.CodedTerms;
import uk.nhs.icr.terminology.LabTest;

/**
 * The shared record entry by entry with each kind's own fields ({@link StructuredEntry}), for interfaces that carry
 * structure (FHIR). The same access decision, consent withholding and audit as the timeline ({@link SharedRecordService}),
 * and the same fixed number of queries per page however long the record.
 */
@Stateless
// reads join a caller's transaction and open none: a read of both databases pays no two-phase commit
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StructuredRecordService {

    private static final Comparator<StructuredEntry> NEWEST_FIRST = Comparator.comparing(StructuredEntry::entry,
            SharedRecordService.NEWEST_FIRST);

    @Inject
    PatientAccess patientAccess;

    @Inject
    StaffDirectory directory;

    @Inject
    HospitalRecordRepository hospital;

    @Inject
    SocialCareRecordRepository socialCare;

    @Inject
    CodedTerms codedTerms;

    @Resource
    SessionContext context;

    /** A page of the patient's entries of the kinds searched, newest first, without what is withheld from this reader. */
    @PatientDataAccess(resource = uk.nhs.icr.access.service.Resource.SHARED_RECORD, action = AuditAction.READ)
    public StructuredPage search(NhsNumber patient, EntrySearch search) {
        Withholding withholding = patientAccess.withholding(patient);
        boolean withheld = SharedRecordService.somethingWithheld(patient, withholding, hospital, socialCare);
        Optional<RecordQuery> wanted = query(search, withholding);
        if (withholding.withholdsEverything() || wanted.isEmpty()) {
            return new StructuredPage(List.of(), 0, withheld);
        }
        RecordQuery query = wanted.get();
        int window = search.offset() + search.count();
        List<StructuredEntry> merged = new ArrayList<>();
        long total = 0;
        if (search.wants(RecordSource.HOSPITAL)) {
            List<HospitalEntry> newest = hospital.newest(patient, query, window);
            Map<String, LabTest> tests = codedTerms.labTestsNamed(newest.stream().filter(BloodTestResult.class::isInstance)
                    .map(HospitalEntry::title).collect(Collectors.toSet()));
            newest.forEach(entry -> merged.add(StructuredEntry.of(entry, labCode(entry, tests))));
            total += hospital.count(patient, query);
        }
        if (search.wants(RecordSource.SOCIAL_CARE)) {
            socialCare.newest(patient, query, window).forEach(entry -> merged.add(StructuredEntry.of(entry)));
            total += socialCare.count(patient, query);
        }
        merged.sort(NEWEST_FIRST);
        List<StructuredEntry> page = merged.subList(Math.min(search.offset(), merged.size()), Math.min(window, merged.size()));
        return new StructuredPage(named(page), total, withheld);
    }

    /** The record query the search asks for, or none when it names only codes ICR does not know (nothing can match). */
    private Optional<RecordQuery> query(EntrySearch search, Withholding withholding) {
        RecordQuery query = new RecordQuery(search.types(), search.from(), search.to(), withholding.categories(),
                withholding.alwaysShown(), withholding.patientView());
        if (search.recordedSince().isPresent()) {
            query = query.recordedSince(search.recordedSince().get());
        }
        if (!search.codes().isEmpty() || !search.texts().isEmpty()) {
            Set<String> titles = new HashSet<>(codedTerms.termsCoded(search.codes()));
            titles.addAll(search.texts());
            if (titles.isEmpty()) {
                return Optional.empty();
            }
            query = query.titled(titles);
        }
        return Optional.of(query);
    }

    /** One entry of the patient's record, unless it is withheld from this reader (then it is answered as absent). */
    @PatientDataAccess(resource = uk.nhs.icr.access.service.Resource.SHARED_RECORD, action = AuditAction.READ)
    public StructuredEntry entry(NhsNumber patient, RecordSource source, long entryId) {
        Withholding withholding = patientAccess.withholding(patient);
        Optional<StructuredEntry> found = source == RecordSource.HOSPITAL
                ? hospital.findEntry(patient, entryId).filter(entry -> !withholding.withholds(entry))
                        .map(entry -> StructuredEntry.of(entry, labCode(entry, codedTerms.labTestsNamed(Set.of(entry.title())))))
                : socialCare.findEntry(patient, entryId).filter(entry -> !withholding.withholds(entry)).map(StructuredEntry::of);
        return named(found.map(List::of).orElseThrow(EntryNotFoundException::new)).get(0);
    }

    /**
     * One entry by its id alone, as FHIR addresses it: read through {@link #entry(NhsNumber, RecordSource, long)} for the
     * patient whose entry it is, so the access decision, withholding and audit are that read's; any refusal there is answered
     * as an absent entry.
     */
    public StructuredEntry entry(RecordSource source, long entryId) {
        NhsNumber owner = (source == RecordSource.HOSPITAL ? hospital.findById(entryId).map(RecordedEntry::patient)
                : socialCare.findById(entryId).map(RecordedEntry::patient)).orElseThrow(EntryNotFoundException::new);
        try {
            return context.getBusinessObject(StructuredRecordService.class).entry(owner, source, entryId);
        } catch (AccessDeniedException | PatientNotFoundException refused) {
            // refused (and audited) on the owner's record: answered as an absent entry, so an id tells nobody whose it is
            throw new EntryNotFoundException();
        }
    }

    private static String labCode(HospitalEntry entry, Map<String, LabTest> tests) {
        LabTest test = entry instanceof BloodTestResult ? tests.get(entry.title().toLowerCase(Locale.ROOT)) : null;
        return test == null ? null : test.snomedCode();
    }

    /** The entries with their organisations named and their settings told, in one directory query. */
    private List<StructuredEntry> named(List<StructuredEntry> entries) {
        Map<String, Organisation> organisations = directory.organisations(entries.stream().map(entry -> entry.entry().organisationOdsCode())
                .collect(Collectors.toSet()));
        return entries.stream().map(entry -> entry.withEntry(entry.entry().named(organisations.get(entry.entry().organisationOdsCode()))))
                .toList();
    }
}

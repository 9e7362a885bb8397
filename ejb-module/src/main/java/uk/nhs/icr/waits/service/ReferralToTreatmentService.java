package uk.nhs.icr.waits.service;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;

import uk.nhs.icr.access.Organisation;
import uk.nhs.icr.access.OrganisationType;
import uk.nhs.icr.access.StaffDirectory;
import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDecision;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientAccess;
import uk.nhs.icr.access.service.PracticeLists;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.consent.Withholding;
import uk.nhs.icr.hospital.HospitalRecordRepository;
import uk.nhs.icr.hospital.Referral;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Patient;
import uk.nhs.icr.patient.PatientRepository;
import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.NotInFuture;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.sharedrecord.service.RecordWriter;
import uk.nhs.icr.waits.RttEvent;
import uk.nhs.icr.waits.RttPathway;
import uk.nhs.icr.waits.RttPathway.Priority;
import uk.nhs.icr.waits.RttPathway.StopReason;
import uk.nhs.icr.waits.RttPathways;
import uk.nhs.icr.waits.TreatmentFunction;

/**
 * Referral-to-treatment pathways: a referral received at a trust starts one (the referral goes on the patient's
 * timeline and shows where the pathway stands), and the clinicians caring for the patient record its events by the
 * national clock rules ({@link RttPathway}).
 */
@Stateless
public class ReferralToTreatmentService {

    /** A referral received at a trust for a treatment function (a national code, 320 Cardiology), from the day it came. */
    public record NewPathway(@Required @Label("provider trust") OdsCode providerOdsCode,
                             @Required @Label("treatment function") String treatmentFunction,
                             @Required Priority priority,
                             @Required @NotInFuture @Label("clock start") LocalDate clockStart,
                             @Required @Text(max = 300) String reason) {
    }

    /** An event on a pathway: a transfer names the trust taking the patient on; a stop says why. */
    public record NewEvent(@Required RttEvent.Kind kind,
                           @Required @NotInFuture @Label("date") LocalDate occurredOn,
                           @Label("trust taking the patient on") OdsCode toProviderOdsCode,
                           StopReason stopReason,
                           @Text(max = 300) String detail) {
    }

    public record EventView(String kind, String inWords, LocalDate occurredOn, String providerOdsCode, String detail, String recordedBy)
            implements Serializable {

        static EventView of(RttEvent event) {
            return new EventView(Codes.of(event.kind()), event.kind().words(), event.occurredOn(), event.provider().value(),
                    event.detail(), event.recordedByName());
        }
    }

    /** A pathway as staff read it: where, for what, how long so far, and what happened on it. */
    public record PathwayView(long id, long referralEntryId, String providerOdsCode, String treatmentFunction, String treatmentFunctionName,
                              String priority, LocalDate clockStart, LocalDate clockStop, String stopReason, Boolean admitted,
                              long weeksWaited, boolean withinStandard, List<EventView> events, long version) implements Serializable {
    }

    public record TreatmentFunctionView(String code, String name) implements Serializable {
    }

    /** One of the longest waits a clinician's organisation holds: whose, where, for what, how long (past 18 weeks: a breach). */
    public record LongWait(String patientNhsNumber, String patientName, String trustOdsCode, String treatmentFunctionName, String priority,
                           LocalDate clockStart, long weeksWaited, boolean breach) implements Serializable {
    }

    /** How many of the longest waits the dashboard lists. */
    public static final int LONGEST_SHOWN = 50;

    /**
     * An open pathway as the patient reads it: where, for what, since when and how long so far, the estimate of the
     * rest, and how the trust's list for it stands against the 18-week standard.
     */
    public record WaitView(long pathwayId, String trustOdsCode, String trustName, String treatmentFunction, String treatmentFunctionName,
                           String priority, LocalDate clockStart, long weeksWaited, WaitEstimator.Estimate estimate,
                           Double trustShareWithin18Weeks) implements Serializable {
    }

    @Inject
    RttPathways pathways;

    @Inject
    HospitalRecordRepository record;

    @Inject
    PatientRepository patients;

    @Inject
    StaffDirectory directory;

    @Inject
    RecordWriter writer;

    @Inject
    PatientAccess patientAccess;

    @Inject
    PracticeLists practiceLists;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    WaitEstimator estimator;

    @Inject
    WaitingListStatistics statistics;

    @Inject
    UkClock clock;

    /** The national treatment function codes a pathway is counted by. A reference list, not patient data. */
    public List<TreatmentFunctionView> treatmentFunctions() {
        return pathways.treatmentFunctions().stream().map(function -> new TreatmentFunctionView(function.code(), function.name())).toList();
    }

    /** Starts a pathway: the referral goes on the timeline, and its clock runs from the day the referral was received. */
    @PatientDataAccess(resource = Resource.RTT_PATHWAY, action = AuditAction.WRITE)
    public PathwayView start(NhsNumber patient, @Valid NewPathway pathway) {
        TreatmentFunction function = pathways.treatmentFunction(pathway.treatmentFunction().strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> InvalidInputException.of("treatmentFunction", "not a national treatment function code (such as 320"
                        + " Cardiology): GET /api/treatment-functions lists them"));
        Organisation trust = directory.findOrganisation(pathway.providerOdsCode())
                .filter(found -> found.type() == OrganisationType.HOSPITAL_TRUST)
                .orElseThrow(() -> InvalidInputException.of("providerOdsCode", "not a hospital trust ICR knows"));
        EntryAuthor author = writer.author();
        Referral referral = new Referral(patient, function.name() + ", " + trust.name(), pathway.reason().strip(),
                pathway.clockStart().atStartOfDay(UkClock.ZONE).toInstant(), author, writer.now());
        record.add(referral);
        record.flush();
        RttPathway started = new RttPathway(patient, referral.id(), trust.odsCode(), function, pathway.priority(), pathway.clockStart(),
                recorder(author));
        pathways.add(started);
        referral.pathwayNow(started.progress(), false);
        return view(started, function.name());
    }

    /** Records an event on one of the patient's pathways, by the clock rules; the referral on the timeline follows. */
    @PatientDataAccess(resource = Resource.RTT_PATHWAY, action = AuditAction.WRITE)
    public PathwayView recordEvent(NhsNumber patient, long pathwayId, @Valid NewEvent event) {
        RttPathway pathway = pathways.findForChange(patient, pathwayId).orElseThrow(PathwayNotFoundException::new);
        Patient registered = patients.findByNhsNumber(patient).orElseThrow(PatientNotFoundException::new);
        Optional<RttPathway.Refusal> refusal = pathway.refusal(event.kind(), event.occurredOn(), event.toProviderOdsCode(),
                event.stopReason(), registered.identity().ageOn(event.occurredOn()));
        if (refusal.isPresent()) {
            throw refusal.get().conflict() ? new PathwayConflictException(refusal.get().message())
                    : InvalidInputException.of(refusal.get().field(), refusal.get().message());
        }
        if (event.kind() == RttEvent.Kind.TRANSFER && directory.findOrganisation(event.toProviderOdsCode())
                .filter(found -> found.type() == OrganisationType.HOSPITAL_TRUST).isEmpty()) {
            throw InvalidInputException.of("toProviderOdsCode", "not a hospital trust ICR knows");
        }
        pathway.record(event.kind(), event.occurredOn(), event.toProviderOdsCode(), event.stopReason(),
                event.detail() == null ? null : event.detail().strip(), recorder(writer.author()));
        record.findEntry(patient, pathway.referralEntryId()).filter(Referral.class::isInstance).map(Referral.class::cast)
                .ifPresent(referral -> referral.pathwayNow(pathway.progress(), !pathway.open()));
        pathways.writeNow();
        return view(pathway, functionName(pathway));
    }

    /**
     * The patient's pathways, newest first, each with its events and the weeks waited so far (or until it stopped): read
     * as part of their record, so a pathway whose referral the reader may not see (consent, the patient's own view) is
     * left out with it.
     */
    @PatientDataAccess(resource = Resource.SHARED_RECORD, action = AuditAction.READ)
    public List<PathwayView> pathwaysOf(NhsNumber patient) {
        return readable(patient, pathways.of(patient)).stream().map(pathway -> view(pathway, functionName(pathway))).toList();
    }

    /**
     * The patient's open pathways with an estimate of the rest of each wait (for the patient, or someone acting for them
     * with the record service): read as part of their record.
     */
    @PatientDataAccess(resource = Resource.SHARED_RECORD, action = AuditAction.READ)
    public List<WaitView> waitsOf(NhsNumber patient) {
        LocalDate today = clock.today();
        return readable(patient, pathways.of(patient)).stream().filter(RttPathway::open).map(pathway -> {
            String function = functionName(pathway);
            String trust = directory.findOrganisation(pathway.provider()).map(Organisation::name).orElse(pathway.provider().value());
            Double share = statistics.statistics(new WaitingListStatistics.StatisticsQuery(Optional.of(pathway.provider()),
                    pathway.treatmentFunction(), YearMonth.from(today))).incomplete().shareWithin18Weeks();
            return new WaitView(pathway.id(), pathway.provider().value(), trust, pathway.treatmentFunction(), function,
                    Codes.of(pathway.priority()), pathway.clockStart(), pathway.weeksWaited(today),
                    estimator.estimate(pathway, function, trust, today), share);
        }).toList();
    }

    /**
     * The open pathways the caller's organisation holds, longest wait first (at most {@value #LONGEST_SHOWN}): a hospital
     * clinician's trust's own, a GP's practice's patients'. Each patient named is on their audit log as read from the list.
     */
    public List<LongWait> longestWaits() {
        Caller caller = currentCaller.require();
        if (caller.isPatient() || !(caller.hasRole(StaffRole.GP) || caller.hasRole(StaffRole.HOSPITAL_CLINICIAN))) {
            throw new AccessDeniedException("The longest waits are listed for GPs and hospital clinicians", false);
        }
        List<RttPathway> open = pathways.openLongestFirst(caller.organisation(), caller.hasRole(StaffRole.GP), LONGEST_SHOWN);
        Map<NhsNumber, String> names = practiceLists.namesShown(caller, open.stream().map(RttPathway::patient).toList(),
                Resource.SHARED_RECORD, AccessDecision.Purpose.DIRECT_CARE, PracticeLists.PracticeList.LONGEST_WAITS);
        LocalDate today = clock.today();
        return open.stream().map(pathway -> {
            long weeks = pathway.weeksWaited(today);
            return new LongWait(pathway.patient().value(), names.get(pathway.patient()), pathway.provider().value(), functionName(pathway),
                    Codes.of(pathway.priority()), pathway.clockStart(), weeks, weeks >= RttPathway.STANDARD_WEEKS);
        }).toList();
    }

    /** Those of the pathways whose referral this reader sees (the read of the record was decided in this request). */
    private List<RttPathway> readable(NhsNumber patient, List<RttPathway> found) {
        Withholding withholding = patientAccess.withholding(patient);
        Map<Long, Referral> referrals = pathways.referralsOf(found);
        return found.stream().filter(pathway -> referrals.containsKey(pathway.referralEntryId())
                && !withholding.withholds(referrals.get(pathway.referralEntryId()))).toList();
    }

    private String functionName(RttPathway pathway) {
        return pathways.treatmentFunction(pathway.treatmentFunction()).map(TreatmentFunction::name).orElse(pathway.treatmentFunction());
    }

    private RttPathway.Recorder recorder(EntryAuthor author) {
        return new RttPathway.Recorder(author.username(), author.name(), writer.now());
    }

    private PathwayView view(RttPathway pathway, String functionName) {
        long weeks = pathway.weeksWaited(clock.today());
        return new PathwayView(pathway.id(), pathway.referralEntryId(), pathway.provider().value(), pathway.treatmentFunction(),
                functionName, Codes.of(pathway.priority()), pathway.clockStart(), pathway.clockStop(),
                pathway.stopReason() == null ? null : Codes.of(pathway.stopReason()), pathway.admitted(), weeks,
                weeks < RttPathway.STANDARD_WEEKS, pathway.events().stream().map(EventView::of).toList(), pathway.version());
    }

    /** No such pathway for this patient. */
    public static class PathwayNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public PathwayNotFoundException() {
            super("This patient has no referral-to-treatment pathway with that id");
        }
    }

    /** The pathway's state refuses the event (its clock stopped; that event happened already). */
    public static class PathwayConflictException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public PathwayConflictException(String message) {
            super(message);
        }
    }
}

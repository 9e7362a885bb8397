package uk.nhs.icr.access.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import uk.nhs.icr.access.BreakGlassGrant;
import uk.nhs.icr.access.BreakGlassGrants;
import uk.nhs.icr.access.StaffDirectory;
import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDecision.Outcome;
import uk.nhs.icr.access.service.AccessDecision.Purpose;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Patient;
import uk.nhs.icr.patient.PatientRepository;
import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.validation.Text;

/**
 * Break-glass: a clinician without a legitimate relationship opens a record in an emergency, giving a
 * reason. The grant lasts {@code icr.break-glass.duration} (default 24 hours) and waits in the privacy
 * officer's review queue.
 */
@Stateless
public class BreakGlassService {

    public static final int MIN_REASON_LENGTH = 20;
    /** A reason in words, not 25 times "a": at least this many different words. */
    static final int MIN_REASON_WORDS = 3;
    /** What the reason and review-note columns hold. */
    static final int MAX_TEXT_LENGTH = 2000;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    BreakGlassGrants grants;

    @Inject
    PatientRepository patients;

    @Inject
    StaffDirectory directory;

    @Inject
    AccessControl access;

    @Inject
    @ConfigProperty(name = "icr.break-glass.duration", defaultValue = "PT24H")
    Duration duration;

    @Inject
    UkClock clock;

    /**
     * Opens the record to a clinician without a relationship, for the configured time, with their reason. With
     * {@code birthDate} given, a number whose patient was born on another day grants nothing: a mistyped number would
     * otherwise open a stranger's record (the portal always asks; the API checks it when sent). The clinician sees
     * name and details only once the glass is broken.
     */
    @AccessDecidedInside("break-glass is how a clinician without a relationship gets one: the role decides, and the grant is audited")
    public BreakGlassView breakGlass(NhsNumber patient, @Text(max = MAX_TEXT_LENGTH) String reason, LocalDate birthDate) {
        Caller caller = currentCaller.require();
        String why = reason == null ? null : reason.strip();
        if (why == null || why.length() < MIN_REASON_LENGTH) {
            throw InvalidInputException.of("reason", "give the clinical reason in at least " + MIN_REASON_LENGTH + " characters");
        }
        if (Arrays.stream(why.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(word -> !word.isEmpty()).distinct().count()
                < MIN_REASON_WORDS) {
            throw InvalidInputException.of("reason", "say in words why: at least " + MIN_REASON_WORDS + " different words");
        }
        Optional<ApiScope> missing = caller.lacksScopeFor(Resource.BREAK_GLASS, AuditAction.GRANT);
        if (missing.isPresent()) {
            access.record(caller, patient, Resource.BREAK_GLASS, AuditAction.GRANT, AccessDecision.deny(Purpose.BREAK_GLASS,
                    "the client's token was not granted the " + missing.get().claimValue() + " scope", false));
            throw new AccessDeniedException("Your client's token was not granted the " + missing.get().claimValue() + " scope",
                    false);
        }
        if (caller.isPatient() || !caller.role().mayBreakGlass()) {
            access.record(caller, patient, Resource.BREAK_GLASS, AuditAction.GRANT,
                    AccessDecision.deny(Purpose.BREAK_GLASS, "role may not break the glass", false));
            throw new AccessDeniedException("Only clinicians may break the glass", false);
        }
        Optional<Patient> registered = patients.findByNhsNumber(patient);
        if (registered.isEmpty()) {
            access.record(caller, patient, Resource.BREAK_GLASS, AuditAction.GRANT,
                    AccessDecision.hidden(Purpose.BREAK_GLASS, "no such patient", false));
            throw new PatientNotFoundException();
        }
        if (birthDate != null && !registered.get().identity().birthDate().equals(birthDate)) {
            access.record(caller, patient, Resource.BREAK_GLASS, AuditAction.GRANT,
                    AccessDecision.deny(Purpose.BREAK_GLASS, "identity check failed: date of birth does not match", false));
            throw InvalidInputException.of("birthDate", "does not match the patient with this NHS number: check the number and the"
                    + " date of birth; nothing was opened");
        }
        if (access.hasRelationship(caller, patient)) {
            access.record(caller, patient, Resource.BREAK_GLASS, AuditAction.GRANT,
                    AccessDecision.deny(Purpose.BREAK_GLASS, "already has a legitimate relationship", false));
            throw new AlreadyInCareException();
        }
        Instant now = clock.now();
        BreakGlassGrant grant = new BreakGlassGrant(caller.username(), caller.role(), caller.organisation(), patient, why,
                now, now.plus(duration));
        grants.add(grant);
        access.record(caller, patient, Resource.BREAK_GLASS, AuditAction.GRANT,
                new AccessDecision(Outcome.GRANTED_BY_BREAK_GLASS, Purpose.BREAK_GLASS, "break-glass grant given", false, false));
        return view(grant);
    }

    /** The active grant this caller holds for this patient, if any (for the red banner). */
    @AccessDecidedInside("the caller's own grant, for the red banner: no patient data")
    public Optional<BreakGlassView> activeGrant(NhsNumber patient) {
        Caller caller = currentCaller.require();
        if (caller.isPatient()) {
            return Optional.empty();
        }
        return grants.activeFor(caller.username(), patient, clock.now()).map(this::view);
    }

    private BreakGlassView view(BreakGlassGrant grant) {
        return BreakGlassView.of(grant, directory.organisationNames(List.of(grant.organisation().value())));
    }

    public List<BreakGlassView> awaitingReview() {
        requirePrivacyOfficer();
        List<BreakGlassGrant> waiting = grants.awaitingReview();
        Map<String, String> names = directory.organisationNames(waiting.stream().map(grant -> grant.organisation().value()).toList());
        return waiting.stream().map(grant -> BreakGlassView.of(grant, names)).toList();
    }

    public BreakGlassView review(long grantId, BreakGlassGrant.Review outcome, @Text(max = MAX_TEXT_LENGTH) String note) {
        Caller reviewer = requirePrivacyOfficer();
        if (outcome == null || outcome == BreakGlassGrant.Review.PENDING) {
            throw InvalidInputException.of("outcome", "choose appropriate or escalated");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text == null) {
            throw InvalidInputException.of("note", "a review needs a note");
        }
        BreakGlassGrant grant = grants.find(grantId).orElseThrow(() -> InvalidInputException.of("grant", "no such break-glass grant"));
        grant.review(outcome, reviewer.username(), text, clock.now());
        access.record(reviewer, grant.patient(), Resource.BREAK_GLASS, AuditAction.REVIEW,
                AccessDecision.grant(Purpose.PRIVACY_REVIEW, "break-glass reviewed: " + Codes.phrase(outcome)));
        return view(grant);
    }

    private Caller requirePrivacyOfficer() {
        Caller caller = currentCaller.require();
        if (!caller.hasRole(StaffRole.PRIVACY_OFFICER)) {
            throw new AccessDeniedException("Only privacy officers review break-glass access", false);
        }
        return caller;
    }
}

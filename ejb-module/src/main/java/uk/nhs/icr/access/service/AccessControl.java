package uk.nhs.icr.access.service;

import uk.nhs.icr.platform.UkClock;

import uk.nhs.icr.access.BreakGlassGrants;
import uk.nhs.icr.access.CareRelationships;
import uk.nhs.icr.access.StaffRole;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import uk.nhs.icr.access.service.AccessDecision.Outcome;
import uk.nhs.icr.access.service.AccessDecision.Purpose;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.audit.service.AuditLog;
import uk.nhs.icr.consent.ConsentDirective;
import uk.nhs.icr.consent.ConsentRepository;
import uk.nhs.icr.consent.Withholding;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.Fields;
import uk.nhs.icr.socialcare.SocialCareRelationships;

/**
 * The one access decision point. Every read or write of a patient's data asks it first; it decides
 * (legitimate relationship, break-glass grant, role), records the decision in the audit log whatever it
 * is, and refuses with {@link AccessDeniedException} when denied.
 */
@Stateless
public class AccessControl {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    CareRelationships careRelationships;

    @Inject
    SocialCareRelationships socialCare;

    @Inject
    BreakGlassGrants breakGlass;

    @Inject
    AuditLog audit;

    @Inject
    ConsentRepository consents;

    /** Whether a break-glass grant also lifts a patient's explicit deny; by default it does not. */
    @Inject
    @ConfigProperty(name = "icr.consent.break-glass-overrides-deny", defaultValue = "false")
    boolean breakGlassOverridesDeny;

    @Inject

    UkClock clock;

    /** Decides, audits, and returns the decision if granted; throws if not signed in or denied. */
    public AccessDecision require(NhsNumber patient, Resource resource, AuditAction action) {
        Caller caller = currentCaller.require();
        AccessDecision decision = decide(caller, patient, resource, action);
        audit.record(caller, patient, resource, action, decision);
        if (!decision.granted()) {
            throw new AccessDeniedException(decision.reason(), decision.breakGlassAvailable());
        }
        return decision;
    }

    /**
     * Opens the shared record for reading: the access decision, then what the patient's consent directive
     * withholds from this caller. Audited with both rules; throws if denied.
     */
    public RecordAccess requireRecordRead(NhsNumber patient) {
        Caller caller = currentCaller.require();
        AccessDecision decision = decide(caller, patient, Resource.SHARED_RECORD, AuditAction.READ);
        Withholding withholding = decision.granted() ? withholding(caller, patient, decision) : Withholding.none("not opened");
        audit.record(caller, patient, Resource.SHARED_RECORD, AuditAction.READ,
                decision.granted() ? decision.noting(withholding.rule()) : decision);
        if (!decision.granted()) {
            throw new AccessDeniedException(decision.reason(), decision.breakGlassAvailable());
        }
        return new RecordAccess(decision, withholding);
    }

    private Withholding withholding(Caller caller, NhsNumber patient, AccessDecision decision) {
        if (caller.isPatient()) {
            return Withholding.none("the patient's own record: consent not applied");
        }
        Optional<ConsentDirective> directive = consents.current(patient, ConsentDirective.Scope.TREATMENT);
        if (directive.isEmpty()) {
            return Withholding.none("no consent directive: shared for direct care");
        }
        Withholding withholding = directive.get().withholdingFor(caller.organisation(), caller.role(), clock.now(), UkClock.ZONE);
        if (withholding.withholdsAnything() && decision.outcome() == Outcome.GRANTED_BY_BREAK_GLASS && breakGlassOverridesDeny) {
            return Withholding.none("break-glass overrides " + withholding.rule() + " (icr.consent.break-glass-overrides-deny)");
        }
        return withholding;
    }

    /**
     * A look-up on the organ-donation register: only the specialist nurse for organ donation (in a donation
     * context, whatever the relationship) or the patient themselves. Audited either way; throws if denied.
     */
    public AccessDecision requireDonationLookup(NhsNumber patient, AuditAction what) {
        Caller caller = currentCaller.require();
        AccessDecision decision;
        if (caller.isPatient()) {
            decision = caller.self().equals(patient) ? AccessDecision.grant(Purpose.PATIENT_ACCESS, "patient viewing their own decision")
                    : AccessDecision.deny(Purpose.PATIENT_ACCESS, "patients may see their own decision only", false);
        } else {
            decision = caller.hasRole(StaffRole.ORGAN_DONATION_NURSE)
                    ? AccessDecision.grant(Purpose.ORGAN_DONATION, "specialist nurse for organ donation: donation look-up")
                    : AccessDecision.deny(Purpose.ORGAN_DONATION, "only the specialist nurse for organ donation may look up a decision",
                    false);
        }
        audit.record(caller, patient, Resource.ORGAN_DONATION, what, decision);
        if (!decision.granted()) {
            throw new AccessDeniedException(decision.reason(), false);
        }
        return decision;
    }

    /**
     * As {@link #require} for a write whose audit entry must share its transaction: a granted write is audited
     * in the caller's transaction (committed with the change, or not at all); a refusal in a transaction of its own.
     * {@code note}, if any, is added to the audit entry's reason (which version, say). Call it last before the
     * change: the audit chain stays locked until the transaction ends, so no audit entry of its own transaction
     * may follow in the same request.
     */
    public AccessDecision requireWriteAuditedWithChange(NhsNumber patient, Resource resource, AuditAction action, String note) {
        Caller caller = currentCaller.require();
        AccessDecision decision = decide(caller, patient, resource, action);
        if (!decision.granted()) {
            audit.record(caller, patient, resource, action, decision);
            throw new AccessDeniedException(decision.reason(), decision.breakGlassAvailable());
        }
        audit.recordWithin(caller, patient, resource, action, note == null ? decision : decision.noting(note));
        return decision;
    }

    /**
     * Refuses a write for a reason found before anything was written (a failed identity check, say): audited,
     * in a transaction of its own, as a denial. A caller who may not write at all is refused with 403 instead.
     */
    public void refuseWrite(NhsNumber patient, Resource resource, AuditAction action, String why) {
        Caller caller = currentCaller.require();
        AccessDecision decision = decide(caller, patient, resource, action);
        if (!decision.granted()) {
            audit.record(caller, patient, resource, action, decision);
            throw new AccessDeniedException(decision.reason(), decision.breakGlassAvailable());
        }
        audit.record(caller, patient, resource, action, AccessDecision.deny(decision.purpose(), why, false));
    }

    /** Roles that register new patients (front desk, GPs and hospital staff). */
    static final Set<StaffRole> REGISTRARS = EnumSet.of(StaffRole.GP, StaffRole.HOSPITAL_CLINICIAN, StaffRole.NURSE,
            StaffRole.ADMIN);

    /** Registration creates the record, so no relationship can exist yet: the role decides. Audited either way. */
    public void requireRegistration(NhsNumber patient) {
        Caller caller = currentCaller.require();
        AccessDecision decision = !caller.isPatient() && REGISTRARS.contains(caller.role())
                ? AccessDecision.grant(Purpose.ADMINISTRATION, "patient registration")
                : AccessDecision.deny(Purpose.ADMINISTRATION, "role may not register patients", false);
        audit.record(caller, patient, Resource.PATIENT, AuditAction.CREATE, decision);
        if (!decision.granted()) {
            throw new AccessDeniedException("Your role may not register patients", false);
        }
    }

    /** Records an access that concerns no single patient (a search) or that another rule has decided. */
    public void record(Caller caller, NhsNumber patient, Resource resource, AuditAction action, AccessDecision decision) {
        audit.record(caller, patient, resource, action, decision);
    }

    /** True when the caller has a legitimate relationship with the patient (no break-glass). */
    public boolean hasRelationship(Caller caller, NhsNumber patient) {
        return !caller.isPatient() && relationship(caller, patient);
    }

    AccessDecision decide(Caller caller, NhsNumber patient, Resource resource, AuditAction action) {
        if (caller.isPatient()) {
            boolean own = caller.self().equals(patient);
            if (own && !action.writes()) {
                return AccessDecision.grant(Purpose.PATIENT_ACCESS, "patient reading their own record");
            }
            return own && resource.writableByThePatient()
                    ? AccessDecision.grant(Purpose.PATIENT_ACCESS, "patient setting their own preference")
                    : AccessDecision.deny(Purpose.PATIENT_ACCESS, "patients may read their own record only", false);
        }
        StaffRole role = caller.role();
        if (role == StaffRole.PRIVACY_OFFICER) {
            return AccessDecision.deny(Purpose.PRIVACY_REVIEW, "privacy officers review access; they do not open records", false);
        }
        if (role == StaffRole.ORGAN_DONATION_NURSE) {
            return AccessDecision.deny(Purpose.ORGAN_DONATION,
                    "specialist nurses for organ donation look up donation decisions; they do not open records", false);
        }
        if (action.writes() && !resource.writableBy(role)) {
            return AccessDecision.deny(Purpose.DIRECT_CARE, role.label() + "s may not record " + resource.auditName()
                    + " entries", false);
        }
        Purpose purpose = role == StaffRole.ADMIN ? Purpose.ADMINISTRATION : Purpose.DIRECT_CARE;
        if (relationship(caller, patient)) {
            return AccessDecision.grant(purpose, "legitimate relationship");
        }
        if (role.mayBreakGlass() && breakGlass.activeFor(caller.username(), patient, clock.now()).isPresent()) {
            return new AccessDecision(Outcome.GRANTED_BY_BREAK_GLASS, Purpose.BREAK_GLASS, "active break-glass grant", false);
        }
        return AccessDecision.deny(purpose, "no legitimate relationship", role.mayBreakGlass());
    }

    private boolean relationship(Caller caller, NhsNumber patient) {
        return careRelationships.isRegisteredWith(patient, caller.organisation())
                || careRelationships.hasOpenEpisode(patient, caller.organisation())
                || socialCare.isCaredForBy(patient, caller.organisation())
                || (caller.hasRole(StaffRole.SOCIAL_WORKER) && socialCare.isOnCaseloadOf(patient, caller.username()));
    }
}

package uk.nhs.icr.access.service;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import uk.nhs.icr.access.BreakGlassGrants;
import uk.nhs.icr.access.CareRelationships;
import uk.nhs.icr.access.ProxyLink;
import uk.nhs.icr.access.ProxyLinks;
import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDecision.Outcome;
import uk.nhs.icr.access.service.AccessDecision.Purpose;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.audit.service.AuditLog;
import uk.nhs.icr.consent.ConsentDirective;
import uk.nhs.icr.consent.ConsentRepository;
import uk.nhs.icr.consent.Withholding;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Patient;
import uk.nhs.icr.patient.PatientRepository;
import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.socialcare.SocialCareRelationships;

/**
 * The one access decision point. Every {@link PatientDataAccess} method runs through {@link #around}: it
 * decides (role, legitimate relationship, break-glass grant, the patient's own record), records the decision
 * in the audit log whatever it is, applies the patient's consent to reads of their record, and refuses when
 * denied. Refusals never tell who is registered: staff get "no patient you may see" (404) both for a patient
 * they have no right to and for a number nobody has; a patient's token gets 403 for any number but their
 * own; a refusal by role alone is 403 whoever the patient.
 */
@Stateless
// decides inside the caller's transaction when there is one (a write), in none for a read; audit entries are
// written by AuditLog in a transaction of their own, or within the caller's
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AccessControl {

    /** Reads that rest on the care relationship: one granted read of a patient in a request covers the others. */
    static final Set<Resource> CARE_RECORD = EnumSet.of(Resource.PATIENT, Resource.SHARED_RECORD, Resource.CONSENT,
            Resource.DATA_OPT_OUT, Resource.HOSPITAL_PACK, Resource.INCIDENT);

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

    @Inject
    PatientRepository patients;

    @Inject
    PatientAccess patientAccess;

    @Inject
    ProxyLinks proxyLinks;

    @Inject
    UkClock clock;

    /** Whether a break-glass grant also lifts a patient's explicit deny; by default it does not. */
    @Inject
    @ConfigProperty(name = "icr.consent.break-glass-overrides-deny", defaultValue = "false")
    boolean breakGlassOverridesDeny;

    /** How long a hospital keeps its relationship with a patient after discharging them (letters, late results). */
    @Inject
    @ConfigProperty(name = "icr.discharge-access-period", defaultValue = "P28D")
    Duration dischargeAccessPeriod;

    /** How long before a planned visit its care worker may open the person's record (to read the care plan on the way). */
    @Inject
    @ConfigProperty(name = "icr.rota.access-before", defaultValue = "PT1H")
    Duration rotaAccessBefore;

    /** How long after a visit ends (check-out, or the planned end) its care worker may still open the record (late notes). */
    @Inject
    @ConfigProperty(name = "icr.rota.access-after", defaultValue = "PT1H")
    Duration rotaAccessAfter;

    /**
     * Decides, audits and runs {@code method} if granted. A read is audited before it runs (it was allowed,
     * whatever happens next); a write is audited in the write's own transaction when it succeeds, so the change
     * and its audit entry commit together or not at all, and as a denial (with its {@link AuditedRefusal}
     * reason, if it has one) when it fails.
     */
    @AccessDecidedInside("this is the access decision point")
    public Object around(NhsNumber patient, Resource resource, AuditAction action, Callable<Object> method) throws Exception {
        Caller caller = currentCaller.require();
        // one decision covers the care record's reads; the contact centre's and the privacy officer's cover one thing
        boolean careRead = !action.writes() && CARE_RECORD.contains(resource) && !caller.hasRole(StaffRole.CONTACT_CENTRE)
                && !caller.hasRole(StaffRole.PRIVACY_OFFICER);
        // a proxy's services are granted one by one (the record, the preferences): each kind of read is decided for them
        Optional<PatientAccess.Opened> opened = action.writes() ? Optional.empty()
                : patientAccess.readOf(patient, careRead && !caller.actsFor(patient) ? CARE_RECORD : Set.of(resource));
        if (opened.isPresent()) {
            return method.call();
        }
        AccessDecision decision = decide(caller, patient, resource, action);
        if (!decision.granted()) {
            audit.record(caller, patient, resource, action, decision);
            throw refusal(decision);
        }
        if (!action.writes()) {
            Withholding withholding = careRead ? withholding(caller, patient, decision) : Withholding.none("not the care record");
            PatientAccess.Opened read = new PatientAccess.Opened(decision, withholding);
            audit.record(caller, patient, resource, action, careRead ? decision.noting(withholding.rule()) : decision);
            patientAccess.opened(patient, resource, read);
            return method.call();
        }
        patientAccess.forget(patient);
        Object result;
        try {
            result = method.call();
        } catch (RuntimeException e) {
            patientAccess.takeNote();
            auditFailedWrite(caller, patient, resource, action, decision, e);
            throw e;
        }
        String note = patientAccess.takeNote();
        audit.recordWithin(caller, patient, resource, action, note == null ? decision : decision.noting(note));
        return result;
    }

    /**
     * A write that was allowed but failed wrote nothing, yet the answer may have told the caller something (the
     * patient's age band, an admission's state, that a number is registered): it goes on the log as denied, in
     * a transaction of its own.
     */
    private void auditFailedWrite(Caller caller, NhsNumber patient, Resource resource, AuditAction action, AccessDecision decision,
                                  RuntimeException failure) {
        String why = failure instanceof AuditedRefusal refused ? refused.auditReason()
                : "not recorded: " + failure.getClass().getSimpleName();
        audit.record(caller, patient, resource, action, AccessDecision.deny(decision.purpose(), why, false));
    }

    /**
     * What this member of staff may not see of the patient's care record, through a legitimate relationship: the
     * patient's directive and the sensitive categories not permitted to their role. A change to the directive by
     * someone from whom anything is withheld could let them in.
     */
    @AccessDecidedInside("part of the decision point: the consent service asks it before a staff change to the directive")
    public Withholding withholdingFromStaff(Caller caller, NhsNumber patient) {
        return withholding(caller, patient, AccessDecision.grant(Purpose.DIRECT_CARE, "legitimate relationship"));
    }

    private static RuntimeException refusal(AccessDecision decision) {
        return decision.patientHidden() ? new PatientNotFoundException(decision.breakGlassAvailable())
                : new AccessDeniedException(decision.reason(), decision.breakGlassAvailable());
    }

    /**
     * What this reader may not see of the care record: what the patient's directive denies them, and for staff
     * who are not clinicians the sensitive categories the patient has not permitted them; never safeguarding
     * concerns to the professionals with a safeguarding duty.
     */
    private Withholding withholding(Caller caller, NhsNumber patient, AccessDecision decision) {
        if (caller.isPatient()) {
            Withholding own = Withholding.patientsOwnView(clock.now());
            // a parent or carer does not read what the patient's own confidentiality covers; an attorney or deputy, acting
            // for an adult who cannot decide, reads what the patient would
            boolean legalAuthority = caller.actsFor(patient) && proxyLinks.standing(caller.self(), patient)
                    .map(link -> link.basis().legalAuthority()).orElse(false);
            return caller.actsFor(patient) && !legalAuthority
                    ? own.and(DataCategory.SENSITIVE, "sensitive categories are not shown to a parent or carer acting for the patient")
                    : own;
        }
        Instant now = clock.now();
        Optional<ConsentDirective> directive = consents.inForce(patient, ConsentDirective.Scope.TREATMENT, now);
        Withholding withholding = directive.map(d -> d.withholdingFor(caller.organisation(), caller.role(), now, UkClock.ZONE))
                .orElseGet(() -> Withholding.none("no consent directive: shared for direct care"));
        if (withholding.withholdsAnything() && decision.outcome() == Outcome.GRANTED_BY_BREAK_GLASS && breakGlassOverridesDeny) {
            withholding = Withholding.none("break-glass overrides " + withholding.rule() + " (icr.consent.break-glass-overrides-deny)");
        }
        if (decision.outcome() == Outcome.GRANTED_BY_BREAK_GLASS) {
            withholding = withholding.showingAlways(EMERGENCY_MINIMUM, "emergency minimum shown under break-glass: allergies and alerts");
        }
        if (!caller.role().isClinical()) {
            Set<DataCategory> notPermitted = DataCategory.SENSITIVE.stream()
                    .filter(category -> directive.filter(d -> d.permits(category, caller.organisation(), caller.role(), now,
                            UkClock.ZONE)).isEmpty())
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(DataCategory.class)));
            withholding = withholding.and(notPermitted, "sensitive categories not permitted to " + caller.role().label() + "s");
        }
        // a safeguarding duty comes with caring for the person; a clinician under break-glass gets the fact only
        if (caller.role().safeguards() && decision.outcome() != Outcome.GRANTED_BY_BREAK_GLASS) {
            withholding = withholding.except(DataCategory.SAFEGUARDING, "safeguarding concerns are never withheld from a "
                    + caller.role().label());
        }
        return withholding;
    }

    /**
     * Which of a person's care medicines (the MAR chart, the packs made from it) this reader may not see. The care staff who give
     * them (care workers, coordinators) see every one whatever its category (a hidden dose is a missed one) unless the person's
     * own directive denies them (hazard H-051); anyone else as the care record withholds it from them.
     */
    @AccessDecidedInside("part of the decision point: the MAR chart and the packs ask it after their own read was decided")
    public Withholding medicinesWithheldFrom(Caller caller, NhsNumber patient) {
        if (!caller.isPatient() && (caller.hasRole(StaffRole.CARE_WORKER) || caller.hasRole(StaffRole.CARE_COORDINATOR))) {
            Instant now = clock.now();
            return consents.inForce(patient, ConsentDirective.Scope.TREATMENT, now)
                    .map(d -> d.withholdingFor(caller.organisation(), caller.role(), now, UkClock.ZONE))
                    .orElseGet(() -> Withholding.none("no consent directive"));
        }
        return withholding(caller, patient, AccessDecision.grant(Purpose.DIRECT_CARE, "reading the care medicines"));
    }

    /** How long before a planned visit, and after it ends, its care worker may open the person's record. */
    public record RotaWindow(Duration before, Duration after) {
    }

    /** The care worker's access window around a visit: a visit is checked into within it too. */
    @AccessDecidedInside("reads no patient data: the window the decision applies")
    public RotaWindow careWorkerWindow() {
        return new RotaWindow(rotaAccessBefore, rotaAccessAfter);
    }

    /** The people whose records this member of staff may find through social care: caseload, their provider's care, their rota. */
    @AccessDecidedInside("part of the decision point: the patient search lists only whom the caller may open")
    public Set<NhsNumber> socialCarePeopleVisibleTo(Caller caller) {
        return caller.hasRole(StaffRole.CARE_WORKER)
                ? socialCare.peopleOnRota(caller.username(), caller.organisation(), clock.now(), rotaAccessBefore, rotaAccessAfter)
                : socialCare.peopleVisibleTo(caller.username(), caller.organisation());
    }

    /**
     * From this age people use the app for themselves (the NHS App is for 13 and over), their own sharing and opt-out
     * choices included; for a younger child a parent or guardian acts.
     */
    public static final int OWN_CHOICES_AGE = 13;

    /** What a clinician in an emergency always sees, whatever the directive says (with the fact of a safeguarding concern). */
    static final Set<EntryType> EMERGENCY_MINIMUM = EnumSet.of(EntryType.ALLERGY, EntryType.ALERT);

    /** An episode of care ended after this moment still counts as a relationship (the discharge access period). */
    public Instant episodesCountFrom() {
        return clock.now().minus(dischargeAccessPeriod);
    }

    /** True when the caller has a legitimate relationship with the patient, break-glass aside. */
    @AccessDecidedInside("part of the decision point: breaking the glass asks it before granting")
    public boolean hasRelationship(Caller caller, NhsNumber patient) {
        return !caller.isPatient() && relationship(caller, patient);
    }

    /** Roles that register new patients (front desk, GPs and hospital staff). */
    static final Set<StaffRole> REGISTRARS = EnumSet.of(StaffRole.GP, StaffRole.HOSPITAL_CLINICIAN, StaffRole.NURSE,
            StaffRole.ADMIN);

    /**
     * Registration creates the record, so no relationship can exist yet: the role decides. The entry says what
     * happened: granted with the new record (in its transaction), or denied, by role or because the
     * registration failed (a duplicate NHS number), in a transaction of its own.
     */
    @AccessDecidedInside("registration creates the record, so no relationship can exist yet: the role decides")
    public <T> T registering(NhsNumber patient, Supplier<T> registration) {
        Caller caller = currentCaller.require();
        Optional<ApiScope> missing = caller.lacksScopeFor(Resource.PATIENT, AuditAction.CREATE);
        AccessDecision decision = missing.isPresent()
                ? AccessDecision.deny(Purpose.ADMINISTRATION, "the client's token was not granted the "
                        + missing.get().claimValue() + " scope", false)
                : !caller.isPatient() && REGISTRARS.contains(caller.role())
                ? AccessDecision.grant(Purpose.ADMINISTRATION, "patient registration")
                : AccessDecision.deny(Purpose.ADMINISTRATION, "role may not register patients", false);
        if (!decision.granted()) {
            audit.record(caller, patient, Resource.PATIENT, AuditAction.CREATE, decision);
            throw new AccessDeniedException(missing.isPresent() ? "Your client's token was not granted the "
                    + missing.get().claimValue() + " scope" : "Your role may not register patients", false);
        }
        T registered;
        try {
            registered = registration.get();
        } catch (RuntimeException e) {
            auditFailedWrite(caller, patient, Resource.PATIENT, AuditAction.CREATE, decision, e);
            throw e;
        }
        audit.recordWithin(caller, patient, Resource.PATIENT, AuditAction.CREATE, decision);
        return registered;
    }

    /** Records an access that concerns no single patient (a search) or that a rule of its own has decided. */
    @AccessDecidedInside("records a decision another rule has taken; reads no patient data")
    public void record(Caller caller, NhsNumber patient, Resource resource, AuditAction action, AccessDecision decision) {
        audit.record(caller, patient, resource, action, decision);
    }

    AccessDecision decide(Caller caller, NhsNumber patient, Resource resource, AuditAction action) {
        Optional<ApiScope> missing = caller.lacksScopeFor(resource, action);
        if (missing.isPresent()) {
            return AccessDecision.deny(caller.isPatient() ? Purpose.PATIENT_ACCESS : Purpose.DIRECT_CARE,
                    "the client's token was not granted the " + missing.get().claimValue() + " scope", false);
        }
        if (caller.isPatient()) {
            return caller.self().equals(patient) ? ownRecord(patient, resource, action) : asProxy(caller, patient, resource, action);
        }
        if (resource == Resource.ORGAN_DONATION && !action.writes()) {
            return donationLookup(caller, patient);
        }
        if (resource == Resource.ACCESS_LOG) {
            return accessLogRead(caller, patient);
        }
        StaffRole role = caller.role();
        if (role.worksInResearchOnly()) {
            return AccessDecision.deny(Purpose.RESEARCH, role.label() + "s work in the trusted research environment only: they never open"
                    + " a patient's record", false);
        }
        if (role == StaffRole.PRIVACY_OFFICER) {
            return privacyReview(patient, resource);
        }
        if (role == StaffRole.CONTACT_CENTRE) {
            return contactCentre(patient, resource);
        }
        if (resource == Resource.DONATION_CIRCUMSTANCES && !resource.writableBy(role)) {
            return AccessDecision.deny(Purpose.DIRECT_CARE, "capacity and residence are for the clinicians caring for the person",
                    false);
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
            if (action.writes() && !resource.writableUnderBreakGlass()) {
                return AccessDecision.deny(Purpose.BREAK_GLASS, "break-glass grants emergency reading and clinical entries only, never "
                        + resource.auditName() + " changes", false);
            }
            return new AccessDecision(Outcome.GRANTED_BY_BREAK_GLASS, Purpose.BREAK_GLASS, "active break-glass grant", false, false);
        }
        // also what someone gets for an NHS number nobody is registered with: no relationship can exist
        return AccessDecision.hidden(purpose, "no legitimate relationship", role.mayBreakGlass());
    }

    /** Only the specialist nurse for organ donation (in a donation context, whatever the relationship) or the person. */
    private AccessDecision donationLookup(Caller caller, NhsNumber patient) {
        if (!caller.hasRole(StaffRole.ORGAN_DONATION_NURSE)) {
            return AccessDecision.deny(Purpose.ORGAN_DONATION, "only the specialist nurse for organ donation may look up a decision",
                    false);
        }
        return patients.exists(patient)
                ? AccessDecision.grant(Purpose.ORGAN_DONATION, "specialist nurse for organ donation: donation look-up")
                : AccessDecision.hidden(Purpose.ORGAN_DONATION, "no such patient", false);
    }

    /**
     * The national contact centre takes a patient's own opt-out choice by phone or post, for anyone registered,
     * with no care relationship; it opens nothing else.
     */
    private AccessDecision contactCentre(NhsNumber patient, Resource resource) {
        if (resource != Resource.DATA_OPT_OUT) {
            return AccessDecision.deny(Purpose.PATIENT_REQUEST, "contact centre advisers record patients' own opt-out choices;"
                    + " they do not open records", false);
        }
        return patients.exists(patient)
                ? AccessDecision.grant(Purpose.PATIENT_REQUEST, "contact centre: the patient's own choice by phone or post")
                : AccessDecision.hidden(Purpose.PATIENT_REQUEST, "no such patient", false);
    }

    /**
     * Privacy officers review access and consent: they read a patient's directive and mark a version entered in
     * error (the consent service holds them to that); they open nothing else.
     */
    private AccessDecision privacyReview(NhsNumber patient, Resource resource) {
        if (resource != Resource.CONSENT) {
            return AccessDecision.deny(Purpose.PRIVACY_REVIEW, "privacy officers review access and consent; they do not open records",
                    false);
        }
        return patients.exists(patient)
                ? AccessDecision.grant(Purpose.PRIVACY_REVIEW, "privacy officer reviewing the consent directive")
                : AccessDecision.hidden(Purpose.PRIVACY_REVIEW, "no such patient", false);
    }

    /** Who viewed a record: the patient themselves, or a privacy officer reviewing access. */
    private AccessDecision accessLogRead(Caller caller, NhsNumber patient) {
        if (!caller.hasRole(StaffRole.PRIVACY_OFFICER)) {
            return AccessDecision.deny(Purpose.PRIVACY_REVIEW, "only the patient and privacy officers see the access log", false);
        }
        return patients.exists(patient)
                ? AccessDecision.grant(Purpose.PRIVACY_REVIEW, "privacy officer reviewing access")
                : AccessDecision.hidden(Purpose.PRIVACY_REVIEW, "no such patient", false);
    }

    /**
     * The patient on their own record, from 13 (the app's age): they read all of it (what their own view leaves out aside)
     * and set their own preferences. Their own number is "no patient" (404) until they are registered.
     */
    private AccessDecision ownRecord(NhsNumber patient, Resource resource, AuditAction action) {
        Optional<Patient> registered = patients.findByNhsNumber(patient);
        if (registered.isEmpty()) {
            return AccessDecision.hidden(Purpose.PATIENT_ACCESS, "not registered", false);
        }
        if (registered.get().identity().ageOn(clock.today()) < OWN_CHOICES_AGE) {
            return AccessDecision.deny(Purpose.PATIENT_ACCESS, "the app is for people aged " + OWN_CHOICES_AGE
                    + " and over: a parent or guardian acts for a younger child", false);
        }
        if (!action.writes()) {
            return AccessDecision.grant(Purpose.PATIENT_ACCESS, switch (resource) {
                case ACCESS_LOG -> "patient viewing who accessed their record";
                case ORGAN_DONATION -> "patient viewing their own decision";
                default -> "patient reading their own record";
            });
        }
        if (!resource.writableByThePatient()) {
            return AccessDecision.deny(Purpose.PATIENT_ACCESS, "patients may read their own record only", false);
        }
        return AccessDecision.grant(Purpose.PATIENT_ACCESS, "patient setting their own preference");
    }

    /**
     * A patient's token on someone else's number: refused by its binding (403, the same for a number nobody has) unless the
     * practice recorded them as a proxy for that person, the link stands today (its dates, the 11th-birthday review, the
     * consent check from 16) and grants the service this kind of data belongs to. On the audit log as the proxy, acting for
     * the patient, with the link that let them in.
     */
    private AccessDecision asProxy(Caller caller, NhsNumber patient, Resource resource, AuditAction action) {
        Optional<ProxyLink> link = proxyLinks.standing(caller.self(), patient);
        Map<NhsNumber, Patient> people = link.isEmpty() ? Map.of() : patients.findAllByNhsNumber(Set.of(patient, caller.self())).stream()
                .collect(Collectors.toMap(Patient::nhsNumber, Function.identity()));
        Optional<Patient> registered = Optional.ofNullable(people.get(patient));
        if (registered.isEmpty()) {
            return AccessDecision.deny(Purpose.PATIENT_ACCESS, "patients may see their own record only, or the record of someone their"
                    + " GP practice has recorded them as acting for", false);
        }
        Optional<Patient> proxy = Optional.ofNullable(people.get(caller.self()));
        if (proxy.isEmpty() || proxy.get().identity().ageOn(clock.today()) < ProxyLink.CAPACITY_AGE) {
            return AccessDecision.deny(Purpose.PROXY_ACCESS, "someone acting for a patient in the app is registered and 16 or over",
                    false);
        }
        ProxyLink.Standing standing = link.get().standingOn(clock.today(), registered.get().identity().birthDate());
        if (!standing.active()) {
            return AccessDecision.deny(Purpose.PROXY_ACCESS, "your access for this person is not active: " + standing.why(), false);
        }
        Optional<ProxyLink.Service> service = resource.proxyService();
        if (service.isEmpty() || !link.get().grants(service.get())) {
            return AccessDecision.deny(Purpose.PROXY_ACCESS, "your access for this person does not include "
                    + service.map(ProxyLink.Service::label).orElse("this"), false);
        }
        if (action.writes() && !resource.writableByAProxy() && !setsTheirOptOut(link.get(), resource, registered.get())) {
            return AccessDecision.deny(Purpose.PROXY_ACCESS, resource == Resource.DATA_OPT_OUT
                    ? "a parent or guardian sets the opt-out for a child under " + OWN_CHOICES_AGE + ", and an attorney or deputy for"
                    + " an adult; otherwise the choice is this person's own"
                    : "this person's sharing choices and organ-donation decision are their own: they change them, or their GP"
                    + " practice records a change with them", false);
        }
        return AccessDecision.grant(Purpose.PROXY_ACCESS, "proxy acting for the patient: " + link.get().basis().label() + " (proxy link "
                + link.get().id() + ")");
    }

    /** The one preference a proxy changes in the app: the National Data Opt-out, for someone whose choice it is theirs to make. */
    private boolean setsTheirOptOut(ProxyLink link, Resource resource, Patient patient) {
        return resource == Resource.DATA_OPT_OUT && link.basis().setsDataOptOutAt(patient.identity().ageOn(clock.today()), OWN_CHOICES_AGE);
    }

    /**
     * A care worker's relationship is their rota: the people they visit, from an hour before a visit until an hour after it
     * ends (configurable), and the residents of the care home they work in; not everyone their agency cares for.
     */
    private boolean relationship(Caller caller, NhsNumber patient) {
        if (caller.hasRole(StaffRole.CARE_WORKER)) {
            return socialCare.isOnRotaOf(patient, caller.username(), clock.now(), rotaAccessBefore, rotaAccessAfter)
                    || socialCare.livesInCareHomeOf(patient, caller.organisation());
        }
        return careRelationships.isRegisteredWith(patient, caller.organisation())
                || careRelationships.hasCurrentEpisode(patient, caller.organisation(), episodesCountFrom(), clock.now())
                || socialCare.isCaredForBy(patient, caller.organisation())
                || (caller.hasRole(StaffRole.SOCIAL_WORKER) && socialCare.isOnCaseloadOf(patient, caller.username()));
    }
}

package uk.nhs.icr.access.service;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
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
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;

import uk.nhs.icr.access.ProxyLink;
import uk.nhs.icr.access.ProxyLink.Basis;
import uk.nhs.icr.access.ProxyLinks;
import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDecision.Purpose;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Patient;
import uk.nhs.icr.patient.PatientRepository;
import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.DatabaseFailures;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.validation.Items;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;

/**
 * Who may act for a patient in the app (NHS England's proxy-access guidance). The patient's GP practice records a link
 * (GP or administrator: who, on what basis and evidence, for which services, for how long); a GP confirms, seeing a
 * patient of 16 or over, that they consent freely, and decides whether a parent's access continues past the child's
 * 11th birthday; the practice can revoke any link, and a patient with capacity can revoke one acting for them. Whether a
 * link lets its proxy in is decided where every access is, in {@link AccessControl}.
 */
@Stateless
public class ProxyAccessService {

    private static final Logger LOG = Logger.getLogger(ProxyAccessService.class.getName());

    /** A proxy link as the practice records it. */
    public record NewProxyLink(@Required @Label("proxy's NHS number") NhsNumber proxyNhsNumber,
                               @Required @Text(max = 200) @Label("proxy's name") String proxyName,
                               @Required Basis basis,
                               @Required @Text(max = 500) String evidence,
                               @Required @Items(max = 4) List<ProxyLink.Service> services,
                               LocalDate startsOn,
                               LocalDate endsOn) {
    }

    /** Why a link is revoked, in words the proxy and the patient will read. */
    public record Revocation(@Required @Text(max = 500) String reason) {
    }

    /** A link as the practice, the patient and the proxy see it, with whether it lets the proxy in today and why not. */
    public record ProxyLinkView(long id, String patientNhsNumber, String proxyNhsNumber, String proxyName, String basis, String basisInWords,
                                String evidence, List<String> services, LocalDate startsOn, LocalDate endsOn,
                                String recordedBy, Instant recordedAt, String consentConfirmedBy, String continuedPastElevenBy,
                                boolean active, String standing, Instant revokedAt, String revokedBy, String revocationReason,
                                long version) implements Serializable {

        static ProxyLinkView of(ProxyLink link, ProxyLink.Standing standing) {
            return new ProxyLinkView(link.id(), link.patient().value(), link.proxy().value(), link.proxyName(), Codes.of(link.basis()),
                    link.basis().label(), link.evidence(), codes(link.services()), link.startsOn(), link.endsOn(), link.recordedByName(),
                    link.recordedAt(), link.consentConfirmedBy(), link.continuedPastElevenBy(), standing.active(), standing.why(),
                    link.revokedAt(), link.revokedBy(), link.revocationReason(), link.version());
        }
    }

    /**
     * Someone the caller of the app may act as: themselves, or a person they are a proxy for (name and age only while the
     * access stands: a suspended or ended link reads nothing of the person).
     */
    public record Profile(String nhsNumber, String name, Integer age, boolean self, String relationship, List<String> services,
                          boolean active, String standing) implements Serializable {
    }

    /** Services in the form clients send them (record, appointments, ...). */
    static List<String> codes(Set<ProxyLink.Service> services) {
        return services.stream().sorted().map(Codes::of).toList();
    }

    @Inject
    ProxyLinks links;

    @Inject
    PatientRepository patients;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PatientAccess patientAccess;

    @Inject
    AccessControl access;

    @Inject
    UkClock clock;

    @PatientDataAccess(resource = Resource.PROXY_ACCESS, action = AuditAction.CREATE)
    public ProxyLinkView record(NhsNumber patient, @Valid NewProxyLink link) {
        Caller caller = practiceStaff("proxy access is recorded by the patient's GP practice");
        Patient registered = ownPractice(caller, patient);
        LocalDate today = clock.today();
        LocalDate startsOn = link.startsOn() == null ? today : link.startsOn();
        if (link.endsOn() != null && (link.endsOn().isBefore(startsOn) || link.endsOn().isBefore(today))) {
            throw InvalidInputException.of("endsOn", "must be on or after the start, and not in the past");
        }
        if (link.services().isEmpty()) {
            throw InvalidInputException.of("services", "choose at least one: record, appointments, prescriptions, preferences");
        }
        if (link.proxyNhsNumber().equals(patient)) {
            throw InvalidInputException.of("proxyNhsNumber", "a patient does not act as their own proxy");
        }
        // the proxy signs in to the app as themselves: registered, 16 or over, and the person named (a mistyped number that
        // happens to be valid would otherwise hand the record to a stranger)
        Patient proxy = patients.findByNhsNumber(link.proxyNhsNumber()).orElseThrow(() -> InvalidInputException.of("proxyNhsNumber",
                "no one is registered with this NHS number: the proxy must be registered with a GP practice to use the app"));
        if (!namedAs(proxy, link.proxyName())) {
            throw InvalidInputException.of("proxyName", "the NHS number given is registered to someone of another name: check both");
        }
        if (proxy.identity().ageOn(today) < ProxyLink.CAPACITY_AGE) {
            throw InvalidInputException.of("proxyNhsNumber", "someone acting for a patient is 16 or over");
        }
        int age = registered.identity().ageOn(today);
        ProxyLink.basisRefusedAtAge(link.basis(), age).ifPresent(why -> {
            throw InvalidInputException.of("basis", why);
        });
        if (links.standing(link.proxyNhsNumber(), patient).isPresent()) {
            throw new ProxyAlreadyLinkedException();
        }
        ProxyLink recorded = new ProxyLink(patient, link.proxyNhsNumber(), name(proxy), link.basis(), link.evidence().strip(),
                EnumSet.copyOf(link.services()), startsOn, link.endsOn(), caller.organisation(), caller.username(), caller.displayName(),
                clock.now());
        try {
            links.add(recorded);
        } catch (PersistenceException e) {
            if (DatabaseFailures.isUniqueViolation(e)) {
                throw new ProxyAlreadyLinkedException();
            }
            throw e;
        }
        patientAccess.note("proxy link " + recorded.id() + " (" + recorded.basis() + ")");
        LOG.info(() -> "Recorded proxy link " + recorded.id());
        return view(recorded, registered);
    }

    /** Everyone recorded as able to act for the patient, revoked links too: for the practice, and for the patient. */
    @PatientDataAccess(resource = Resource.PROXY_ACCESS, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ProxyLinkView> forPatient(NhsNumber patient) {
        Patient registered = patients.findByNhsNumber(patient).orElseThrow(PatientNotFoundException::new);
        return links.forPatient(patient).stream().map(link -> view(link, registered)).toList();
    }

    /** A GP, having seen the patient (16 or over) alone, confirms they consent to this proxy freely. */
    @PatientDataAccess(resource = Resource.PROXY_ACCESS, action = AuditAction.WRITE)
    public ProxyLinkView confirmConsent(NhsNumber patient, long linkId) {
        Caller caller = gp("a GP confirms, seeing the patient, that they consent freely");
        Patient registered = ownPractice(caller, patient);
        if (registered.identity().ageOn(clock.today()) < ProxyLink.CAPACITY_AGE) {
            throw InvalidInputException.of("linkId", "a child under 16 is not asked: their parent acts with parental responsibility");
        }
        ProxyLink link = standingLink(patient, linkId);
        link.confirmConsent(caller.displayName(), clock.now());
        patientAccess.note("proxy link " + linkId + ": consent confirmed");
        return changed(link, registered);
    }

    /** The child's GP decides that a parent's access continues past the child's 11th birthday. */
    @PatientDataAccess(resource = Resource.PROXY_ACCESS, action = AuditAction.WRITE)
    public ProxyLinkView continuePastEleven(NhsNumber patient, long linkId) {
        Caller caller = gp("a GP decides whether a parent's access continues past the child's 11th birthday");
        Patient registered = ownPractice(caller, patient);
        ProxyLink link = standingLink(patient, linkId);
        if (link.basis() != Basis.PARENTAL_RESPONSIBILITY) {
            throw InvalidInputException.of("linkId", "only a parent's or guardian's access is reviewed at 11");
        }
        LocalDate born = registered.identity().birthDate();
        if (clock.today().isBefore(born.plusYears(ProxyLink.REVIEW_AGE))) {
            throw InvalidInputException.of("linkId", "a parent's access is reviewed at the child's 11th birthday, not before: it stands"
                    + " until then");
        }
        link.continuePastEleven(caller.displayName(), clock.now(), born);
        patientAccess.note("proxy link " + linkId + ": continues past 11");
        return changed(link, registered);
    }

    /**
     * Ends a link: the practice any, the patient (from 16, presumed to have capacity; an adult whose attorney or deputy acts
     * is asked through the practice) one acting for them.
     */
    @PatientDataAccess(resource = Resource.PROXY_ACCESS, action = AuditAction.WRITE)
    public ProxyLinkView revoke(NhsNumber patient, long linkId, @Valid Revocation revocation) {
        Caller caller = currentCaller.require();
        Patient registered = patients.findByNhsNumber(patient).orElseThrow(PatientNotFoundException::new);
        ProxyLink link = standingLink(patient, linkId);
        if (caller.isPatient()) {
            if (registered.identity().ageOn(clock.today()) < ProxyLink.CAPACITY_AGE || link.basis().legalAuthority()) {
                throw new AccessDeniedException("Ask your GP practice to end this access: under 16, or where an attorney or deputy acts"
                        + " for you, the practice decides", false);
            }
            link.revoke("the patient", revocation.reason().strip(), clock.now());
        } else {
            ownPractice(practiceStaff("proxy access is ended by the patient's GP practice"), patient);
            link.revoke(caller.displayName(), revocation.reason().strip(), clock.now());
        }
        patientAccess.note("proxy link " + linkId + " revoked");
        LOG.info(() -> "Revoked proxy link " + linkId);
        return changed(link, registered);
    }

    /**
     * The caller of the app and the people they may act for, each with the services granted and whether the link stands
     * today. Each person shown besides the caller is on their own audit log: their name and age were read.
     */
    @AccessDecidedInside("lists the caller's own proxy links; each person shown is audited as read by their proxy")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Profile> profiles() {
        Caller caller = currentCaller.require();
        if (!caller.isPatient()) {
            throw new AccessDeniedException("Profiles are for patients and the people acting for them", false);
        }
        LocalDate today = clock.today();
        List<ProxyLink> acting = links.actingFor(caller.self());
        Map<NhsNumber, Patient> people = patients.findAllByNhsNumber(acting.stream().map(ProxyLink::patient).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Patient::nhsNumber, Function.identity()));
        Optional<Patient> me = patients.findByNhsNumber(caller.self());
        List<Profile> profiles = new ArrayList<>();
        me.ifPresent(self -> profiles.add(new Profile(self.nhsNumber().value(), name(self), self.identity().ageOn(today), true, "you",
                codes(EnumSet.allOf(ProxyLink.Service.class)), self.identity().ageOn(today) >= AccessControl.OWN_CHOICES_AGE,
                self.identity().ageOn(today) >= AccessControl.OWN_CHOICES_AGE ? "active" : "the app is for people aged 13 and over")));
        for (ProxyLink link : acting) {
            Patient person = people.get(link.patient());
            if (person == null) {
                continue;
            }
            ProxyLink.Standing standing = link.standingOn(today, person.identity().birthDate());
            if (!standing.active()) {
                // nothing of the person is shown while the access does not stand: the number and why, as the link says
                profiles.add(new Profile(link.patient().value(), null, null, false, link.basis().label(), codes(link.services()), false,
                        standing.why()));
                continue;
            }
            // a handful of people at most (one's children, a parent): an audit entry for each whose name and age are shown
            access.record(caller, link.patient(), Resource.PATIENT, AuditAction.READ, AccessDecision.grant(Purpose.PROXY_ACCESS,
                    "listed among the people their proxy acts for (proxy link " + link.id() + ")"));
            profiles.add(new Profile(link.patient().value(), name(person), person.identity().ageOn(today), false, link.basis().label(),
                    codes(link.services()), true, standing.why()));
        }
        return profiles;
    }

    private static String name(Patient patient) {
        return patient.identity().givenName() + " " + patient.identity().familyName();
    }

    /** Whether the name the practice typed is this person's: their family name is in it, whatever the case. */
    private static boolean namedAs(Patient person, String typed) {
        return typed.toLowerCase(Locale.UK).contains(person.identity().familyName().strip().toLowerCase(Locale.UK));
    }

    /** The link as a change left it, with the version the change made. */
    private ProxyLinkView changed(ProxyLink link, Patient patient) {
        links.writeNow();
        return view(link, patient);
    }

    private ProxyLinkView view(ProxyLink link, Patient patient) {
        return ProxyLinkView.of(link, link.standingOn(clock.today(), patient.identity().birthDate()));
    }

    private ProxyLink standingLink(NhsNumber patient, long linkId) {
        ProxyLink link = links.findForChange(patient, linkId).orElseThrow(ProxyLinkNotFoundException::new);
        if (link.revoked()) {
            throw new ProxyLinkRevokedException();
        }
        return link;
    }

    private Caller practiceStaff(String refusal) {
        Caller caller = currentCaller.require();
        if (caller.isPatient() || !(caller.hasRole(StaffRole.GP) || caller.hasRole(StaffRole.ADMIN))) {
            throw new AccessDeniedException(refusal, false);
        }
        return caller;
    }

    private Caller gp(String refusal) {
        Caller caller = currentCaller.require();
        if (!caller.hasRole(StaffRole.GP)) {
            throw new AccessDeniedException(refusal, false);
        }
        return caller;
    }

    /** The patient, if registered with the caller's own practice: a practice records proxies for its own patients. */
    private Patient ownPractice(Caller caller, NhsNumber patient) {
        Patient registered = patients.findByNhsNumber(patient).orElseThrow(PatientNotFoundException::new);
        if (!registered.gpPractice().equals(caller.organisation())) {
            throw new AccessDeniedException("Proxy access is recorded and reviewed by the patient's own GP practice", false);
        }
        return registered;
    }

    /** A standing link between the same two people exists: end it first. */
    public static class ProxyAlreadyLinkedException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public ProxyAlreadyLinkedException() {
            super("This person is already recorded as able to act for the patient; revoke that link first to record another");
        }
    }

    public static class ProxyLinkNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public ProxyLinkNotFoundException() {
            super("This patient has no proxy link with that id");
        }
    }

    public static class ProxyLinkRevokedException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public ProxyLinkRevokedException() {
            super("This proxy link was revoked; record a new one if access should start again");
        }
    }
}

package uk.nhs.icr.consent.service;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;

import uk.nhs.icr.access.ProxyLink;
import uk.nhs.icr.access.ProxyLinks;
import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.consent.ConsentRepository;
import uk.nhs.icr.consent.DataOptOut;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Patient;
import uk.nhs.icr.patient.PatientIdentity;
import uk.nhs.icr.patient.PatientRepository;
import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.RecordedBy;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.VersionedDecision;
import uk.nhs.icr.platform.service.DecisionVersions;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.Precondition;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;

/**
 * The National Data Opt-out: whether a patient's confidential information may be used for research and
 * planning. Direct care never looks at it. It is the patient's: they set it themselves (online, or by phone or
 * post through the contact centre, which records it as theirs); a parent or guardian sets it for a child under
 * {@link AccessControl#OWN_CHOICES_AGE}; an attorney (health-and-welfare lasting power of attorney) or a court
 * deputy for an adult, at the practice or in the app as the patient's recorded proxy. Staff record those choices; they
 * never make or override one.
 */
@Stateless
public class DataOptOutService {

    /** Whose choice a version records, in the opt-out API's words ({@code staff} only in old versions). */
    public enum SetBy {
        SELF(RecordedBy.PATIENT), PROXY(RecordedBy.PROXY), ATTORNEY(RecordedBy.ATTORNEY), STAFF(RecordedBy.STAFF);

        private final RecordedBy recordedBy;

        SetBy(RecordedBy recordedBy) {
            this.recordedBy = recordedBy;
        }

        static SetBy of(RecordedBy by) {
            return Arrays.stream(values()).filter(word -> word.recordedBy == by).findFirst().orElseThrow();
        }
    }

    /** The authority under which someone decides for an adult who cannot. */
    public enum Authority { LASTING_POWER_OF_ATTORNEY, COURT_DEPUTY }

    /**
     * A new choice: opted out or not; whose choice it is (staff say: self, proxy or attorney; a patient's own
     * token is always self); the proxy's or attorney's name; the authority an attorney holds; the channel it came
     * by (staff: phone or post for the patient's own, in person by default for a proxy or attorney).
     */
    public record OptOutChoice(@Required @Label("opted out") Boolean optedOut,
                               SetBy setBy,
                               @Text(max = 200) String proxyName,
                               Authority authority,
                               DataOptOut.Channel channel) {
    }

    /** The current choice (version 0: never set, so not opted out). */
    public record OptOutView(boolean optedOut, int version, String setBy, String setByName, String channel, Instant recordedAt)
            implements Serializable {

        static OptOutView of(DataOptOut choice) {
            return new OptOutView(choice.optedOut(), choice.version(), Codes.of(SetBy.of(choice.recordedBy())),
                    choice.recordedByName(), choice.channel().map(Codes::of).orElse(null), choice.recordedAt());
        }

        static OptOutView neverSet() {
            return new OptOutView(false, 0, null, null, null, null);
        }
    }

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PatientRepository patients;

    @Inject
    ConsentRepository consents;

    @Inject
    ProxyLinks proxyLinks;

    @Inject
    UkClock clock;

    @PatientDataAccess(resource = Resource.DATA_OPT_OUT, action = AuditAction.READ)
    public OptOutView current(NhsNumber patient) {
        return consents.currentOptOut(patient).map(OptOutView::of).orElseGet(OptOutView::neverSet);
    }

    @PatientDataAccess(resource = Resource.DATA_OPT_OUT, action = AuditAction.READ)
    public List<OptOutView> history(NhsNumber patient) {
        return consents.optOutHistory(patient).stream().map(OptOutView::of).toList();
    }

    @PatientDataAccess(resource = Resource.DATA_OPT_OUT, action = AuditAction.WRITE)
    public OptOutView set(NhsNumber number, @Valid OptOutChoice choice, Precondition precondition) {
        Caller caller = currentCaller.require();
        if (caller.actsFor(number)) {
            return setAsProxy(number, choice, precondition, caller);
        }
        SetBy setBy = caller.isPatient() ? SetBy.SELF : choice.setBy();
        DataOptOut.Channel channel = caller.isPatient() ? DataOptOut.Channel.ONLINE : staffChannel(setBy, choice.channel());
        if (!caller.isPatient()) {
            requireOnesOwnChoice(caller, setBy, channel, choice);
        }
        // the access decision came first (the interceptor): the age rules tell the caller the patient's age band
        Patient patient = patients.findByNhsNumber(number).orElseThrow(PatientNotFoundException::new);
        int age = patient.identity().ageOn(clock.today());
        if (setBy == SetBy.PROXY && age >= AccessControl.OWN_CHOICES_AGE) {
            throw InvalidInputException.of("setBy", "a proxy may set the opt-out only for a child under " + AccessControl.OWN_CHOICES_AGE);
        }
        if (setBy == SetBy.ATTORNEY && age < PatientIdentity.ADULT_AGE) {
            throw InvalidInputException.of("setBy", "an attorney or deputy acts for an adult; for a child under "
                    + AccessControl.OWN_CHOICES_AGE + " a parent or guardian sets it (proxy)");
        }
        if (setBy == SetBy.SELF && age < AccessControl.OWN_CHOICES_AGE) {
            throw InvalidInputException.of("setBy", "under " + AccessControl.OWN_CHOICES_AGE + " a parent or guardian sets it (proxy)");
        }
        return append(number, choice.optedOut(), channel, new VersionedDecision.Recorder(setBy.recordedBy,
                recordedByName(caller, setBy, channel, choice), caller.username()), precondition);
    }

    /**
     * Someone acting for the patient in the app, whom the access decision let change it (a parent for a child under
     * {@link AccessControl#OWN_CHOICES_AGE}, an attorney or deputy for an adult): the choice is on record as theirs, by the
     * name and authority the practice recorded for them.
     */
    private OptOutView setAsProxy(NhsNumber number, OptOutChoice choice, Precondition precondition, Caller caller) {
        ProxyLink link = proxyLinks.standing(caller.self(), number)
                .orElseThrow(() -> new IllegalStateException("the access decision let in a proxy without a link"));
        String name = link.proxyName() + " (" + link.basis().label() + ", in the app)";
        RecordedBy by = link.basis().legalAuthority() ? RecordedBy.ATTORNEY : RecordedBy.PROXY;
        return append(number, choice.optedOut(), DataOptOut.Channel.ONLINE, new VersionedDecision.Recorder(by, name, caller.username()),
                precondition);
    }

    private OptOutView append(NhsNumber number, boolean optedOut, DataOptOut.Channel channel, VersionedDecision.Recorder recorder,
                              Precondition precondition) {
        DataOptOut recorded = DecisionVersions.appendAfter(consents.currentOptOut(number), precondition,
                version -> new DataOptOut(number, version, optedOut, channel, recorder, clock.now()), consents::add,
                "the opt-out choice");
        return OptOutView.of(recorded);
    }

    /** Staff record someone's choice, never their own: whose, and how it came, must be said. */
    private static void requireOnesOwnChoice(Caller caller, SetBy setBy, DataOptOut.Channel channel, OptOutChoice choice) {
        FieldErrors errors = new FieldErrors();
        if (setBy == null || setBy == SetBy.STAFF) {
            errors.add("setBy", "staff never decide a patient's opt-out: record whose choice it is, self (the patient's own, by"
                    + " phone or post), proxy (a parent's or guardian's, for a child under " + AccessControl.OWN_CHOICES_AGE
                    + ") or attorney (for an adult)");
        } else if (setBy == SetBy.SELF && !caller.hasRole(StaffRole.CONTACT_CENTRE)) {
            errors.add("setBy", "the patient sets their own opt-out online, or by phone or post through the NHS contact centre");
        } else if (setBy == SetBy.SELF && channel != DataOptOut.Channel.PHONE && channel != DataOptOut.Channel.POST) {
            errors.add("channel", "a patient's own choice recorded for them came by phone or post");
        }
        if ((setBy == SetBy.PROXY || setBy == SetBy.ATTORNEY) && choice.proxyName() == null) {
            errors.add("proxyName", setBy == SetBy.PROXY ? "name the parent or guardian making the choice"
                    : "name the attorney or deputy making the choice");
        }
        if (setBy == SetBy.ATTORNEY && choice.authority() == null) {
            errors.add("authority", "say under which authority they decide: lasting-power-of-attorney or court-deputy");
        }
        if (channel == DataOptOut.Channel.ONLINE && setBy != SetBy.SELF) {
            errors.add("channel", "online is the patient's own app; staff record phone, post or in person");
        }
        errors.throwIfAny();
    }

    /** In person unless said otherwise, for a proxy or attorney at the desk; the patient's own choice says its channel. */
    private static DataOptOut.Channel staffChannel(SetBy setBy, DataOptOut.Channel given) {
        return given != null || setBy == SetBy.SELF ? given : DataOptOut.Channel.IN_PERSON;
    }

    private static String recordedByName(Caller caller, SetBy setBy, DataOptOut.Channel channel, OptOutChoice choice) {
        if (caller.isPatient()) {
            return caller.displayName();
        }
        String recorder = "recorded by " + caller.displayName();
        return switch (setBy) {
            case SELF -> "the patient, by " + Codes.phrase(channel) + " (" + recorder + ")";
            case PROXY -> choice.proxyName() + " (proxy, " + recorder + ")";
            case ATTORNEY -> choice.proxyName() + " (" + Codes.phrase(choice.authority()) + ", " + recorder + ")";
            case STAFF -> throw new IllegalStateException("staff do not decide the opt-out");
        };
    }
}

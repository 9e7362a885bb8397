package uk.nhs.icr.consent.service;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

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
import uk.nhs.icr.patient.PatientRepository;
import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.platform.RecordedBy;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.VersionedDecision;
import uk.nhs.icr.platform.service.DecisionVersions;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.Fields;

/**
 * The National Data Opt-out: whether a patient's confidential information may be used for research and
 * planning. Direct care never looks at it. The patient sets it; staff may record it for them, or for the
 * proxy (a parent) of a child under {@link AccessControl#OWN_CHOICES_AGE}.
 */
@Stateless
public class DataOptOutService {

    private static final String SELF = "self";

    /** As typed: optedOut (true/false), setBy (self for the patient; staff or proxy for staff), proxyName for a proxy. */
    public record OptOutForm(String optedOut, String setBy, String proxyName) {
    }

    /** The current choice (version 0: never set, so not opted out). */
    public record OptOutView(boolean optedOut, int version, String setBy, String setByName, Instant recordedAt) implements Serializable {

        static OptOutView of(DataOptOut choice) {
            return new OptOutView(choice.optedOut(), choice.version(), setByWord(choice.recordedBy()), choice.recordedByName(),
                    choice.recordedAt());
        }

        static OptOutView neverSet() {
            return new OptOutView(false, 0, null, null, null);
        }
    }

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PatientRepository patients;

    @Inject
    ConsentRepository consents;

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
    public OptOutView set(NhsNumber number, OptOutForm form) {
        Caller caller = currentCaller.require();
        OptOutForm f = form == null ? new OptOutForm(null, null, null) : form;
        FieldErrors errors = new FieldErrors();
        Boolean optedOut = errors.parse("optedOut", f.optedOut(), Fields.yesNo("opted out", true));
        RecordedBy setBy = caller.isPatient() ? RecordedBy.PATIENT : errors.parse("setBy", f.setBy(), DataOptOutService::setBy);
        String proxyName = errors.parse("proxyName", f.proxyName(), Fields.optionalText("proxy name", 200));
        if (setBy == RecordedBy.PATIENT && !caller.isPatient()) {
            errors.add("setBy", "staff record the choice as staff, or for a proxy");
        }
        if (setBy == RecordedBy.PROXY && proxyName == null) {
            errors.add("proxyName", "name the parent or guardian making the choice");
        }
        errors.throwIfAny();
        // the access decision came first (the interceptor): the proxy rule tells the caller the patient's age band
        Patient patient = patients.findByNhsNumber(number).orElseThrow(PatientNotFoundException::new);
        if (setBy == RecordedBy.PROXY && patient.identity().ageOn(clock.today()) >= AccessControl.OWN_CHOICES_AGE) {
            errors.add("setBy", "a proxy may set the opt-out only for a child under " + AccessControl.OWN_CHOICES_AGE);
            errors.throwIfAny();
        }
        String recordedByName = setBy == RecordedBy.PROXY ? proxyName + " (proxy, recorded by " + caller.displayName() + ")"
                : caller.displayName();
        DataOptOut choice = DecisionVersions.append(new DataOptOut(number, VersionedDecision.nextVersion(consents.currentOptOut(number)),
                optedOut, new VersionedDecision.Recorder(setBy, recordedByName, caller.username()), clock.now()), consents::add,
                "the opt-out choice");
        return OptOutView.of(choice);
    }

    /** The opt-out API's words for who set it: "self" (the patient), "staff" or "proxy". */
    static String setByWord(RecordedBy by) {
        return by == RecordedBy.PATIENT ? SELF : Codes.phrase(by);
    }

    private static RecordedBy setBy(String value) {
        if (value == null || value.isBlank()) {
            return RecordedBy.STAFF;
        }
        String word = value.strip().toLowerCase(Locale.ROOT);
        if (word.equals(SELF)) {
            return RecordedBy.PATIENT;
        }
        if (word.equals("staff") || word.equals("proxy")) {
            return RecordedBy.valueOf(word.toUpperCase(Locale.ROOT));
        }
        throw new InvalidValueException("set by must be one of self, staff, proxy");
    }
}

package uk.nhs.icr.consent.service;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;

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
import uk.nhs.icr.platform.RecordedBy;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.VersionedDecision;
import uk.nhs.icr.platform.service.DecisionVersions;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;

/**
 * The National Data Opt-out: whether a patient's confidential information may be used for research and
 * planning. Direct care never looks at it. The patient sets it; staff may record it for them, or for the
 * proxy (a parent) of a child under {@link AccessControl#OWN_CHOICES_AGE}.
 */
@Stateless
public class DataOptOutService {

    /** Who sets the choice, in the opt-out API's words: the patient themselves, staff, or staff for a proxy. */
    public enum SetBy {
        SELF(RecordedBy.PATIENT), STAFF(RecordedBy.STAFF), PROXY(RecordedBy.PROXY);

        private final RecordedBy recordedBy;

        SetBy(RecordedBy recordedBy) {
            this.recordedBy = recordedBy;
        }

        static SetBy of(RecordedBy by) {
            return Arrays.stream(values()).filter(word -> word.recordedBy == by).findFirst().orElseThrow();
        }
    }

    /** A new choice: opted out or not; who sets it (staff when absent; a patient's own is always self); the proxy's name. */
    public record OptOutChoice(@Required @Label("opted out") Boolean optedOut,
                               SetBy setBy,
                               @Text(max = 200) String proxyName) {
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
    public OptOutView set(NhsNumber number, @Valid OptOutChoice choice) {
        Caller caller = currentCaller.require();
        SetBy setBy = caller.isPatient() ? SetBy.SELF : choice.setBy() == null ? SetBy.STAFF : choice.setBy();
        if (setBy == SetBy.SELF && !caller.isPatient()) {
            throw InvalidInputException.of("setBy", "staff record the choice as staff, or for a proxy");
        }
        if (setBy == SetBy.PROXY && choice.proxyName() == null) {
            throw InvalidInputException.of("proxyName", "name the parent or guardian making the choice");
        }
        // the access decision came first (the interceptor): the proxy rule tells the caller the patient's age band
        Patient patient = patients.findByNhsNumber(number).orElseThrow(PatientNotFoundException::new);
        if (setBy == SetBy.PROXY && patient.identity().ageOn(clock.today()) >= AccessControl.OWN_CHOICES_AGE) {
            throw InvalidInputException.of("setBy", "a proxy may set the opt-out only for a child under " + AccessControl.OWN_CHOICES_AGE);
        }
        String recordedByName = setBy == SetBy.PROXY ? choice.proxyName() + " (proxy, recorded by " + caller.displayName() + ")"
                : caller.displayName();
        DataOptOut recorded = DecisionVersions.append(new DataOptOut(number, VersionedDecision.nextVersion(consents.currentOptOut(number)),
                choice.optedOut(), new VersionedDecision.Recorder(setBy.recordedBy, recordedByName, caller.username()), clock.now()),
                consents::add, "the opt-out choice");
        return OptOutView.of(recorded);
    }

    /** The opt-out API's words for who set it: "self" (the patient), "staff" or "proxy". */
    static String setByWord(RecordedBy by) {
        return Codes.of(SetBy.of(by));
    }
}

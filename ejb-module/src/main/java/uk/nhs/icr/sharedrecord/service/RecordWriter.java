package uk.nhs.icr.sharedrecord.service;

import java.time.LocalDate;

import uk.nhs.icr.platform.UkClock;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.patient.PatientRepository;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.Fields;
import uk.nhs.icr.sharedrecord.EntryAuthor;
import uk.nhs.icr.audit.AuditAction;

/**
 * The steps every write to either record takes, in order: a signed-in caller, a well-formed form (all bad
 * fields reported at once), a registered patient, then the access decision for that kind of entry. The
 * caller becomes the entry's author.
 */
@ApplicationScoped
public class RecordWriter {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PatientRepository patients;

    @Inject
    AccessControl access;

    @Inject

    UkClock clock;

    /** Parses the NHS number into {@code errors}; call {@link #authorise} after the form's other fields. */
    public NhsNumber patient(String nhsNumber, FieldErrors errors) {
        currentCaller.require();
        return errors.parse("nhsNumber", nhsNumber, NhsNumber::parse);
    }

    /** Throws the collected field errors, then checks the patient exists and the caller may write this kind. */
    public EntryAuthor authorise(NhsNumber patient, Resource resource, FieldErrors errors) {
        errors.throwIfAny();
        if (!patients.exists(patient)) {
            throw new PatientNotFoundException();
        }
        access.require(patient, resource, AuditAction.WRITE);
        Caller caller = currentCaller.require();
        return new EntryAuthor(caller.username(), caller.displayName(), caller.organisation());
    }

    public Instant now() {
        return clock.now();
    }

    /** A plan's review date (field {@code reviewDate}): required, and today or later in England. */
    public LocalDate reviewDate(String typed, FieldErrors errors) {
        LocalDate review = errors.parse("reviewDate", typed, Fields.date("review date", true));
        if (review != null && review.isBefore(clock.today())) {
            errors.add("reviewDate", "review date cannot be in the past");
            return null;
        }
        return review;
    }
}

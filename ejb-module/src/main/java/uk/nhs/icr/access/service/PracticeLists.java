package uk.nhs.icr.access.service;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import uk.nhs.icr.access.service.AccessDecision.Purpose;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.Patient;
import uk.nhs.icr.patient.PatientRepository;

/**
 * The patients a practice's (or a trust's) list shows (its queue of results to review, of repeat requests, its day list, its
 * longest waits): their names in
 * one query, and each patient shown on their own audit log as read, by the list's name. Which rows a list holds is the
 * list's own rule (the practice's registered patients); this records what it showed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PracticeLists {

    /** The lists a practice keeps, by the name their reads go on the audit log under. */
    public enum PracticeList {
        RESULTS_TO_REVIEW("the practice's results-to-review queue"),
        REPEAT_REQUESTS("the practice's repeat-request queue"),
        DAY_LIST("the practice's appointment day list"),
        LONGEST_WAITS("the longest waits on the waiting-times dashboard"),
        WARD_LIST("the ward list of the ward the patient is on");

        private final String auditReason;

        PracticeList(String auditReason) {
            this.auditReason = auditReason;
        }
    }

    @Inject
    PatientRepository patients;

    @Inject
    AccessControl access;

    /** The names ("Given Family") of the patients shown, by NHS number; each audited as read of {@code resource}. */
    @AccessDecidedInside("records the reads a practice's list makes; the list's own rule decided who is on it")
    public Map<NhsNumber, String> namesShown(Caller caller, Collection<NhsNumber> shown, Resource resource, Purpose purpose,
                                             PracticeList list) {
        Map<NhsNumber, String> names = patients.findAllByNhsNumber(Set.copyOf(shown)).stream().collect(Collectors.toMap(Patient::nhsNumber,
                patient -> patient.identity().givenName() + " " + patient.identity().familyName()));
        names.keySet().forEach(patient -> access.record(caller, patient, resource, AuditAction.READ, AccessDecision.grant(purpose, list.auditReason)));
        return names;
    }
}

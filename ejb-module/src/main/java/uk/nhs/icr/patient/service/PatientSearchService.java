package uk.nhs.icr.patient.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import uk.nhs.icr.access.StaffDirectory;
import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.AccessDecision;
import uk.nhs.icr.access.service.AccessDecision.Purpose;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.PatientRepository;
import uk.nhs.icr.patient.PatientSearchCriteria;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.PageRequest;

/**
 * Finds registered patients: one by NHS number (through the access decision point), or a page of those
 * the caller may see by name and date of birth.
 */
@Stateless
public class PatientSearchService {

    @Inject
    PatientRepository patients;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AccessControl access;

    @Inject
    UkClock clock;

    @Inject
    StaffDirectory directory;

    @PatientDataAccess(resource = Resource.PATIENT, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public PatientDemographics find(NhsNumber number) {
        return patients.findByNhsNumber(number).map(PatientDemographics::of).orElseThrow(PatientNotFoundException::new);
    }

    /**
     * Name parts each match the start of a given or family name; a search needs a name, a date of birth
     * or both, so that nobody can list the whole register.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<PatientDemographics> search(PatientSearchQuery query) {
        Caller caller = currentCaller.require();
        if (caller.isPatient() || caller.hasRole(StaffRole.PRIVACY_OFFICER) || caller.hasRole(StaffRole.ORGAN_DONATION_NURSE)) {
            access.record(caller, null, Resource.PATIENT_SEARCH, AuditAction.SEARCH,
                    AccessDecision.deny(Purpose.DIRECT_CARE, "role may not search the register", false));
            throw new AccessDeniedException("Your role does not search the patient register", false);
        }
        if (caller.lacksScopeFor(Resource.PATIENT_SEARCH, AuditAction.SEARCH).isPresent()) {
            access.record(caller, null, Resource.PATIENT_SEARCH, AuditAction.SEARCH,
                    AccessDecision.deny(Purpose.DIRECT_CARE, "the client's token was not granted the record:read scope", false));
            throw new AccessDeniedException("Your client's token was not granted the record:read scope", false);
        }
        PageRequest request = query.page();
        PatientSearchCriteria.Visibility visibility = new PatientSearchCriteria.Visibility(caller.organisation(),
                caller.username(), clock.now(), access.episodesCountFrom(), access.socialCarePeopleVisibleTo(caller));
        PatientSearchCriteria criteria = new PatientSearchCriteria(query.nameParts(), query.birthDateGiven(), visibility);
        long total = patients.count(criteria);
        List<PatientDemographics> items = total == 0 ? List.of()
                : patients.search(criteria, request.firstResult(), request.size()).stream().map(PatientDemographics::of).toList();
        access.record(caller, null, Resource.PATIENT_SEARCH, AuditAction.SEARCH, AccessDecision.grant(
                caller.hasRole(StaffRole.ADMIN) ? Purpose.ADMINISTRATION : Purpose.DIRECT_CARE, total + " visible matches"));
        return new Page<>(items, request.page(), request.size(), total);
    }

    /** Organisations' names by ODS code, in one query (a page of matches' practices; codes ICR does not know are left out). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, String> organisationNames(Collection<String> odsCodes) {
        return odsCodes.isEmpty() ? Map.of() : directory.organisationNames(odsCodes);
    }

}

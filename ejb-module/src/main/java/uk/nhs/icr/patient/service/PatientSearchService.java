package uk.nhs.icr.patient.service;

import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.platform.UkClock;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.PatientRepository;
import uk.nhs.icr.patient.PatientSearchCriteria;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.AccessDecision;
import uk.nhs.icr.access.service.AccessDecision.Purpose;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.socialcare.SocialCareRelationships;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.Fields;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.audit.AuditAction;

/**
 * Finds registered patients: one by NHS number (through the access decision point), or a page of those
 * the caller may see by name and date of birth.
 */
@Stateless
public class PatientSearchService {

    static final int MIN_NAME_PART = 2;

    @Inject
    PatientRepository patients;

    @Inject
    SocialCareRelationships socialCare;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AccessControl access;

    @Inject
    UkClock clock;

    @PatientDataAccess(resource = Resource.PATIENT, action = AuditAction.READ)
    public PatientDemographics find(NhsNumber number) {
        return patients.findByNhsNumber(number).map(PatientDemographics::of).orElseThrow(PatientNotFoundException::new);
    }

    /**
     * Name parts each match the start of a given or family name; a search needs a name, a date of birth
     * or both, so that nobody can list the whole register.
     */
    public Page<PatientDemographics> search(String name, String birthDate, String page, String size) {
        Caller caller = currentCaller.require();
        if (caller.isPatient() || caller.hasRole(StaffRole.PRIVACY_OFFICER) || caller.hasRole(StaffRole.ORGAN_DONATION_NURSE)) {
            access.record(caller, null, Resource.PATIENT_SEARCH, AuditAction.SEARCH,
                    AccessDecision.deny(Purpose.DIRECT_CARE, "role may not search the register", false));
            throw new AccessDeniedException("Your role does not search the patient register", false);
        }
        FieldErrors errors = new FieldErrors();
        List<String> nameParts = errors.parse("name", name, PatientSearchService::nameParts);
        Optional<LocalDate> born = errors.parse("birthDate", birthDate, PatientSearchService::birthDate);
        PageRequest request = PageRequest.parse(page, size, errors);
        if (nameParts != null && nameParts.isEmpty() && born != null && born.isEmpty()) {
            errors.add("name", "give a name, a date of birth or both");
        }
        errors.throwIfAny();
        PatientSearchCriteria.Visibility visibility = new PatientSearchCriteria.Visibility(caller.organisation(),
                caller.username(), clock.now(), socialCare.peopleVisibleTo(caller.username(), caller.organisation()));
        PatientSearchCriteria criteria = new PatientSearchCriteria(nameParts, born, visibility);
        long total = patients.count(criteria);
        List<PatientDemographics> items = total == 0 ? List.of()
                : patients.search(criteria, request.firstResult(), request.size()).stream().map(PatientDemographics::of).toList();
        access.record(caller, null, Resource.PATIENT_SEARCH, AuditAction.SEARCH, AccessDecision.grant(
                caller.hasRole(StaffRole.ADMIN) ? Purpose.ADMINISTRATION : Purpose.DIRECT_CARE, total + " visible matches"));
        return new Page<>(items, request.page(), request.size(), total);
    }

    private static List<String> nameParts(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String typed = Fields.optionalText("name", 200).apply(name);
        List<String> parts = Arrays.stream(typed.split("\\s+")).toList();
        if (parts.stream().anyMatch(part -> part.length() < MIN_NAME_PART)) {
            throw new InvalidValueException("each part of the name needs at least " + MIN_NAME_PART + " characters");
        }
        if (parts.size() > 5) {
            throw new InvalidValueException("give at most five name parts");
        }
        return parts;
    }

    private static Optional<LocalDate> birthDate(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(PatientRegistration.isoDate(text));
    }
}

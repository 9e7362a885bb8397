package uk.nhs.icr.patient;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import uk.nhs.icr.platform.FieldErrors;
import uk.nhs.icr.platform.InvalidInputException;
import uk.nhs.icr.platform.Page;
import uk.nhs.icr.platform.PageRequest;
import uk.nhs.icr.shared.InvalidValueException;

/** Finds registered patients by NHS number, or by name and date of birth, a page at a time. */
@Stateless
public class PatientSearchService {

    static final int MIN_NAME_PART = 2;

    @Inject
    PatientRepository patients;

    public PatientDemographics find(String nhsNumber) {
        NhsNumber number;
        try {
            number = NhsNumber.parse(nhsNumber);
        } catch (InvalidValueException e) {
            throw InvalidInputException.of("nhsNumber", e.getMessage());
        }
        return patients.findByNhsNumber(number).map(PatientDemographics::of).orElseThrow(PatientNotFoundException::new);
    }

    /**
     * Name parts each match the start of a given or family name; a search needs a name, a date of birth
     * or both, so that nobody can list the whole register.
     */
    public Page<PatientDemographics> search(String name, String birthDate, String page, String size) {
        FieldErrors errors = new FieldErrors();
        List<String> nameParts = errors.parse("name", name, PatientSearchService::nameParts);
        Optional<LocalDate> born = errors.parse("birthDate", birthDate, PatientSearchService::birthDate);
        PageRequest request = PageRequest.parse(page, size, errors);
        if (nameParts != null && nameParts.isEmpty() && born != null && born.isEmpty()) {
            errors.add("name", "give a name, a date of birth or both");
        }
        errors.throwIfAny();
        PatientSearchCriteria criteria = new PatientSearchCriteria(nameParts, born);
        long total = patients.count(criteria);
        List<PatientDemographics> items = total == 0 ? List.of()
                : patients.search(criteria, request.firstResult(), request.size()).stream().map(PatientDemographics::of).toList();
        return new Page<>(items, request.page(), request.size(), total);
    }

    private static List<String> nameParts(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        List<String> parts = Arrays.stream(name.strip().split("\\s+")).toList();
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

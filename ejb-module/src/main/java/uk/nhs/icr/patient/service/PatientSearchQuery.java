package uk.nhs.icr.patient.service;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.Fields;
import uk.nhs.icr.platform.service.PageRequest;

/**
 * A search of the register: name parts (each matches the start of a given or family name), a date of birth,
 * or both (never neither, so that nobody can list the whole register), and a page.
 */
public record PatientSearchQuery(List<String> nameParts, Optional<LocalDate> birthDate, PageRequest page) implements Serializable {

    static final int MIN_NAME_PART = 2;
    static final int MAX_NAME_PARTS = 5;

    public PatientSearchQuery {
        nameParts = List.copyOf(nameParts);
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(page, "page");
        FieldErrors errors = new FieldErrors();
        if (nameParts.stream().anyMatch(part -> part.length() < MIN_NAME_PART)) {
            errors.add("name", "each part of the name needs at least " + MIN_NAME_PART + " characters");
        } else if (nameParts.size() > MAX_NAME_PARTS) {
            errors.add("name", "give at most five name parts");
        } else if (nameParts.isEmpty() && birthDate.isEmpty()) {
            errors.add("name", "give a name, a date of birth or both");
        }
        errors.throwIfAny();
    }

    /** A name as typed (split into parts), a date of birth if given, and a page. */
    public static PatientSearchQuery of(String name, Optional<LocalDate> birthDate, PageRequest page) {
        return new PatientSearchQuery(FieldErrors.parseOne("name", name, PatientSearchQuery::nameParts), birthDate, page);
    }

    /** The same search, another page. */
    public PatientSearchQuery atPage(PageRequest other) {
        return new PatientSearchQuery(nameParts, birthDate, other);
    }

    /** The search as a client typed it (blank: not given), every bad field reported at once. */
    public static PatientSearchQuery parse(String name, String birthDate, String page, String size) {
        FieldErrors errors = new FieldErrors();
        List<String> parts = errors.parse("name", name, PatientSearchQuery::nameParts);
        Optional<LocalDate> born = errors.parse("birthDate", birthDate,
                text -> text == null || text.isBlank() ? Optional.empty() : Optional.of(PatientRegistration.isoDate(text)));
        PageRequest request = PageRequest.parse(page, size, errors);
        errors.throwIfAny();
        return new PatientSearchQuery(parts, born, request);
    }

    private static List<String> nameParts(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        List<String> parts = Arrays.stream(Fields.optionalText("name", 200).apply(name).split("\\s+")).toList();
        if (parts.stream().anyMatch(part -> part.length() < MIN_NAME_PART)) {
            throw new InvalidValueException("each part of the name needs at least " + MIN_NAME_PART + " characters");
        }
        return parts;
    }
}

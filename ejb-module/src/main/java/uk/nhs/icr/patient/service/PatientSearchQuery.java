package uk.nhs.icr.patient.service;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.PageRequest;

/**
 * A search of the register: name parts (each matches the start of a given or family name), a date of birth (null: any),
 * or both (never neither, so that nobody can list the whole register), and a page. Serializable, as the portal keeps it
 * in a page's view: so no {@link Optional} component.
 */
public record PatientSearchQuery(List<String> nameParts, LocalDate birthDate, PageRequest page) implements Serializable {

    static final int MIN_NAME_PART = 2;
    static final int MAX_NAME_PARTS = 5;

    public PatientSearchQuery {
        nameParts = List.copyOf(nameParts);
        Objects.requireNonNull(page, "page");
        FieldErrors errors = new FieldErrors();
        if (nameParts.stream().anyMatch(part -> part.length() < MIN_NAME_PART)) {
            errors.add("name", "each part of the name needs at least " + MIN_NAME_PART + " characters");
        } else if (nameParts.size() > MAX_NAME_PARTS) {
            errors.add("name", "give at most five name parts");
        } else if (nameParts.isEmpty() && birthDate == null) {
            errors.add("name", "give a name, a date of birth or both");
        }
        errors.throwIfAny();
    }

    /** The date of birth searched for, if one was given. */
    public Optional<LocalDate> birthDateGiven() {
        return Optional.ofNullable(birthDate);
    }

    /** The same search, another page. */
    public PatientSearchQuery atPage(PageRequest other) {
        return new PatientSearchQuery(nameParts, birthDate, other);
    }
}

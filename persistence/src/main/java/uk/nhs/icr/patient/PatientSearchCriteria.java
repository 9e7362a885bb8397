package uk.nhs.icr.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a patient search matches: every name part must begin a given or family name (any case), and the
 * date of birth, when given, must be equal. At least one of the two is always present.
 */
public record PatientSearchCriteria(List<String> nameParts, Optional<LocalDate> birthDate) {

    public PatientSearchCriteria {
        nameParts = List.copyOf(nameParts);
        if (nameParts.isEmpty() && birthDate.isEmpty()) {
            throw new IllegalArgumentException("a patient search needs a name or a date of birth");
        }
    }
}

package uk.nhs.icr.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import uk.nhs.icr.platform.OdsCode;

/**
 * What a patient search matches: every name part must begin a given or family name (any case), and the
 * date of birth, when given, must be equal. At least one of the two is always present. Only patients
 * the searcher may see are matched: see {@link Visibility}.
 */
public record PatientSearchCriteria(List<String> nameParts, Optional<LocalDate> birthDate, Visibility visibleTo) {

    /**
     * Whom a searcher may see: patients registered with, or in an open episode at, their organisation;
     * those they hold an active break-glass grant for; and any listed from the social-care side
     * (caseload, care provided by their organisation).
     */
    public record Visibility(OdsCode organisation, String username, Instant now, Instant episodesEndedAfter, Set<NhsNumber> alsoVisible) {

        public Visibility {
            alsoVisible = Set.copyOf(alsoVisible);
        }
    }

    public PatientSearchCriteria {
        nameParts = List.copyOf(nameParts);
        if (nameParts.isEmpty() && birthDate.isEmpty()) {
            throw new IllegalArgumentException("a patient search needs a name or a date of birth");
        }
    }
}

package uk.nhs.icr.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.RecordedBy;
import uk.nhs.icr.platform.VersionedDecision;

class DirectiveHistoryTest {

    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");

    static ConsentDirective version(int number, ConsentDirective.Status status, RecordedBy by, boolean awaiting, Instant recordedAt) {
        return new ConsentDirective(NhsNumber.parse("9434765919"), ConsentDirective.Scope.TREATMENT, number, status, recordedAt,
                new VersionedDecision.Recorder(by, "Someone", "someone"), null, null, List.of(), recordedAt, null, awaiting);
    }

    static Optional<Integer> inForce(ConsentDirective... newestFirst) {
        return new DirectiveHistory(List.of(newestFirst)).inForce(NOW).map(ConsentDirective::version);
    }

    @Test
    void entered_in_error_voids_the_version_it_corrects_and_the_one_before_applies_again() {
        assertEquals(Optional.of(1), inForce(version(3, ConsentDirective.Status.ENTERED_IN_ERROR, RecordedBy.STAFF, false, NOW),
                version(2, ConsentDirective.Status.ACTIVE, RecordedBy.STAFF, false, NOW),
                version(1, ConsentDirective.Status.ACTIVE, RecordedBy.PATIENT, false, NOW)));
        assertEquals(Optional.empty(), inForce(version(2, ConsentDirective.Status.ENTERED_IN_ERROR, RecordedBy.STAFF, false, NOW),
                version(1, ConsentDirective.Status.ACTIVE, RecordedBy.STAFF, false, NOW)));
    }

    @Test
    void a_version_awaiting_the_patient_or_lapsed_without_them_does_not_apply_but_can_be_corrected() {
        ConsentDirective patients = version(1, ConsentDirective.Status.ACTIVE, RecordedBy.PATIENT, false, NOW.minus(Duration.ofDays(60)));
        ConsentDirective awaiting = version(2, ConsentDirective.Status.INACTIVE, RecordedBy.STAFF, true, NOW.minus(Duration.ofDays(27)));
        assertEquals(Optional.of(1), inForce(awaiting, patients));
        assertEquals(ConsentDirective.Confirmation.AWAITING, awaiting.confirmation(NOW));
        assertEquals(Optional.of(2), new DirectiveHistory(List.of(awaiting, patients)).newestStanding().map(ConsentDirective::version));

        ConsentDirective lapsed = version(2, ConsentDirective.Status.INACTIVE, RecordedBy.STAFF, true, NOW.minus(Duration.ofDays(28)));
        assertEquals(ConsentDirective.Confirmation.LAPSED, lapsed.confirmation(NOW));
        assertEquals(Optional.of(1), inForce(lapsed, patients));

        ConsentDirective withdrawn = version(3, ConsentDirective.Status.ENTERED_IN_ERROR, RecordedBy.STAFF, false, NOW);
        assertEquals(Optional.of(1), new DirectiveHistory(List.of(withdrawn, awaiting, patients)).newestStanding()
                .map(ConsentDirective::version), "its author withdrew the change awaiting confirmation");
    }
}

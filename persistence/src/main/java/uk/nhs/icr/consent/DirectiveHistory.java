package uk.nhs.icr.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import uk.nhs.icr.platform.RecordedBy;
import uk.nhs.icr.platform.VersionedDecision;

/**
 * The versions of one patient's directive for one scope, newest first, and what they add up to. A version
 * entered in error voids itself and the version it corrects (the newest one before it still standing), so the
 * one before that applies again; a version awaiting the patient's confirmation, or lapsed without it, stands
 * (it can be corrected) but does not apply.
 */
public record DirectiveHistory(List<ConsentDirective> newestFirst) {

    public DirectiveHistory {
        newestFirst = List.copyOf(newestFirst);
    }

    /** The directive that applies at {@code now}: the newest standing version that needs no confirmation or has it. */
    public Optional<ConsentDirective> inForce(Instant now) {
        return standing().stream().filter(version -> version.standsConfirmed(now)).findFirst();
    }

    /** The newest version no later one has voided: what "entered in error" would correct, and the only one a patient confirms. */
    public Optional<ConsentDirective> newestStanding() {
        return standing().stream().findFirst();
    }

    /** This history as it would be with the newest standing version marked entered in error (nothing is stored). */
    public DirectiveHistory correctingNewest(Instant now) {
        if (newestFirst.isEmpty()) {
            return this;
        }
        ConsentDirective newest = newestFirst.get(0);
        ConsentDirective correction = new ConsentDirective(newest.patient(), newest.scope(), newest.version() + 1,
                ConsentDirective.Status.ENTERED_IN_ERROR, now, new VersionedDecision.Recorder(RecordedBy.STAFF, "-", "-"), null, null,
                List.of(), now, null, false);
        List<ConsentDirective> corrected = new ArrayList<>(newestFirst);
        corrected.add(0, correction);
        return new DirectiveHistory(corrected);
    }

    /** The versions not voided, newest first (entered-in-error ones excluded). */
    private List<ConsentDirective> standing() {
        int voids = 0;
        List<ConsentDirective> standing = new ArrayList<>();
        for (ConsentDirective version : newestFirst) {
            if (version.status() == ConsentDirective.Status.ENTERED_IN_ERROR) {
                voids++;
            } else if (voids > 0) {
                voids--;
            } else {
                standing.add(version);
            }
        }
        return standing;
    }
}

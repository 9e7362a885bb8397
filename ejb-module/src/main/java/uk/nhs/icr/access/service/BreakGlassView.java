package uk.nhs.icr.access.service;

import java.io.Serializable;
import java.util.Map;
import java.time.Instant;

import uk.nhs.icr.access.BreakGlassGrant;
import uk.nhs.icr.platform.Codes;

/** A break-glass grant as the edges show it. */
public record BreakGlassView(long id, String staffUsername, String role, String organisationOdsCode, String nhsNumber,
                             String reason, Instant grantedAt, Instant expiresAt, String review, String reviewedBy,
                             String reviewNote, String organisationName) implements Serializable {

    /** The grant, its organisation named from {@code names} (by ODS code; the code itself when ICR does not know it). */
    static BreakGlassView of(BreakGlassGrant grant, Map<String, String> names) {
        String code = grant.organisation().value();
        return new BreakGlassView(grant.id() == null ? 0 : grant.id(), grant.staffUsername(), grant.staffRole().label(),
                code, grant.patient().value(), grant.reason(), grant.grantedAt(), grant.expiresAt(),
                Codes.phrase(grant.review()), grant.reviewedBy(), grant.reviewNote(), names.getOrDefault(code, code));
    }

    @Override
    public String toString() {
        return "BreakGlassView[" + id + "]";
    }
}

package uk.nhs.icr.access.service;

import java.io.Serializable;
import java.time.Instant;

import uk.nhs.icr.access.BreakGlassGrant;
import uk.nhs.icr.platform.Codes;

/** A break-glass grant as the edges show it. */
public record BreakGlassView(long id, String staffUsername, String role, String organisationOdsCode, String nhsNumber,
                             String reason, Instant grantedAt, Instant expiresAt, String review, String reviewedBy,
                             String reviewNote) implements Serializable {

    static BreakGlassView of(BreakGlassGrant grant) {
        return new BreakGlassView(grant.id() == null ? 0 : grant.id(), grant.staffUsername(), grant.staffRole().label(),
                grant.organisation().value(), grant.patient().value(), grant.reason(), grant.grantedAt(), grant.expiresAt(),
                Codes.phrase(grant.review()), grant.reviewedBy(), grant.reviewNote());
    }

    @Override
    public String toString() {
        return "BreakGlassView[" + id + "]";
    }
}

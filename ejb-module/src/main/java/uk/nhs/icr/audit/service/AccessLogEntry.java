package uk.nhs.icr.audit.service;

import java.io.Serializable;
import java.time.Instant;

import uk.nhs.icr.audit.AuditEvent;

/** One line of "who viewed my record": when, which organisation and role, why, and whether it was break-glass. */
public record AccessLogEntry(Instant when, String organisationOdsCode, String role, String purpose, String what,
                             String outcome, boolean breakGlass) implements Serializable {

    static AccessLogEntry of(AuditEvent event) {
        return new AccessLogEntry(event.occurredAt(), event.organisation(), event.role(), event.purpose(),
                event.resourceType() + " " + event.action().toLowerCase(), event.outcome(),
                "BREAK_GLASS".equals(event.purpose()));
    }
}

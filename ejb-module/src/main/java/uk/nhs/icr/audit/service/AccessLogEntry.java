package uk.nhs.icr.audit.service;

import java.io.Serializable;
import java.time.Instant;

import uk.nhs.icr.audit.AuditEvent;

/**
 * One line of "who viewed my record": its id in the audit log, when, who (for a privacy officer; not shown to the patient),
 * which organisation (code and name) and role, what, why, the outcome, and whether it was break-glass.
 */
public record AccessLogEntry(long id, Instant when, String who, String organisationOdsCode, String organisationName, String role,
                             String purpose, String what, String outcome, boolean breakGlass) implements Serializable {

    static AccessLogEntry of(AuditEvent event, String organisationName, boolean showWho) {
        return new AccessLogEntry(event.id(), event.occurredAt(), showWho ? event.username() : null, event.organisation(), organisationName,
                event.role(), event.purpose(), event.resourceType() + " " + event.action().toLowerCase(), event.outcome(),
                "BREAK_GLASS".equals(event.purpose()));
    }
}

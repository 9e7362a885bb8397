package uk.nhs.icr.audit;

/**
 * What is to be recorded about one access, before it is timed and chained into the log; {@code correlationId} is the id of
 * the request that made it (none outside a request).
 */
public record AuditEntry(String username, String role, String organisation, String patientNhsNumber,
                         String resourceType, String action, String purpose, String outcome, String reason,
                         String channel, String clientAddress, String correlationId) {

    @Override
    public String toString() {
        return "AuditEntry[" + resourceType + " " + action + " " + outcome + "]";
    }
}

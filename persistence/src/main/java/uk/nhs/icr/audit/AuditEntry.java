package uk.nhs.icr.audit;

/** What is to be recorded about one access, before it is timed and chained into the log. */
public record AuditEntry(String username, String role, String organisation, String patientNhsNumber,
                         String resourceType, String action, String purpose, String outcome, String reason,
                         String channel, String clientAddress) {

    @Override
    public String toString() {
        return "AuditEntry[" + resourceType + " " + action + " " + outcome + "]";
    }
}

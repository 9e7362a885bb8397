package uk.nhs.icr.audit.service;

import java.io.Serializable;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.audit.AuditLogRepository;

/** Checks the audit log's hash chain end to end and reports the first broken link. For privacy officers. */
@Stateless
public class AuditVerificationService {

    public record Verification(boolean intact, Long firstBrokenId, long entriesChecked) implements Serializable {
    }

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditLogRepository log;

    public Verification verify() {
        if (!currentCaller.require().hasRole(StaffRole.PRIVACY_OFFICER)) {
            throw new AccessDeniedException("Only privacy officers verify the audit log", false);
        }
        long count = log.count();
        Optional<Long> broken = log.firstBrokenLink();
        return new Verification(broken.isEmpty(), broken.orElse(null), count);
    }
}

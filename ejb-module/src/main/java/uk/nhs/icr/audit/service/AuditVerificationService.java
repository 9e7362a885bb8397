package uk.nhs.icr.audit.service;

import java.io.Serializable;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.audit.AuditLogRepository;

/**
 * Checks the audit log's hash chain end to end and reports the first broken link, after sealing what was appended
 * until now (so the check covers every committed row); says how many rows were still unsealed when it finished. For
 * privacy officers.
 */
@Stateless
public class AuditVerificationService {

    public record Verification(boolean intact, Long firstBrokenId, long entriesChecked, long unsealedEntries)
            implements Serializable {
    }

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditLogRepository log;

    @Inject
    AuditSealer sealer;

    public Verification verify() {
        if (!currentCaller.require().hasRole(StaffRole.PRIVACY_OFFICER)) {
            throw new AccessDeniedException("Only privacy officers verify the audit log", false);
        }
        sealer.sealAll();
        long count = log.count();
        Optional<Long> broken = log.firstBrokenLink();
        return new Verification(broken.isEmpty(), broken.orElse(null), count, log.unsealed());
    }
}

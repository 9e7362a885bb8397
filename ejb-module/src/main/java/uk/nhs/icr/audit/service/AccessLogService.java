package uk.nhs.icr.audit.service;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.audit.AuditLogRepository;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.PageRequest;

/** "Who viewed my record": for the patient themselves and for privacy officers. Reading it is audited too. */
@Stateless
public class AccessLogService {

    @Inject
    AuditLogRepository auditLog;

    /** Who accessed the record, newest first: for the patient themselves and for privacy officers (this look included). */
    @PatientDataAccess(resource = Resource.ACCESS_LOG, action = AuditAction.READ)
    public Page<AccessLogEntry> accessLog(NhsNumber patient, PageRequest request) {
        long total = auditLog.countForPatient(patient.value());
        List<AccessLogEntry> items = auditLog.forPatient(patient.value(), request.firstResult(), request.size()).stream()
                .map(AccessLogEntry::of).toList();
        return new Page<>(items, request.page(), request.size(), total);
    }
}

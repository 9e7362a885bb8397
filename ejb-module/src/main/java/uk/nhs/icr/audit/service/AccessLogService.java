package uk.nhs.icr.audit.service;

import java.util.List;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import uk.nhs.icr.access.service.CurrentCaller;
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

    @Inject
    CurrentCaller currentCaller;

    /** Who accessed the record, newest first: for the patient themselves and for privacy officers (this look included). */
    @PatientDataAccess(resource = Resource.ACCESS_LOG, action = AuditAction.READ)
    public Page<AccessLogEntry> accessLog(NhsNumber patient, PageRequest request) {
        // a safeguarding concern is kept from the person it concerns: so is the trace of its being recorded or read
        Set<String> hidden = currentCaller.require().isPatient() ? Set.of(Resource.SAFEGUARDING_CONCERN.auditName()) : Set.of();
        long total = auditLog.countForPatient(patient.value(), hidden);
        List<AccessLogEntry> items = auditLog.forPatient(patient.value(), hidden, request.firstResult(), request.size()).stream()
                .map(AccessLogEntry::of).toList();
        return new Page<>(items, request.page(), request.size(), total);
    }
}

package uk.nhs.icr.audit.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import uk.nhs.icr.access.StaffDirectory;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AccessLogFilter;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.audit.AuditEvent;
import uk.nhs.icr.audit.AuditLogRepository;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.PageRequest;

/** "Who viewed my record": for the patient themselves and for privacy officers. Reading it is audited too. */
@Stateless
// reads join a caller's transaction and open none: a read of both databases pays no two-phase commit
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AccessLogService {

    @Inject
    AuditLogRepository auditLog;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    StaffDirectory directory;

    /** Who accessed the record, newest first: for the patient themselves and for privacy officers (this look included). */
    @PatientDataAccess(resource = Resource.ACCESS_LOG, action = AuditAction.READ)
    public Page<AccessLogEntry> accessLog(NhsNumber patient, PageRequest request) {
        return page(patient, AccessLogFilter.EVERYTHING, request);
    }

    /**
     * A page of the access log as a reviewer narrows it (who, outcome, break-glass only, when), newest first, with the
     * organisations named. The patient sees which organisation and role, not which member of staff.
     */
    @PatientDataAccess(resource = Resource.ACCESS_LOG, action = AuditAction.READ)
    public Page<AccessLogEntry> accessLog(NhsNumber patient, AccessLogFilter filter, PageRequest request) {
        return page(patient, filter, request);
    }

    private Page<AccessLogEntry> page(NhsNumber patient, AccessLogFilter filter, PageRequest request) {
        Caller caller = currentCaller.require();
        // a safeguarding concern is kept from the person it concerns: so is the trace of its being recorded or read; and an
        // entry marked not for patient view is left out without saying so: so is the trace of the marking
        Set<String> hidden = caller.isPatient() ? Set.of(Resource.SAFEGUARDING_CONCERN.auditName(), Resource.PATIENT_VIEW.auditName())
                : Set.of();
        long total = auditLog.countForPatient(patient.value(), hidden, filter);
        List<AuditEvent> events = auditLog.forPatient(patient.value(), hidden, filter, request.firstResult(), request.size());
        Map<String, String> organisations = directory.organisationNames(events.stream().map(AuditEvent::organisation)
                .collect(Collectors.toSet()));
        List<AccessLogEntry> items = events.stream()
                .map(event -> AccessLogEntry.of(event, organisations.get(event.organisation()), !caller.isPatient())).toList();
        return new Page<>(items, request.page(), request.size(), total);
    }
}

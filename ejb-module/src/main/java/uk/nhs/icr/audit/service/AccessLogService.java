package uk.nhs.icr.audit.service;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessControl;
import uk.nhs.icr.access.service.AccessDecision;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import uk.nhs.icr.access.service.AccessDecision.Purpose;
import uk.nhs.icr.audit.AuditLogRepository;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.access.service.Resource;

/** "Who viewed my record": for the patient themselves and for privacy officers. Reading it is audited too. */
@Stateless
public class AccessLogService {


    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditLogRepository auditLog;

    @Inject
    AccessControl access;

    public Page<AccessLogEntry> accessLog(String nhsNumber, String page, String size) {
        Caller caller = currentCaller.require();
        NhsNumber patient;
        try {
            patient = NhsNumber.parse(nhsNumber);
        } catch (InvalidValueException e) {
            throw InvalidInputException.of("nhsNumber", e.getMessage());
        }
        FieldErrors errors = new FieldErrors();
        PageRequest request = PageRequest.parse(page, size, errors);
        errors.throwIfAny();
        boolean own = caller.isPatient() && caller.self().equals(patient);
        boolean reviewer = caller.hasRole(StaffRole.PRIVACY_OFFICER);
        if (!own && !reviewer) {
            access.record(caller, patient, Resource.ACCESS_LOG, AuditAction.READ,
                    AccessDecision.deny(Purpose.PRIVACY_REVIEW, "only the patient and privacy officers see the access log", false));
            throw new AccessDeniedException("Only the patient and privacy officers may see who viewed this record", false);
        }
        // read before recording this look, so the answer shows the accesses that came before it
        long total = auditLog.countForPatient(patient.value());
        List<AccessLogEntry> items = auditLog.forPatient(patient.value(), request.firstResult(), request.size()).stream()
                .map(AccessLogEntry::of).toList();
        access.record(caller, patient, Resource.ACCESS_LOG, AuditAction.READ,
                AccessDecision.grant(own ? Purpose.PATIENT_ACCESS : Purpose.PRIVACY_REVIEW, "access log viewed"));
        return new Page<>(items, request.page(), request.size(), total);
    }
}

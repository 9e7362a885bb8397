package uk.nhs.icr.fhir;

import java.util.List;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

import uk.nhs.icr.audit.service.AccessLogEntry;
import uk.nhs.icr.audit.service.AccessLogService;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.PageRequest;

/**
 * A patient's access log as AuditEvent: who (for a privacy officer; the patient sees the organisation and role only),
 * when, what, why and with what outcome, break-glass marked. The same service and rules as "who viewed my record": the
 * patient and privacy officers read it, and reading it is itself logged.
 */
final class AuditEventProvider implements IResourceProvider {

    private final AccessLogService accessLog;

    AuditEventProvider(AccessLogService accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    public Class<AuditEvent> getResourceType() {
        return AuditEvent.class;
    }

    @Search
    public IBundleProvider search(@RequiredParam(name = AuditEvent.SP_PATIENT, targetTypes = Patient.class) ReferenceParam patient,
                                  @Offset Integer offset,
                                  @Count Integer count) {
        NhsNumber number = Patients.nhsNumber(patient);
        Paging paging = Paging.of(offset, count);
        if (paging.offset() % paging.count() != 0) {
            throw new InvalidRequestException("_offset: page the access log in steps of _count");
        }
        Page<AccessLogEntry> page = accessLog.accessLog(number, new PageRequest(paging.offset() / paging.count(), paging.count()));
        List<IBaseResource> events = page.items().stream().map(entry -> (IBaseResource) event(number, entry)).toList();
        return new OffsetPage(events, paging.offset(), paging.count(), page.totalItems());
    }

    private static AuditEvent event(NhsNumber patient, AccessLogEntry entry) {
        AuditEvent event = new AuditEvent();
        event.setId("audit-" + entry.id());
        event.setType(new Coding(Systems.AUDIT_EVENT_TYPE, "rest", "RESTful Operation"));
        event.addSubtype(new Coding(Systems.ICR + "CodeSystem/access", entry.what(), entry.what()));
        event.setRecorded(RecordEntryResources.date(entry.when()));
        event.setOutcome(entry.outcome() != null && entry.outcome().toUpperCase(java.util.Locale.ROOT).startsWith("DEN")
                ? AuditEvent.AuditEventOutcome._4 : AuditEvent.AuditEventOutcome._0);
        event.setOutcomeDesc(entry.outcome());
        if (entry.purpose() != null) {
            event.addPurposeOfEvent(new CodeableConcept().setText(entry.purpose()).addCoding(new Coding(Systems.ICR + "CodeSystem/purpose",
                    entry.purpose(), entry.breakGlass() ? "Break-glass (emergency access)" : entry.purpose())));
        }
        Reference organisation = entry.organisationOdsCode() == null ? null : new Reference().setIdentifier(new Identifier()
                .setSystem(Systems.ODS_CODE).setValue(entry.organisationOdsCode())).setDisplay(entry.organisationName());
        AuditEvent.AuditEventAgentComponent agent = event.addAgent().setRequestor(true);
        agent.setWho(entry.who() != null ? new Reference().setIdentifier(new Identifier().setSystem(Systems.ICR + "Id/staff-username")
                .setValue(entry.who())) : organisation);
        if (entry.role() != null) {
            agent.addRole(new CodeableConcept().addCoding(new Coding(Systems.STAFF_ROLE, entry.role(), entry.role())));
        }
        if (entry.who() != null && organisation != null) {
            event.addAgent().setRequestor(false).setWho(organisation);
        }
        event.getSource().setSite("ICR").setObserver(new Reference().setDisplay("ICR - Integrated Care Record"));
        event.addEntity().setWhat(new Reference("Patient/" + patient.value()));
        return event;
    }
}

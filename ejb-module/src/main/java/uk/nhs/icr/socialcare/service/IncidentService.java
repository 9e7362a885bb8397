package uk.nhs.icr.socialcare.service;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import uk.nhs.icr.access.service.PatientAccess;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.consent.Withholding;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.validation.Items;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.NotInFuture;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.sharedrecord.service.RecordWriter;
import uk.nhs.icr.socialcare.BodyMark;
import uk.nhs.icr.socialcare.Incident;
import uk.nhs.icr.socialcare.SafeguardingConcern;
import uk.nhs.icr.socialcare.SocialCareRecordRepository;

/**
 * Incidents in a person's care: a fall, an injury, a medication error, a near miss, with a body map, severity, the actions
 * taken and whether the CQC must be notified. An incident that is a safeguarding concern opens one in the shared record in
 * the same transaction (the incident names it), so a safeguarding professional sees it at once.
 */
@Stateless
public class IncidentService {

    private static final Logger LOG = Logger.getLogger(IncidentService.class.getName());

    public record NewMark(@Required BodyMark.Side side, @Required @Min(0) @Max(100) Integer x, @Required @Min(0) @Max(100) Integer y,
                          @Text(max = 200) String note) {
    }

    public record NewIncident(@Required Incident.Kind kind,
                              @Required Incident.Severity severity,
                              @Required @Text(max = 4000) String description,
                              @Items(max = 30) @Label("body map") List<@Valid NewMark> bodyMap,
                              @Text(max = 2000) @Label("actions taken") String actionsTaken,
                              @Label("notifiable to the CQC") Boolean notifiableToCqc,
                              Boolean safeguarding,
                              @Text(max = 40) @Label("safeguarding category") String safeguardingCategory,
                              @Required @NotInFuture @Label("time it happened") Instant occurredAt) {
    }

    public record MarkView(String side, int x, int y, String note) implements Serializable {
    }

    public record IncidentView(long entryId, String kind, String severity, String description, List<MarkView> bodyMap, String actionsTaken,
                               boolean notifiableToCqc, Long safeguardingConcernId, Instant occurredAt, String recordedBy)
            implements Serializable {

        static IncidentView of(Incident incident) {
            return new IncidentView(incident.id(), Codes.of(incident.kind()), Codes.of(incident.severity()), incident.details(),
                    incident.bodyMap().stream().map(m -> new MarkView(Codes.of(m.side()), m.x(), m.y(), m.note())).toList(),
                    incident.actionsTaken(), incident.notifiableToCqc(), incident.safeguardingEntryId(),
                    incident.occurredAt(), incident.authorName());
        }
    }

    @Inject
    SocialCareRecordRepository record;

    @Inject
    RecordWriter writer;

    @Inject
    PatientAccess patientAccess;

    @PatientDataAccess(resource = Resource.INCIDENT, action = AuditAction.CREATE)
    public IncidentView report(NhsNumber person, @Valid NewIncident report) {
        List<BodyMark> marks = new ArrayList<>();
        for (NewMark mark : report.bodyMap() == null ? List.<NewMark>of() : report.bodyMap()) {
            marks.add(new BodyMark(mark.side(), mark.x(), mark.y(), mark.note() == null || mark.note().isBlank() ? null : mark.note().strip()));
        }
        boolean safeguarding = Boolean.TRUE.equals(report.safeguarding());
        if (safeguarding && (report.safeguardingCategory() == null || report.safeguardingCategory().isBlank())) {
            throw InvalidInputException.of("safeguardingCategory", "the kind of abuse or neglect suspected (for example neglect, physical)");
        }
        Instant now = writer.now();
        Incident incident = new Incident(person, report.kind(), report.severity(), report.description().strip(), marks,
                report.actionsTaken() == null || report.actionsTaken().isBlank() ? null : report.actionsTaken().strip(),
                Boolean.TRUE.equals(report.notifiableToCqc()), report.occurredAt(), writer.author(), now);
        record.add(incident);
        if (safeguarding) {
            SafeguardingConcern concern = new SafeguardingConcern(person, report.safeguardingCategory().strip(),
                    "From an incident (" + Codes.phrase(report.kind()) + "): " + report.description().strip(), report.occurredAt(),
                    writer.author(), now);
            record.add(concern);
            record.flush();
            incident.raisedAsSafeguarding(concern.id());
        }
        record.flush();
        patientAccess.note(safeguarding ? "incident raised as a safeguarding concern" : "incident");
        LOG.info(() -> "Incident " + incident.id() + " reported" + (safeguarding ? " with a safeguarding concern" : ""));
        return IncidentView.of(incident);
    }

    @PatientDataAccess(resource = Resource.INCIDENT, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public IncidentView incident(NhsNumber person, long entryId) {
        return IncidentView.of(find(person, entryId));
    }

    /** The body map as an image: the front and back outlines side by side, each marked area a numbered red circle. */
    @PatientDataAccess(resource = Resource.INCIDENT, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String bodyMapSvg(NhsNumber person, long entryId) {
        return BodyMapImage.svg(find(person, entryId).bodyMap());
    }

    private Incident find(NhsNumber person, long entryId) {
        // what the care record withholds from this reader (a safeguarding incident from the person and their proxies, a
        // category their consent denies) is not found here either
        Withholding withholding = patientAccess.withholding(person);
        return record.findEntry(person, entryId).filter(Incident.class::isInstance).map(Incident.class::cast)
                .filter(incident -> !withholding.withholds(incident)).orElseThrow(IncidentNotFoundException::new);
    }

    public static class IncidentNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public IncidentNotFoundException() {
            super("This person has no incident with that id");
        }
    }
}

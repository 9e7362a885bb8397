package uk.nhs.icr.socialcare.service;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;

import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.validation.InOrder;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.NotInFuture;
import uk.nhs.icr.platform.validation.NotInPast;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.sharedrecord.service.RecordEntry;
import uk.nhs.icr.sharedrecord.service.RecordWriter;
import uk.nhs.icr.socialcare.CarePlan;
import uk.nhs.icr.socialcare.CareVisit;
import uk.nhs.icr.socialcare.NeedsAssessment;
import uk.nhs.icr.socialcare.SafeguardingConcern;
import uk.nhs.icr.socialcare.SocialCareEntry;
import uk.nhs.icr.socialcare.SocialCareRecordRepository;

/**
 * Social-care staff's writes to the social care record: needs assessments, care and support plans, care
 * visits and safeguarding concerns.
 */
@Stateless
public class SocialCareRecordService {

    public record NewAssessment(@Required @Text(max = 4000) String needs,
                                @Required NeedsAssessment.Eligibility eligibility,
                                @Required @NotInFuture @Label("assessment time") Instant assessedAt) {
    }

    public record NewCarePlan(@Required @Text(max = 4000) String needs,
                              @Required @Text(max = 2000) String outcomes,
                              @Required @Text(max = 2000) String services,
                              @Required @NotInPast LocalDate reviewDate) {
    }

    @InOrder(earlier = "plannedStart", later = "plannedEnd", message = "must be after planned start")
    @InOrder(earlier = "actualStart", later = "actualEnd", message = "must be after actual start")
    public record NewCareVisit(@Required Instant plannedStart,
                               @Required Instant plannedEnd,
                               @Required @NotInFuture Instant actualStart,
                               @Required @NotInFuture Instant actualEnd,
                               @Required @Text(max = 2000) String tasksDone,
                               @Text(max = 4000) String notes) {
    }

    public record NewSafeguardingConcern(@Required @Text(max = 40) String category,
                                         @Required @Text(max = 4000) String description,
                                         @Required @NotInFuture @Label("time raised") Instant raisedAt) {
    }

    @Inject
    RecordWriter writer;

    @Inject
    SocialCareRecordRepository record;

    @PatientDataAccess(resource = Resource.NEEDS_ASSESSMENT, action = AuditAction.WRITE)
    public RecordEntry recordAssessment(NhsNumber person, @Valid NewAssessment assessment) {
        return store(new NeedsAssessment(person, assessment.needs(), assessment.eligibility(), assessment.assessedAt(),
                writer.author(), writer.now()));
    }

    @PatientDataAccess(resource = Resource.CARE_PLAN, action = AuditAction.WRITE)
    public RecordEntry recordCarePlan(NhsNumber person, @Valid NewCarePlan plan) {
        Instant now = writer.now();
        return store(new CarePlan(person, plan.needs(), plan.outcomes(), plan.services(), plan.reviewDate(), now, writer.author(), now));
    }

    @PatientDataAccess(resource = Resource.CARE_VISIT, action = AuditAction.WRITE)
    public RecordEntry recordCareVisit(NhsNumber person, @Valid NewCareVisit visit) {
        return store(new CareVisit(person, visit.plannedStart(), visit.plannedEnd(), visit.actualStart(), visit.actualEnd(),
                visit.tasksDone(), visit.notes(), writer.author(), writer.now()));
    }

    @PatientDataAccess(resource = Resource.SAFEGUARDING_CONCERN, action = AuditAction.WRITE)
    public RecordEntry recordSafeguardingConcern(NhsNumber person, @Valid NewSafeguardingConcern concern) {
        return store(new SafeguardingConcern(person, concern.category(), concern.description(), concern.raisedAt(), writer.author(),
                writer.now()));
    }

    private RecordEntry store(SocialCareEntry entry) {
        record.add(entry);
        record.flush();
        return RecordEntry.of(entry);
    }
}

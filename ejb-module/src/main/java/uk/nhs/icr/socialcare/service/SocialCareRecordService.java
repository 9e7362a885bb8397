package uk.nhs.icr.socialcare.service;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.FieldErrors;
import uk.nhs.icr.platform.service.Fields;
import uk.nhs.icr.sharedrecord.EntryAuthor;
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

    public record AssessmentForm(String needs, String eligibility, String assessedAt) {
    }

    public record CarePlanForm(String needs, String outcomes, String services, String reviewDate) {
    }

    public record CareVisitForm(String plannedStart, String plannedEnd, String actualStart, String actualEnd, String tasksDone,
                                String notes) {
    }

    public record SafeguardingForm(String category, String description, String raisedAt) {
    }

    @Inject
    RecordWriter writer;

    @Inject
    SocialCareRecordRepository record;

    @PatientDataAccess(resource = Resource.NEEDS_ASSESSMENT, action = AuditAction.WRITE)
    public RecordEntry recordAssessment(NhsNumber person, AssessmentForm form) {
        FieldErrors errors = new FieldErrors();
        AssessmentForm f = form == null ? new AssessmentForm(null, null, null) : form;
        String needs = errors.parse("needs", f.needs(), Fields.text("needs", 4000));
        NeedsAssessment.Eligibility eligibility = errors.parse("eligibility", f.eligibility(),
                Fields.oneOf("eligibility", NeedsAssessment.Eligibility.class));
        Instant assessed = errors.parse("assessedAt", f.assessedAt(), Fields.pastInstant("assessment time", writer.now()));
        EntryAuthor author = writer.author(errors);
        return store(new NeedsAssessment(person, needs, eligibility, assessed, author, writer.now()));
    }

    @PatientDataAccess(resource = Resource.CARE_PLAN, action = AuditAction.WRITE)
    public RecordEntry recordCarePlan(NhsNumber person, CarePlanForm form) {
        FieldErrors errors = new FieldErrors();
        CarePlanForm f = form == null ? new CarePlanForm(null, null, null, null) : form;
        String needs = errors.parse("needs", f.needs(), Fields.text("needs", 4000));
        String outcomes = errors.parse("outcomes", f.outcomes(), Fields.text("outcomes", 2000));
        String services = errors.parse("services", f.services(), Fields.text("services", 2000));
        LocalDate review = writer.reviewDate(f.reviewDate(), errors);
        EntryAuthor author = writer.author(errors);
        Instant now = writer.now();
        return store(new CarePlan(person, needs, outcomes, services, review, now, author, now));
    }

    @PatientDataAccess(resource = Resource.CARE_VISIT, action = AuditAction.WRITE)
    public RecordEntry recordCareVisit(NhsNumber person, CareVisitForm form) {
        FieldErrors errors = new FieldErrors();
        CareVisitForm f = form == null ? new CareVisitForm(null, null, null, null, null, null) : form;
        Instant plannedStart = errors.parse("plannedStart", f.plannedStart(), Fields.anyInstant("planned start"));
        Instant plannedEnd = errors.parse("plannedEnd", f.plannedEnd(), Fields.anyInstant("planned end"));
        Instant actualStart = errors.parse("actualStart", f.actualStart(), Fields.pastInstant("actual start", writer.now()));
        Instant actualEnd = errors.parse("actualEnd", f.actualEnd(), Fields.pastInstant("actual end", writer.now()));
        String tasks = errors.parse("tasksDone", f.tasksDone(), Fields.text("tasks done", 2000));
        String notes = errors.parse("notes", f.notes(), Fields.optionalText("notes", 4000));
        if (plannedStart != null && plannedEnd != null && !plannedEnd.isAfter(plannedStart)) {
            errors.add("plannedEnd", "planned end must be after planned start");
        }
        if (actualStart != null && actualEnd != null && !actualEnd.isAfter(actualStart)) {
            errors.add("actualEnd", "actual end must be after actual start");
        }
        EntryAuthor author = writer.author(errors);
        return store(new CareVisit(person, plannedStart, plannedEnd, actualStart, actualEnd, tasks, notes, author, writer.now()));
    }

    @PatientDataAccess(resource = Resource.SAFEGUARDING_CONCERN, action = AuditAction.WRITE)
    public RecordEntry recordSafeguardingConcern(NhsNumber person, SafeguardingForm form) {
        FieldErrors errors = new FieldErrors();
        SafeguardingForm f = form == null ? new SafeguardingForm(null, null, null) : form;
        String category = errors.parse("category", f.category(), Fields.text("category", 40));
        String description = errors.parse("description", f.description(), Fields.text("description", 4000));
        Instant raised = errors.parse("raisedAt", f.raisedAt(), Fields.pastInstant("time raised", writer.now()));
        EntryAuthor author = writer.author(errors);
        return store(new SafeguardingConcern(person, category, description, raised, author, writer.now()));
    }

    private RecordEntry store(SocialCareEntry entry) {
        record.add(entry);
        record.flush();
        return RecordEntry.of(entry);
    }
}

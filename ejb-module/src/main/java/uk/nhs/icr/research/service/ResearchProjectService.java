package uk.nhs.icr.research.service;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;

import uk.nhs.icr.access.StaffDirectory;
import uk.nhs.icr.access.StaffMember;
import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDecision;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.audit.service.AuditLog;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.FieldError;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.research.DatasetField;
import uk.nhs.icr.research.LegalBasis;
import uk.nhs.icr.research.ProjectReference;
import uk.nhs.icr.research.ResearchProject;
import uk.nhs.icr.research.ResearchProjects;
import uk.nhs.icr.sharedrecord.EntryType;

/**
 * The research project register (safe projects, safe people): accredited researchers submit projects; the data access
 * committee approves, rejects or suspends them, never one they are on; researchers see only their own projects, the
 * committee all of them, output checkers those approved or suspended; anyone may read the public register of approved
 * projects and what they are for. Every submission and decision is audited.
 */
@Stateless
public class ResearchProjectService {

    static final int DEFAULT_MINIMUM_K = 5;
    private static final int MOST_LISTED = 200;

    /** A project as a researcher submits it: the first researcher is the one submitting; others are named by username. */
    public record NewProject(@Required @Text(max = 200) String title,
                             @Required @Text(max = 4000) @Label("lay summary") String laySummary,
                             @Required @Text(max = 200) String sponsor,
                             @Required @Label("legal basis") LegalBasis legalBasis,
                             @Label("entry types") List<EntryType> entryTypes,
                             @Required List<DatasetField> fields,
                             @Required @Label("data from") LocalDate dataFrom,
                             @Required @Label("data to") LocalDate dataTo,
                             @Label("minimum group size (k)") Integer minimumK,
                             @Label("other researchers") List<String> researchers) {
    }

    /** What the committee may decide. */
    public enum Verdict { APPROVE, REJECT, SUSPEND }

    /** The committee's decision: an approval names its reference (REC, CAG) and the day it ends. */
    public record Decision(@Required Verdict verdict,
                           @Text(max = 64) @Label("approval reference") String approvalReference,
                           @Label("approved until") LocalDate approvedUntil,
                           @Text(max = 2000) String note) {
    }

    /** A project as its researchers, the committee and the checkers see it. */
    public record ProjectView(String reference, String title, String laySummary, String sponsor, String legalBasis,
                              List<String> entryTypes, List<String> fields, LocalDate dataFrom, LocalDate dataTo, int minimumK,
                              String status, boolean active, String approvalReference, LocalDate approvedUntil,
                              List<String> researchers, String submittedBy, Instant submittedAt, String decidedBy,
                              Instant decidedAt, String decisionNote, int keyVersion) implements Serializable {
    }

    /** A project as the public register shows it: what it is for, on what basis, who sponsors it, and its approval. */
    public record RegisterEntry(String reference, String title, String laySummary, String sponsor, String legalBasis,
                                String status, String approvalReference, LocalDate approvedUntil, List<String> entryTypes,
                                LocalDate dataFrom, LocalDate dataTo) implements Serializable {
    }

    @Inject
    ResearchProjects projects;

    @Inject
    StaffDirectory directory;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditLog audit;

    @Inject
    UkClock clock;

    public ProjectView submit(@Valid NewProject project) {
        Caller caller = currentCaller.require();
        if (!caller.hasRole(StaffRole.RESEARCHER)) {
            throw new AccessDeniedException("Projects are submitted by an accredited researcher", false);
        }
        LocalDate today = clock.today();
        List<FieldError> errors = new ArrayList<>();
        if (!accredited(caller.username(), today)) {
            throw new AccessDeniedException("Your research accreditation has expired: renew it before submitting a project", false);
        }
        Set<String> researchers = new LinkedHashSet<>();
        researchers.add(caller.username());
        for (String other : project.researchers() == null ? List.<String>of() : project.researchers()) {
            String username = other == null ? "" : other.strip();
            if (!accredited(username, today)) {
                errors.add(new FieldError("researchers", "\"" + username + "\" is not an accredited researcher"));
            }
            researchers.add(username);
        }
        if (project.dataTo().isBefore(project.dataFrom())) {
            errors.add(new FieldError("dataTo", "the data's range ends before it starts"));
        }
        int minimumK = project.minimumK() == null ? DEFAULT_MINIMUM_K : project.minimumK();
        if (minimumK < 2 || minimumK > 100) {
            errors.add(new FieldError("minimumK", "the minimum group size is between 2 and 100 (5 unless the committee asks for more)"));
        }
        if (project.fields().isEmpty() || project.fields().stream().anyMatch(java.util.Objects::isNull)) {
            throw InvalidInputException.of("fields", "name at least one field of the dataset, each by its name");
        }
        if (project.entryTypes() != null && project.entryTypes().stream().anyMatch(java.util.Objects::isNull)) {
            throw InvalidInputException.of("entryTypes", "name each entry type");
        }
        Set<EntryType> entryTypes = project.entryTypes() == null || project.entryTypes().isEmpty() ? EnumSet.noneOf(EntryType.class)
                : EnumSet.copyOf(project.entryTypes());
        Set<DatasetField> fields = project.fields().isEmpty() ? EnumSet.noneOf(DatasetField.class) : EnumSet.copyOf(project.fields());
        if (entryTypes.isEmpty() && fields.stream().anyMatch(field -> field.level() == DatasetField.Level.ENTRY)) {
            errors.add(new FieldError("entryTypes", "entry fields need the entry types they are taken from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ResearchProject submitted = new ResearchProject(projects.nextReference(today.getYear()), project.title(), project.laySummary(),
                project.sponsor(), project.legalBasis(), entryTypes, fields, project.dataFrom(), project.dataTo(), minimumK, researchers,
                caller.username(), clock.now());
        projects.add(submitted);
        audited(caller, AuditAction.CREATE, "submitted research project " + submitted.getReference());
        return view(submitted);
    }

    public ProjectView decide(ProjectReference reference, @Valid Decision decision) {
        Caller caller = currentCaller.require();
        if (!caller.hasRole(StaffRole.DATA_ACCESS_COMMITTEE)) {
            throw new AccessDeniedException("Projects are decided by the data access committee", false);
        }
        ResearchProject project = projects.findForChange(reference.value()).orElseThrow(ProjectNotFoundException::new);
        if (project.hasResearcher(caller.username()) || project.getSubmittedBy().equals(caller.username())) {
            throw new AccessDeniedException("A committee member never decides a project they are on", false);
        }
        ResearchProject.Status status = project.getStatus();
        switch (decision.verdict()) {
            case APPROVE -> {
                if (status != ResearchProject.Status.SUBMITTED && status != ResearchProject.Status.SUSPENDED) {
                    throw new ProjectDecidedException("a project " + Codes.phrase(status) + " cannot be approved");
                }
                List<FieldError> errors = new ArrayList<>();
                if (decision.approvalReference() == null || decision.approvalReference().isBlank()) {
                    errors.add(new FieldError("approvalReference", "an approval names its reference (the ethics or CAG approval)"));
                }
                if (decision.approvedUntil() == null || decision.approvedUntil().isBefore(clock.today())) {
                    errors.add(new FieldError("approvedUntil", "an approval runs until a day not yet past"));
                }
                if (!errors.isEmpty()) {
                    throw new InvalidInputException(errors);
                }
                project.approve(decision.approvalReference().strip(), decision.approvedUntil(), caller.username(), decision.note(), clock.now());
            }
            case REJECT -> {
                if (status != ResearchProject.Status.SUBMITTED) {
                    throw new ProjectDecidedException("only a project waiting for the committee can be rejected; this one is "
                            + Codes.phrase(status));
                }
                project.reject(caller.username(), decision.note(), clock.now());
            }
            case SUSPEND -> {
                if (status != ResearchProject.Status.APPROVED) {
                    throw new ProjectDecidedException("only an approved project can be suspended; this one is " + Codes.phrase(status));
                }
                project.suspend(caller.username(), decision.note(), clock.now());
            }
        }
        audited(caller, AuditAction.REVIEW, Codes.phrase(decision.verdict()) + " research project " + project.getReference());
        return view(project);
    }

    /**
     * The committee gives the project a new pseudonym key: its next extract gives every patient a pseudonym unlinkable to
     * those of its earlier datasets (for example after a dataset was shared where it should not have been).
     */
    public ProjectView rotateKey(ProjectReference reference) {
        Caller caller = currentCaller.require();
        if (!caller.hasRole(StaffRole.DATA_ACCESS_COMMITTEE)) {
            throw new AccessDeniedException("A project's pseudonym key is rotated by the data access committee", false);
        }
        ResearchProject project = projects.findForChange(reference.value()).orElseThrow(ProjectNotFoundException::new);
        project.rotateKey();
        audited(caller, AuditAction.REVIEW, "rotated the pseudonym key of research project " + project.getReference() + " to version "
                + project.getKeyVersion());
        return view(project);
    }

    /** A researcher's own projects; every project for the committee; the approved and suspended for output checkers. */
    public List<ProjectView> projects() {
        Caller caller = currentCaller.require();
        List<ResearchProject> found;
        if (caller.hasRole(StaffRole.RESEARCHER)) {
            found = projects.ofResearcher(caller.username());
        } else if (caller.hasRole(StaffRole.DATA_ACCESS_COMMITTEE)) {
            found = projects.all(MOST_LISTED);
        } else if (caller.hasRole(StaffRole.OUTPUT_CHECKER)) {
            found = projects.inStatus(List.of(ResearchProject.Status.APPROVED, ResearchProject.Status.SUSPENDED), MOST_LISTED);
        } else {
            throw new AccessDeniedException("Research projects are for researchers, output checkers and the data access committee", false);
        }
        return found.stream().map(this::view).toList();
    }

    /** One project, if the caller may see it (a researcher only their own): otherwise not found. */
    public ProjectView project(ProjectReference reference) {
        Caller caller = currentCaller.require();
        ResearchProject project = projects.find(reference.value()).filter(found -> maySee(caller, found))
                .orElseThrow(ProjectNotFoundException::new);
        return view(project);
    }

    /** The public register: approved and suspended projects, what they are for and on what basis. No sign-in needed. */
    public List<RegisterEntry> register() {
        return projects.inStatus(List.of(ResearchProject.Status.APPROVED, ResearchProject.Status.SUSPENDED), MOST_LISTED).stream()
                .map(project -> new RegisterEntry(project.getReference(), project.getTitle(), project.getLaySummary(), project.getSponsor(),
                        Codes.of(project.getLegalBasis()), registerStatus(project),
                        project.getApprovalReference(), project.getApprovedUntil(),
                        project.getEntryTypes().stream().map(Codes::of).toList(), project.getDataFrom(), project.getDataTo()))
                .toList();
    }

    /** Approved (and in date), expired (approved, its date past) or suspended. */
    private String registerStatus(ResearchProject project) {
        if (project.activeOn(clock.today())) {
            return "approved";
        }
        return project.getStatus() == ResearchProject.Status.APPROVED ? "expired" : Codes.of(project.getStatus());
    }

    static boolean maySee(Caller caller, ResearchProject project) {
        if (caller.isPatient()) {
            return false;
        }
        return caller.hasRole(StaffRole.DATA_ACCESS_COMMITTEE)
                || caller.hasRole(StaffRole.RESEARCHER) && project.hasResearcher(caller.username())
                || caller.hasRole(StaffRole.OUTPUT_CHECKER) && project.getStatus() != ResearchProject.Status.SUBMITTED
                        && project.getStatus() != ResearchProject.Status.REJECTED;
    }

    private boolean accredited(String username, LocalDate today) {
        return directory.findByUsername(username)
                .filter(member -> member.roles().contains(StaffRole.RESEARCHER) && member.accreditedOn(today)).isPresent();
    }

    private void audited(Caller caller, AuditAction action, String what) {
        audit.recordWithin(caller, null, Resource.RESEARCH_PROJECT, action, AccessDecision.grant(AccessDecision.Purpose.RESEARCH, what));
    }

    ProjectView view(ResearchProject project) {
        return new ProjectView(project.getReference(), project.getTitle(), project.getLaySummary(), project.getSponsor(),
                Codes.of(project.getLegalBasis()), project.getEntryTypes().stream().map(Codes::of).toList(),
                project.getFields().stream().map(Codes::of).toList(), project.getDataFrom(), project.getDataTo(), project.getMinimumK(),
                Codes.of(project.getStatus()), project.activeOn(clock.today()), project.getApprovalReference(), project.getApprovedUntil(),
                project.getResearchers().stream().sorted().toList(), project.getSubmittedBy(), project.getSubmittedAt(),
                project.getDecidedBy(), project.getDecidedAt(), project.getDecisionNote(), project.getKeyVersion());
    }

    /** No project by that reference the caller may see. */
    public static class ProjectNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public ProjectNotFoundException() {
            super("No research project of yours by that reference");
        }
    }

    /** The project's state does not allow that decision. */
    public static class ProjectDecidedException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public ProjectDecidedException(String why) {
            super(sentence(why));
        }
    }
}

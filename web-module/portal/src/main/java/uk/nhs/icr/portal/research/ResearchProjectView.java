package uk.nhs.icr.portal.research;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.FieldError;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.research.DatasetField;
import uk.nhs.icr.research.ProjectReference;
import uk.nhs.icr.research.ResearchDatasets;
import uk.nhs.icr.research.service.ResearchExtractService;
import uk.nhs.icr.research.service.ResearchExtractService.RunView;
import uk.nhs.icr.research.service.ResearchOutputService;
import uk.nhs.icr.research.service.ResearchOutputService.Filter;
import uk.nhs.icr.research.service.ResearchOutputService.NewQuery;
import uk.nhs.icr.research.service.ResearchOutputService.OutputView;
import uk.nhs.icr.research.service.ResearchProjectService;
import uk.nhs.icr.research.service.ResearchProjectService.Decision;
import uk.nhs.icr.research.service.ResearchProjectService.ProjectView;
import uk.nhs.icr.research.service.ResearchProjectService.Verdict;

/**
 * One research project ({@code ?reference=}): for its researchers, the extract runs with a progress bar while one goes
 * (start, stop, restart), aggregate questions and their disclosure-controlled answers, and release requests; for the
 * committee, its decision and the pseudonym key's rotation.
 */
@Named
@ViewScoped
public class ResearchProjectView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Set<String> DECISION_FIELDS = Set.of("verdict", "approvalReference", "approvedUntil", "note");
    static final Set<String> QUERY_FIELDS = Set.of("measure", "of", "groupBy", "filters");

    @Inject
    ResearchProjectService projects;

    @Inject
    ResearchExtractService extracts;

    @Inject
    ResearchOutputService outputs;

    private String reference;
    private ProjectView project;
    private List<RunView> runs = List.of();
    private List<OutputView> outputList = List.of();
    private String verdict;
    private String approvalReference;
    private String approvedUntil;
    private String note;
    private String measure = "COUNT";
    private String of;
    private List<String> groupBy = new ArrayList<>();
    private String filterField;
    private String filterValue;

    public void load() {
        try {
            ProjectReference parsed = ProjectReference.parse(reference);
            project = projects.project(parsed);
            runs = extracts.runs(parsed);
            outputList = outputs.outputs(parsed);
        } catch (InvalidValueException | ResourceNotFoundException | AccessDeniedException e) {
            project = null;
            FieldMessages.error(null, e.getMessage());
        }
    }

    public void startExtract() {
        act(() -> extracts.start(reference()), "The extract has started: its progress shows below.");
    }

    public void stop(long run) {
        act(() -> extracts.stop(reference(), run), "Asked to stop at the end of the current chunk.");
    }

    public void restart(long run) {
        act(() -> extracts.restart(reference(), run), "Restarted from its last checkpoint.");
    }

    public void requestRelease(long output) {
        act(() -> outputs.requestRelease(reference(), output), "Put forward for release: two output checkers will look at it.");
    }

    public void rotateKey() {
        act(() -> projects.rotateKey(reference()), "A new pseudonym key: the next extract re-pseudonymises every patient.");
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            FieldMessages.info(done);
        } catch (ConflictException | AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
        load();
    }

    public void decide() {
        try {
            List<FieldError> errors = new ArrayList<>();
            LocalDate until = null;
            if (verdict == null || verdict.isBlank()) {
                errors.add(new FieldError("verdict", "choose approve, reject or suspend"));
            }
            if (approvedUntil != null && !approvedUntil.isBlank()) {
                try {
                    until = LocalDate.parse(approvedUntil.strip());
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError("approvedUntil", "a date is written YYYY-MM-DD"));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            ProjectView decided = projects.decide(reference(), new Decision(Verdict.valueOf(verdict), approvalReference, until, note));
            FieldMessages.info("Project " + decided.reference() + " is " + decided.status() + ".");
            load();
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.show("decision", DECISION_FIELDS, e);
        } catch (ConflictException | AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    public void ask() {
        try {
            List<Filter> filters = filterField == null || filterField.isBlank() ? List.of()
                    : List.of(new Filter(DatasetField.valueOf(filterField), filterValue));
            OutputView answer = outputs.query(reference(), new NewQuery(ResearchDatasets.Measure.valueOf(measure),
                    of == null || of.isBlank() ? null : DatasetField.valueOf(of), groupBy.stream().map(DatasetField::valueOf).toList(), filters));
            FieldMessages.info("Answered (output " + answer.id() + "): it stays in the workspace until two checkers release it.");
            load();
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.show("query", QUERY_FIELDS, e);
        } catch (ConflictException | AccessDeniedException | ResourceNotFoundException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    /** The poll's tick: the runs' progress, while one goes. */
    public void refresh() {
        if (isRunning()) {
            load();
        }
    }

    public boolean isRunning() {
        return runs.stream().anyMatch(run -> run.status().equals("running") || run.status().equals("starting"));
    }

    private ProjectReference reference() {
        return ProjectReference.parse(reference);
    }

    public List<DatasetField> getGroupableFields() {
        return project == null ? List.of() : project.fields().stream().map(code -> DatasetField.valueOf(code.toUpperCase().replace('-', '_')))
                .filter(field -> !field.numeric()).toList();
    }

    public List<DatasetField> getNumericFields() {
        return project == null ? List.of() : project.fields().stream().map(code -> DatasetField.valueOf(code.toUpperCase().replace('-', '_')))
                .filter(DatasetField::numeric).toList();
    }

    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public ProjectView getProject() { return project; }
    public List<RunView> getRuns() { return runs; }
    public List<OutputView> getOutputs() { return outputList; }
    public String getVerdict() { return verdict; }
    public void setVerdict(String verdict) { this.verdict = verdict; }
    public String getApprovalReference() { return approvalReference; }
    public void setApprovalReference(String approvalReference) { this.approvalReference = approvalReference; }
    public String getApprovedUntil() { return approvedUntil; }
    public void setApprovedUntil(String approvedUntil) { this.approvedUntil = approvedUntil; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public String getMeasure() { return measure; }
    public void setMeasure(String measure) { this.measure = measure; }
    public String getOf() { return of; }
    public void setOf(String of) { this.of = of; }
    public List<String> getGroupBy() { return groupBy; }
    public void setGroupBy(List<String> groupBy) { this.groupBy = groupBy; }
    public String getFilterField() { return filterField; }
    public void setFilterField(String filterField) { this.filterField = filterField; }
    public String getFilterValue() { return filterValue; }
    public void setFilterValue(String filterValue) { this.filterValue = filterValue; }
}

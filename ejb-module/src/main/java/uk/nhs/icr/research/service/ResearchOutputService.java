package uk.nhs.icr.research.service;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.Valid;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.audit.service.AuditLog;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.ConflictException;
import uk.nhs.icr.platform.service.FieldError;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.research.DatasetField;
import uk.nhs.icr.research.DisclosureControl;
import uk.nhs.icr.research.ProjectReference;
import uk.nhs.icr.research.ResearchDatasets;
import uk.nhs.icr.research.ResearchOutputs;
import uk.nhs.icr.research.ResearchProject;
import uk.nhs.icr.research.ResearchProjects;
import uk.nhs.icr.research.service.ResearchProjectService.ProjectNotFoundException;

/**
 * Safe settings and safe outputs. Researchers ask aggregate questions of their project's published dataset (counts of
 * patients, and means and medians of a numeric field, grouped by up to three registered fields, filtered by equality on
 * registered fields; no free SQL, no free text); each answer stays in the project's workspace, and the researcher sees
 * it only after disclosure control. A release needs two different output checkers, neither a researcher on the project;
 * only the controlled table leaves, as CSV, with the rule applied to each cell. A release whose cells, subtracted from an
 * earlier release of the project with the same grouping, would reveal a group of 7 or fewer is flagged to the checkers.
 */
@Stateless
public class ResearchOutputService {

    static final int MOST_GROUPED_BY = 3;
    private static final Jsonb JSON = JsonbBuilder.create();

    /** A filter: a registered field equal to a value. */
    public record Filter(@Required DatasetField field, @Required @Text(max = 40) String equals) implements Serializable {
    }

    /** An aggregate question. {@code of}: the numeric field a mean or median is of. */
    public record NewQuery(@Required ResearchDatasets.Measure measure, DatasetField of, List<DatasetField> groupBy, List<Filter> filters)
            implements Serializable {
    }

    /** An output as its researchers see it (controlled) and, for checkers, as computed too. */
    public record OutputView(long id, String project, String query, String status, String requestedBy, Instant createdAt,
                             List<String> groupBy, DisclosureControl.Controlled controlled, List<DisclosureControl.Cell> computed,
                             String differencing, List<ResearchOutputs.Check> checks, Instant releasedAt) implements Serializable {
    }

    /** A check: approve or reject, with a note. */
    public record NewCheck(@Required Boolean approve, @Text(max = 2000) String note) implements Serializable {
    }

    /** What the stored query was: its fields and measure, so that the output can be read back and compared. */
    public record StoredQuery(String measure, String of, List<String> groupBy, List<String> filters) implements Serializable {
    }

    @Inject
    ResearchProjects projects;

    @Inject
    ResearchDatasets datasets;

    @Inject
    ResearchOutputs outputs;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditLog audit;

    @Inject
    UkClock clock;

    public OutputView query(ProjectReference reference, @Valid NewQuery query) {
        Caller caller = currentCaller.require();
        ResearchProject project = project(reference, caller);
        ResearchExtractService.requireResearcherOn(caller, project, "queried");
        if (!project.activeOn(clock.today())) {
            throw new ResearchExtractService.ExtractRefusedException("The project is not approved and in date: it can query nothing");
        }
        long run = datasets.publishedRun(project.getReference()).orElseThrow(() -> new ResearchExtractService.ExtractRefusedException(
                "The project has no published dataset yet: run its extract first"));
        List<DatasetField> groupBy = query.groupBy() == null ? List.of() : query.groupBy();
        List<Filter> filters = query.filters() == null ? List.of() : query.filters();
        check(project.getFields(), query, groupBy, filters);
        List<DisclosureControl.Cell> cells = datasets.aggregate(project.getReference(), groupBy,
                filters.stream().map(filter -> new ResearchDatasets.Equals(filter.field(), filter.equals().strip())).toList(),
                query.measure() == ResearchDatasets.Measure.COUNT ? null : query.of());
        StoredQuery stored = new StoredQuery(Codes.of(query.measure()), query.of() == null ? null : Codes.of(query.of()),
                groupBy.stream().map(Codes::of).toList(), filters.stream().map(filter -> Codes.of(filter.field()) + " = " + filter.equals().strip()).toList());
        long id = outputs.add(project.getId(), run, JSON.toJson(stored), JSON.toJson(cells), null, caller.username(), clock.now());
        ResearchExtractService.audited(audit, caller, "queried research project " + project.getReference() + " (output " + id + ")");
        return view(project, outputs.find(id).orElseThrow(), caller);
    }

    private static void check(Set<DatasetField> registered, NewQuery query, List<DatasetField> groupBy, List<Filter> filters) {
        List<FieldError> errors = new ArrayList<>();
        if (groupBy.stream().anyMatch(java.util.Objects::isNull)) {
            throw InvalidInputException.of("groupBy", "name each field to group by");
        }
        for (Filter filter : filters) {
            if (filter == null || filter.field() == null || filter.equals() == null || filter.equals().isBlank()) {
                throw InvalidInputException.of("filters", "each filter names a field and the value it must equal");
            }
            if (filter.equals().length() > 40) {
                throw InvalidInputException.of("filters", "a filter's value is at most 40 characters");
            }
        }
        if (groupBy.size() > MOST_GROUPED_BY) {
            errors.add(new FieldError("groupBy", "group by at most " + MOST_GROUPED_BY + " fields"));
        }
        for (DatasetField field : groupBy) {
            if (!registered.contains(field) || field.numeric()) {
                errors.add(new FieldError("groupBy", Codes.of(field) + " is not a registered field to group by"));
            }
        }
        for (Filter filter : filters) {
            if (!registered.contains(filter.field()) || filter.field().numeric()) {
                errors.add(new FieldError("filters", Codes.of(filter.field()) + " is not a registered field to filter on"));
            }
        }
        if (query.measure() != ResearchDatasets.Measure.COUNT && (query.of() == null || !query.of().numeric()
                || !registered.contains(query.of()))) {
            errors.add(new FieldError("of", "a mean or median is of a registered numeric field, such as result-value"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The project's outputs, newest first. */
    public List<OutputView> outputs(ProjectReference reference) {
        Caller caller = currentCaller.require();
        ResearchProject project = project(reference, caller);
        return outputs.ofProject(project.getId(), 50).stream().map(output -> view(project, output, caller)).toList();
    }

    /** Release requests waiting for their checks, for output checkers. */
    public List<OutputView> waitingForChecks() {
        Caller caller = checker();
        return outputs.waiting(100).stream().map(output -> view(projects.byId(output.projectId()), output, caller)).toList();
    }

    /** A researcher on the project asks for an output to be released. */
    public OutputView requestRelease(ProjectReference reference, long outputId) {
        Caller caller = currentCaller.require();
        ResearchProject project = project(reference, caller);
        ResearchExtractService.requireResearcherOn(caller, project, "released");
        ResearchOutputs.Output output = outputs.findForChange(outputId).filter(found -> found.projectId() == project.getId())
                .orElseThrow(OutputNotFoundException::new);
        if (output.status() != ResearchOutputs.Status.IN_WORKSPACE) {
            throw new OutputDecidedException("only an output in the workspace can be put forward for release; this one is "
                    + Codes.phrase(output.status()));
        }
        String differencing = differencing(project, output);
        outputs.status(outputId, ResearchOutputs.Status.RELEASE_REQUESTED, clock.now());
        if (differencing != null) {
            outputs.flag(outputId, differencing);
        }
        ResearchExtractService.audited(audit, caller, "asked for the release of output " + outputId + " of research project "
                + project.getReference());
        return view(project, outputs.find(outputId).orElseThrow(), caller);
    }

    /** An output checker approves or rejects; the second approval by a different checker releases it. */
    public OutputView check(long outputId, @Valid NewCheck check) {
        Caller caller = checker();
        ResearchOutputs.Output output = outputs.findForChange(outputId).orElseThrow(OutputNotFoundException::new);
        ResearchProject project = projects.byId(output.projectId());
        if (project.hasResearcher(caller.username())) {
            throw new AccessDeniedException("A researcher on the project never checks its outputs", false);
        }
        if (output.status() != ResearchOutputs.Status.RELEASE_REQUESTED) {
            throw new OutputDecidedException("only an output waiting for release is checked; this one is " + Codes.phrase(output.status()));
        }
        if (outputs.checksOf(outputId).stream().anyMatch(done -> done.checker().equals(caller.username()))) {
            throw new OutputDecidedException("you have checked this output already: a release needs a second, different checker");
        }
        outputs.check(outputId, caller.username(), check.approve(), check.note(), clock.now());
        if (!check.approve()) {
            outputs.status(outputId, ResearchOutputs.Status.REJECTED, clock.now());
        } else if (outputs.checksOf(outputId).stream().filter(ResearchOutputs.Check::approved).count() >= 2) {
            outputs.status(outputId, ResearchOutputs.Status.RELEASED, clock.now());
        }
        ResearchExtractService.audited(audit, caller, (check.approve() ? "approved" : "rejected") + " the release of output " + outputId
                + " of research project " + project.getReference());
        return view(project, outputs.find(outputId).orElseThrow(), caller);
    }

    /** The released table as CSV: the only thing that leaves. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public String releasedCsv(ProjectReference reference, long outputId) {
        Caller caller = currentCaller.require();
        ResearchProject project = project(reference, caller);
        ResearchOutputs.Output output = outputs.find(outputId).filter(found -> found.projectId() == project.getId())
                .orElseThrow(OutputNotFoundException::new);
        if (output.status() != ResearchOutputs.Status.RELEASED) {
            throw new OutputDecidedException("only a released output leaves ICR; this one is " + Codes.phrase(output.status()));
        }
        StoredQuery query = JSON.fromJson(output.query(), StoredQuery.class);
        DisclosureControl.Controlled controlled = DisclosureControl.apply(cells(output));
        List<ResearchOutputs.Check> checks = outputs.checksOf(outputId);
        StringWriter csv = new StringWriter();
        List<String> header = new ArrayList<>(query.groupBy());
        header.addAll(List.of("patients", "mean", "median", "rule"));
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT.builder().setCommentMarker('#').get())) {
            printer.printComment("ICR research release: project " + project.getReference() + ", output " + outputId + "; "
                    + query.measure() + (query.of() == null ? "" : " of " + query.of()) + (query.filters().isEmpty() ? "" : " where " + String.join(" and ", query.filters())));
            printer.printComment("requested by " + output.requestedBy() + "; checked by " + checks.stream().map(ResearchOutputs.Check::checker)
                    .collect(Collectors.joining(" and ")) + "; released " + output.releasedAt());
            printer.printRecord(header);
            for (DisclosureControl.ControlledCell cell : controlled.cells()) {
                List<String> record = new ArrayList<>(cell.group());
                record.addAll(java.util.Arrays.asList(cell.patients(), cell.mean(), cell.median(), cell.rule()));
                printer.printRecord(record);
            }
            List<String> total = new ArrayList<>();
            for (int i = 0; i < query.groupBy().size(); i++) {
                total.add(i == 0 ? "total" : "");
            }
            total.addAll(java.util.Arrays.asList(controlled.total(), null, null, controlled.totalRule()));
            printer.printRecord(total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ResearchExtractService.audited(audit, caller, "took the released output " + outputId + " of research project " + project.getReference());
        return csv.toString();
    }

    /**
     * Cells of this output that differ from a cell of an earlier release of the project, grouped the same way, by 1 to 7
     * patients: subtracting one from the other would describe a group small enough to identify.
     */
    private String differencing(ResearchProject project, ResearchOutputs.Output output) {
        StoredQuery query = JSON.fromJson(output.query(), StoredQuery.class);
        Map<List<String>, Long> now = new HashMap<>();
        cells(output).forEach(cell -> now.put(cell.group(), cell.patients()));
        List<String> found = new ArrayList<>();
        for (ResearchOutputs.Output earlier : outputs.releasedOf(project.getId())) {
            StoredQuery before = JSON.fromJson(earlier.query(), StoredQuery.class);
            if (!before.groupBy().equals(query.groupBy()) || before.equals(query) && earlier.runId() == output.runId()) {
                continue;
            }
            for (DisclosureControl.Cell cell : cells(earlier)) {
                Long mine = now.get(cell.group());
                long difference = mine == null ? 0 : Math.abs(mine - cell.patients());
                if (difference >= 1 && difference <= DisclosureControl.REDACT_AT_OR_BELOW) {
                    found.add("group " + (cell.group().isEmpty() ? "(all)" : String.join(", ", cell.group())) + " differs from release "
                            + earlier.id() + " by " + difference);
                }
            }
        }
        return found.isEmpty() ? null : "differencing risk: " + String.join("; ", found.subList(0, Math.min(found.size(), 10)))
                + (found.size() > 10 ? "; and " + (found.size() - 10) + " more" : "");
    }

    @SuppressWarnings("unchecked")
    private static List<DisclosureControl.Cell> cells(ResearchOutputs.Output output) {
        return JSON.fromJson(output.cells(), new ArrayList<DisclosureControl.Cell>() { }.getClass().getGenericSuperclass());
    }

    private OutputView view(ResearchProject project, ResearchOutputs.Output output, Caller caller) {
        StoredQuery query = JSON.fromJson(output.query(), StoredQuery.class);
        List<DisclosureControl.Cell> computed = cells(output);
        boolean checker = caller.hasRole(StaffRole.OUTPUT_CHECKER);
        String words = query.measure() + (query.of() == null ? "" : " of " + query.of())
                + (query.groupBy().isEmpty() ? "" : " by " + String.join(", ", query.groupBy()))
                + (query.filters().isEmpty() ? "" : " where " + String.join(" and ", query.filters()));
        return new OutputView(output.id(), project.getReference(), words, Codes.of(output.status()), output.requestedBy(), output.createdAt(),
                query.groupBy(), DisclosureControl.apply(computed), checker ? computed : null, checker ? output.differencing() : null,
                outputs.checksOf(output.id()), output.releasedAt());
    }

    private ResearchProject project(ProjectReference reference, Caller caller) {
        return projects.find(reference.value()).filter(found -> ResearchProjectService.maySee(caller, found))
                .orElseThrow(ProjectNotFoundException::new);
    }

    private Caller checker() {
        Caller caller = currentCaller.require();
        if (!caller.hasRole(StaffRole.OUTPUT_CHECKER)) {
            throw new AccessDeniedException("Outputs are checked by an output checker", false);
        }
        return caller;
    }

    /** No output by that id of that project. */
    public static class OutputNotFoundException extends ResourceNotFoundException {

        private static final long serialVersionUID = 1L;

        public OutputNotFoundException() {
            super("No output by that id of this project");
        }
    }

    /** The output's state does not allow that. */
    public static class OutputDecidedException extends ConflictException {

        private static final long serialVersionUID = 1L;

        public OutputDecidedException(String why) {
            super(sentence(why));
        }
    }
}

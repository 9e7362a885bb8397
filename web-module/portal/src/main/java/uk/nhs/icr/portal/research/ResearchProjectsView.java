package uk.nhs.icr.portal.research;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.service.FieldError;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.research.DatasetField;
import uk.nhs.icr.research.LegalBasis;
import uk.nhs.icr.research.service.ResearchProjectService;
import uk.nhs.icr.research.service.ResearchProjectService.NewProject;
import uk.nhs.icr.research.service.ResearchProjectService.ProjectView;
import uk.nhs.icr.sharedrecord.EntryType;

/**
 * The research environment's home: the projects the signed-in researcher is on (every project for the committee, the
 * approved and suspended for output checkers), and for a researcher the form that submits a new one.
 */
@Named
@ViewScoped
public class ResearchProjectsView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Set<String> FIELDS = Set.of("title", "laySummary", "sponsor", "legalBasis", "entryTypes", "fields", "dataFrom", "dataTo",
            "minimumK", "researchers");

    @Inject
    ResearchProjectService projects;

    private List<ProjectView> list = List.of();
    private String title;
    private String laySummary;
    private String sponsor;
    private String legalBasis;
    private List<String> entryTypes = new ArrayList<>();
    private List<String> fields = new ArrayList<>();
    private String dataFrom;
    private String dataTo;
    private String researchers;

    @PostConstruct
    void open() {
        try {
            list = projects.projects();
        } catch (AccessDeniedException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    public void submit() {
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = date("dataFrom", dataFrom, errors);
        LocalDate to = date("dataTo", dataTo, errors);
        if (legalBasis == null || legalBasis.isBlank()) {
            errors.add(new FieldError("legalBasis", "choose the legal basis"));
        }
        try {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            ProjectView submitted = projects.submit(new NewProject(title, laySummary, sponsor, LegalBasis.valueOf(legalBasis),
                    entryTypes.stream().map(EntryType::valueOf).toList(), fields.stream().map(DatasetField::valueOf).toList(), from, to, null,
                    researchers == null || researchers.isBlank() ? List.of() : Arrays.stream(researchers.split("[,\\s]+"))
                            .filter(name -> !name.isBlank()).toList()));
            FieldMessages.info("Project " + submitted.reference() + " submitted: the data access committee decides it next.");
            title = laySummary = sponsor = legalBasis = dataFrom = dataTo = researchers = null;
            entryTypes = new ArrayList<>();
            fields = new ArrayList<>();
            open();
        } catch (InvalidInputException | ConstraintViolationException e) {
            FieldMessages.show("submit", FIELDS, e);
        } catch (AccessDeniedException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    private static LocalDate date(String field, String text, List<FieldError> errors) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "a date is written YYYY-MM-DD"));
            return null;
        }
    }

    public List<LegalBasis> getLegalBases() {
        return List.of(LegalBasis.values());
    }

    public List<EntryType> getEntryTypeChoices() {
        return List.of(EntryType.values());
    }

    public List<DatasetField> getFieldChoices() {
        return List.of(DatasetField.values());
    }

    public String phrase(Enum<?> value) {
        return Codes.phrase(value);
    }

    public List<ProjectView> getList() { return list; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getLaySummary() { return laySummary; }
    public void setLaySummary(String laySummary) { this.laySummary = laySummary; }
    public String getSponsor() { return sponsor; }
    public void setSponsor(String sponsor) { this.sponsor = sponsor; }
    public String getLegalBasis() { return legalBasis; }
    public void setLegalBasis(String legalBasis) { this.legalBasis = legalBasis; }
    public List<String> getEntryTypes() { return entryTypes; }
    public void setEntryTypes(List<String> entryTypes) { this.entryTypes = entryTypes; }
    public List<String> getFields() { return fields; }
    public void setFields(List<String> fields) { this.fields = fields; }
    public String getDataFrom() { return dataFrom; }
    public void setDataFrom(String dataFrom) { this.dataFrom = dataFrom; }
    public String getDataTo() { return dataTo; }
    public void setDataTo(String dataTo) { this.dataTo = dataTo; }
    public String getResearchers() { return researchers; }
    public void setResearchers(String researchers) { this.researchers = researchers; }
}

package uk.nhs.icr.portal.patient;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.service.PatientSearchQuery;
import uk.nhs.icr.patient.service.PatientSearchService;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.platform.web.QueryParameters;
import uk.nhs.icr.portal.FieldMessages;

/**
 * Patient search: an NHS number opens that patient's page; a name and/or date of birth fills a lazily
 * paged table, one database page per table page.
 */
@Named
@ViewScoped
public class PatientSearchView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> FIELDS = Set.of("nhsNumber", "name", "birthDate");
    /** Rows per page at first; the table's own selector can change it. */
    static final int PAGE_SIZE = 20;

    @Inject
    PatientSearchService search;

    private NhsNumber nhsNumber;
    private String name;
    private LocalDate birthDate;
    private PatientLazyDataModel results;

    /** The number is checked as typed (the converter); the patient page decides, audits, and explains a refusal. */
    public String findByNhsNumber() {
        if (nhsNumber == null) {
            FieldMessages.error("byNumber:nhsNumber", "Type an NHS number");
            return null;
        }
        return "/patients/patient?faces-redirect=true&nhsNumber=" + nhsNumber.value();
    }

    public void searchByName() {
        try {
            // the first page is fetched here, so a mistake shows beside the field rather than as an empty table
            PatientSearchQuery query = QueryParameters.patientSearch(name, birthDate, new PageRequest(0, PAGE_SIZE));
            results = new PatientLazyDataModel(search, query, search.search(query));
        } catch (InvalidInputException e) {
            results = null;
            FieldMessages.show("byName", FIELDS, e);
        } catch (AccessDeniedException e) {
            results = null;
            FieldMessages.error(null, e.getMessage());
        }
    }

    public PatientLazyDataModel getResults() {
        return results;
    }

    public NhsNumber getNhsNumber() {
        return nhsNumber;
    }

    public void setNhsNumber(NhsNumber nhsNumber) {
        this.nhsNumber = nhsNumber;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }
}

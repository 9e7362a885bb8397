package uk.nhs.icr.portal.patient;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.patient.service.PatientDemographics;
import uk.nhs.icr.patient.service.PatientSearchService;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
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

    private String nhsNumber;
    private String name;
    private LocalDate birthDate;
    private PatientLazyDataModel results;

    public String findByNhsNumber() {
        try {
            // the patient page reads (and audits) the record, or explains a refusal and offers break-glass
            return "/patients/patient?faces-redirect=true&nhsNumber=" + search.registeredNhsNumber(nhsNumber);
        } catch (InvalidInputException e) {
            FieldMessages.show("byNumber", FIELDS, e);
        } catch (ResourceNotFoundException e) {
            FieldMessages.error("byNumber:nhsNumber", e.getMessage());
        }
        return null;
    }

    public void searchByName() {
        String date = birthDate == null ? null : birthDate.toString();
        try {
            // the first page is fetched here, so a mistake shows beside the field rather than as an empty table
            Page<PatientDemographics> firstPage = search.search(name, date, "0", String.valueOf(PAGE_SIZE));
            results = new PatientLazyDataModel(search, name, date, firstPage);
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

    public String getNhsNumber() {
        return nhsNumber;
    }

    public void setNhsNumber(String nhsNumber) {
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

package uk.nhs.icr.portal.patient;

import java.util.List;
import java.util.Map;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import uk.nhs.icr.patient.service.PatientDemographics;
import uk.nhs.icr.patient.service.PatientSearchQuery;
import uk.nhs.icr.patient.service.PatientSearchService;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.PageRequest;

/**
 * Feeds the search results table one page at a time from {@link PatientSearchService}. Each search is
 * audited, so the page already fetched is kept and reused for the table's count and first load.
 */
public class PatientLazyDataModel extends LazyDataModel<PatientDemographics> {

    private static final long serialVersionUID = 1L;

    private final PatientSearchService search;
    private final PatientSearchQuery query;
    private Page<PatientDemographics> lastPage;
    private Map<String, String> practiceNames;

    PatientLazyDataModel(PatientSearchService search, PatientSearchQuery query, Page<PatientDemographics> firstPage) {
        this.search = search;
        this.query = query;
        this.lastPage = firstPage;
        this.practiceNames = namesOf(firstPage);
    }

    private Map<String, String> namesOf(Page<PatientDemographics> page) {
        return search.organisationNames(page.items().stream().map(PatientDemographics::gpPracticeOdsCode).distinct().toList());
    }

    /** The name of a matched patient's practice (its ODS code when ICR does not know it). */
    public String practiceName(String odsCode) {
        return practiceNames.getOrDefault(odsCode, odsCode);
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, lastPage.totalItems());
    }

    @Override
    public List<PatientDemographics> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        int pageNumber = first / pageSize;
        if (lastPage.page() != pageNumber || lastPage.size() != pageSize) {
            lastPage = search.search(query.atPage(new PageRequest(pageNumber, pageSize)));
            practiceNames = namesOf(lastPage);
        }
        setRowCount((int) Math.min(Integer.MAX_VALUE, lastPage.totalItems()));
        return lastPage.items();
    }

    @Override
    public String getRowKey(PatientDemographics patient) {
        return patient.nhsNumber();
    }

    @Override
    public PatientDemographics getRowData(String rowKey) {
        return lastPage.items().stream().filter(patient -> patient.nhsNumber().equals(rowKey)).findFirst().orElse(null);
    }
}

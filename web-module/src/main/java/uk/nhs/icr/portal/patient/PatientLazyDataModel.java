package uk.nhs.icr.portal.patient;

import java.util.List;
import java.util.Map;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import uk.nhs.icr.patient.PatientDemographics;
import uk.nhs.icr.patient.PatientSearchService;
import uk.nhs.icr.platform.Page;

/** Feeds the search results table one page at a time from {@link PatientSearchService}. */
public class PatientLazyDataModel extends LazyDataModel<PatientDemographics> {

    private static final long serialVersionUID = 1L;

    private final transient PatientSearchService search;
    private final String name;
    private final String birthDate;

    PatientLazyDataModel(PatientSearchService search, String name, String birthDate) {
        this.search = search;
        this.name = name;
        this.birthDate = birthDate;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, search.search(name, birthDate, "0", "1").totalItems());
    }

    @Override
    public List<PatientDemographics> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Page<PatientDemographics> page = search.search(name, birthDate, String.valueOf(first / pageSize), String.valueOf(pageSize));
        setRowCount((int) Math.min(Integer.MAX_VALUE, page.totalItems()));
        return page.items();
    }

    @Override
    public String getRowKey(PatientDemographics patient) {
        return patient.nhsNumber();
    }

    @Override
    public PatientDemographics getRowData(String rowKey) {
        return search.find(rowKey);
    }
}

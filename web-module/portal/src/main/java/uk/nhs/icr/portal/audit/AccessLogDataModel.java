package uk.nhs.icr.portal.audit;

import java.util.List;
import java.util.Map;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.audit.AccessLogFilter;
import uk.nhs.icr.audit.service.AccessLogEntry;
import uk.nhs.icr.audit.service.AccessLogService;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.portal.FieldMessages;

/**
 * A patient's access log a page at a time, as the reviewer's filter narrows it: only the page in view is read (and
 * each read is audited), the first one when the table is shown.
 */
public class AccessLogDataModel extends LazyDataModel<AccessLogEntry> {

    private static final long serialVersionUID = 1L;

    private final AccessLogService accessLog;
    private final NhsNumber patient;
    private final AccessLogFilter filter;
    private Page<AccessLogEntry> lastPage;

    AccessLogDataModel(AccessLogService accessLog, NhsNumber patient, AccessLogFilter filter, int pageSize) {
        this.accessLog = accessLog;
        this.patient = patient;
        this.filter = filter;
        this.lastPage = accessLog.accessLog(patient, filter, new PageRequest(0, pageSize));
    }

    public long getTotal() {
        return lastPage.totalItems();
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, lastPage.totalItems());
    }

    @Override
    public List<AccessLogEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        int pageNumber = first / pageSize;
        if (lastPage.page() != pageNumber || lastPage.size() != pageSize) {
            try {
                lastPage = accessLog.accessLog(patient, filter, new PageRequest(pageNumber, pageSize));
            } catch (AccessDeniedException | ResourceNotFoundException e) {
                FieldMessages.error(null, e.getMessage());
                return List.of();
            }
        }
        setRowCount((int) Math.min(Integer.MAX_VALUE, lastPage.totalItems()));
        return lastPage.items();
    }

    @Override
    public String getRowKey(AccessLogEntry entry) {
        return Integer.toString(lastPage.items().indexOf(entry));
    }

    @Override
    public AccessLogEntry getRowData(String rowKey) {
        int index = Integer.parseInt(rowKey);
        return index >= 0 && index < lastPage.items().size() ? lastPage.items().get(index) : null;
    }
}

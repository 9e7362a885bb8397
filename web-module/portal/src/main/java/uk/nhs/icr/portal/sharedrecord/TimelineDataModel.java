package uk.nhs.icr.portal.sharedrecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.patient.service.PatientNotFoundException;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.RecordSource;
import uk.nhs.icr.sharedrecord.service.RecordEntry;
import uk.nhs.icr.sharedrecord.service.RecordPage;
import uk.nhs.icr.sharedrecord.service.SharedRecordService;
import uk.nhs.icr.sharedrecord.service.TimelineQuery;

/**
 * Feeds the timeline table a page at a time from {@link SharedRecordService}, with the filters chosen
 * above it. Each read is audited, so the page already fetched is reused for the table's count and first load.
 */
public class TimelineDataModel extends LazyDataModel<RecordEntry> {

    private static final long serialVersionUID = 1L;

    /**
     * The filters chosen above the timeline: a record (null: both), types (none: all), a window ({@code to} exclusive;
     * null: open). Held in the page's view, which a cluster copies to another node with the session: so no
     * {@link Optional} fields, which are not serializable.
     */
    public record Filters(RecordSource source, Set<EntryType> types, Instant from, Instant to) implements java.io.Serializable {

        /** The query for one page; refuses a window that ends before it starts, or a page too deep to serve. */
        TimelineQuery page(int page, int size) {
            return new TimelineQuery(Optional.ofNullable(source), types, Optional.ofNullable(from), Optional.ofNullable(to),
                    new PageRequest(page, size));
        }
    }

    private final SharedRecordService sharedRecord;
    private final NhsNumber nhsNumber;
    private final Filters filters;
    private RecordPage lastPage;

    TimelineDataModel(SharedRecordService sharedRecord, NhsNumber nhsNumber, Filters filters, int pageSize) {
        this.sharedRecord = sharedRecord;
        this.nhsNumber = nhsNumber;
        this.filters = filters;
        this.lastPage = fetch(0, pageSize);
    }

    private RecordPage fetch(int page, int size) {
        return sharedRecord.timeline(nhsNumber, filters.page(page, size));
    }

    /** Whether the patient's consent withholds some entries from this reader. */
    public boolean isWithheld() {
        return lastPage.withheld();
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, lastPage.totalItems());
    }

    @Override
    public List<RecordEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        int pageNumber = first / pageSize;
        if (lastPage.page() != pageNumber || lastPage.size() != pageSize) {
            try {
                lastPage = fetch(pageNumber, pageSize);
            } catch (InvalidInputException | AccessDeniedException | PatientNotFoundException e) {
                // a page too deep to serve, or a break-glass grant that ran out while paging: say so, show nothing
                FieldMessages.error(null, e instanceof InvalidInputException invalid ? invalid.errors().get(0).message() : e.getMessage());
                return List.of();
            }
        }
        setRowCount((int) Math.min(Integer.MAX_VALUE, lastPage.totalItems()));
        return lastPage.items();
    }

    @Override
    public String getRowKey(RecordEntry entry) {
        return entry.source() + "-" + entry.id();
    }

    @Override
    public RecordEntry getRowData(String rowKey) {
        return lastPage.items().stream().filter(entry -> getRowKey(entry).equals(rowKey)).findFirst().orElse(null);
    }
}

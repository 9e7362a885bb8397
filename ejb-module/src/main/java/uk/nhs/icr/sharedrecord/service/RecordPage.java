package uk.nhs.icr.sharedrecord.service;

import java.io.Serializable;
import java.util.List;

import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.Paged;

/**
 * A page of the timeline, and whether entries are withheld from this reader at the patient's request: the
 * reader is told that something is withheld, never what.
 */
public record RecordPage(List<RecordEntry> items, int page, int size, long totalItems, long totalPages, boolean withheld)
        implements Paged, Serializable {

    public RecordPage(Page<RecordEntry> page, boolean withheld) {
        this(page.items(), page.page(), page.size(), page.totalItems(), page.totalPages(), withheld);
    }
}

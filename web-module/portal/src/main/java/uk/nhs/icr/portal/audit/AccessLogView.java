package uk.nhs.icr.portal.audit;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.audit.service.AccessLogEntry;
import uk.nhs.icr.audit.service.AccessLogService;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.portal.FieldMessages;

/** "Who viewed this record" for the privacy officer: the newest 100 accesses to one patient's record. */
@Named
@ViewScoped
public class AccessLogView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccessLogService accessLog;

    private NhsNumber nhsNumber;
    private List<AccessLogEntry> entries;
    private long total;

    public void show() {
        try {
            var page = accessLog.accessLog(nhsNumber, new PageRequest(0, PageRequest.MAX_SIZE));
            entries = page.items();
            total = page.totalItems();
        } catch (InvalidInputException e) {
            entries = null;
            FieldMessages.show("accessLog", Set.of("nhsNumber"), e);
        } catch (ResourceNotFoundException | AccessDeniedException e) {
            entries = null;
            FieldMessages.error("accessLog:nhsNumber", e.getMessage());
        }
    }

    public List<AccessLogEntry> getEntries() {
        return entries;
    }

    public long getTotal() {
        return total;
    }

    public NhsNumber getNhsNumber() {
        return nhsNumber;
    }

    public void setNhsNumber(NhsNumber nhsNumber) {
        this.nhsNumber = nhsNumber;
    }
}

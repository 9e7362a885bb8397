package uk.nhs.icr.portal.socialcare;

import java.io.IOException;
import java.io.Serializable;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Map;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.portal.FieldMessages;
import uk.nhs.icr.portal.access.SignedInUser;
import uk.nhs.icr.socialcare.service.CareReportsService;
import uk.nhs.icr.socialcare.service.CareReportsService.CareReport;

/** The registered manager's CQC figures over a period, with charts, and the same as a CSV download. */
@Named
@ViewScoped
public class CareReportsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CareReportsService reports;

    @Inject
    SignedInUser user;

    @Inject
    UkClock clock;

    private LocalDate from;
    private LocalDate to;
    private CareReport report;

    public void load() {
        if (to == null) {
            to = clock.today();
        }
        if (from == null) {
            from = to.minusDays(6);
        }
        show();
    }

    public void show() {
        try {
            report = reports.report(provider(), from, to);
        } catch (InvalidInputException e) {
            FieldMessages.show("period", java.util.Set.of("from", "to"), e);
        } catch (AccessDeniedException e) {
            FieldMessages.error(null, e.getMessage());
        }
    }

    public void downloadCsv() throws IOException {
        String csv;
        try {
            csv = reports.csv(provider(), from, to);
        } catch (InvalidInputException e) {
            FieldMessages.show("period", java.util.Set.of("from", "to"), e);
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"care-report-" + from + "-to-" + to + ".csv\"");
        Writer out = external.getResponseOutputWriter();
        out.write(csv);
        out.flush();
        faces.responseComplete();
    }

    public String getVisitsChart() {
        return report == null ? null : CareCharts.visitsByDay(report.visitsByDay());
    }

    public String getIncidentsChart() {
        return report == null ? null : CareCharts.incidents(report.incidentsByKind());
    }

    public Map<String, Long> getIncidents() {
        return report == null ? Map.of() : report.incidentsByKind();
    }

    private OdsCode provider() {
        return user.getProfile().organisation();
    }

    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public CareReport getReport() { return report; }
}

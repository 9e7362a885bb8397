package uk.nhs.icr.portal.audit;

import java.io.IOException;
import java.io.Serializable;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.component.datatable.DataTable;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.access.service.AccessDecision.Purpose;
import uk.nhs.icr.access.service.AccessDeniedException;
import uk.nhs.icr.audit.AccessLogFilter;
import uk.nhs.icr.audit.service.AccessLogEntry;
import uk.nhs.icr.audit.service.AccessLogService;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.Page;
import uk.nhs.icr.platform.service.PageRequest;
import uk.nhs.icr.platform.service.ResourceNotFoundException;
import uk.nhs.icr.portal.FieldMessages;

/**
 * "Who viewed this record" for the privacy officer: one patient's access log a page at a time, narrowed by who, outcome,
 * break-glass and dates, with break-glass accesses marked, and the same rows as a CSV file.
 */
@Named
@ViewScoped
public class AccessLogView implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 25;

    /** The table's client id: a new filter puts it back on its first page. */
    static final String TABLE = "entries";

    /** How many rows the CSV holds at most: a patient's log is far shorter; a runaway export stops. */
    static final int MAX_EXPORT_ROWS = 100_000;

    private static final DateTimeFormatter UK_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(UkClock.ZONE);

    @Inject
    AccessLogService accessLog;

    private NhsNumber nhsNumber;
    private String who;
    private String outcome;
    private boolean breakGlassOnly;
    private LocalDate from;
    private LocalDate to;
    private AccessLogDataModel entries;

    public void show() {
        if (nhsNumber == null) {
            FieldMessages.error("accessLog:nhsNumber", "Enter the patient's NHS number");
            return;
        }
        try {
            entries = new AccessLogDataModel(accessLog, nhsNumber, filter(), PAGE_SIZE);
            if (FacesContext.getCurrentInstance().getViewRoot().findComponent(TABLE) instanceof DataTable table) {
                table.setFirst(0);
            }
        } catch (InvalidInputException e) {
            entries = null;
            FieldMessages.show("accessLog", Set.of("nhsNumber", "who", "outcome", "from", "to"), e);
        } catch (ResourceNotFoundException | AccessDeniedException e) {
            entries = null;
            FieldMessages.error("accessLog:nhsNumber", e.getMessage());
        }
    }

    private AccessLogFilter filter() {
        return new AccessLogFilter(who == null || who.isBlank() ? null : who.strip(), outcome == null || outcome.isBlank() ? null : outcome,
                breakGlassOnly, from == null ? null : from.atStartOfDay(UkClock.ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(UkClock.ZONE).toInstant());
    }

    /** The rows the filter finds, every page of them, as a CSV file (UK times; one audited read). */
    public void downloadCsv() throws IOException {
        if (entries == null) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"access-log-" + nhsNumber.value() + ".csv\"");
        Writer out = external.getResponseOutputWriter();
        out.write(csvLine(Stream.of("When (UK time)", "Who", "Role", "Organisation", "ODS code", "What", "Purpose", "Outcome",
                "Break-glass")));
        AccessLogFilter filter = filter();
        int written = 0;
        for (int page = 0; written < MAX_EXPORT_ROWS; page++) {
            Page<AccessLogEntry> rows = accessLog.accessLog(nhsNumber, filter, new PageRequest(page, PageRequest.MAX_SIZE));
            for (AccessLogEntry e : rows.items()) {
                out.write(csvLine(Stream.of(UK_TIME.format(e.when()), e.who(), roleLabel(e.role()), e.organisationName(),
                        e.organisationOdsCode(), e.what(), purposeLabel(e.purpose()), outcomeLabel(e.outcome()), e.breakGlass() ? "yes" : "no")));
                written++;
            }
            if (rows.items().size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        out.flush();
        faces.responseComplete();
    }

    /**
     * One CSV line: every field quoted, quotes doubled, and a leading = + - @ tab or carriage return defused so a
     * spreadsheet shows it as text (OWASP CSV injection).
     */
    static String csvLine(Stream<String> fields) {
        return fields.map(field -> field == null ? "" : field)
                .map(field -> !field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0 ? "'" + field : field)
                .map(field -> "\"" + field.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(",", "", "\r\n"));
    }

    /** "GP", "Hospital clinician", "Patient": a role as words (the table and the CSV alike). */
    public String roleLabel(String role) {
        if (role == null || role.equals("PATIENT")) {
            return "Patient";
        }
        try {
            return StaffRole.valueOf(role).label();
        } catch (IllegalArgumentException e) {
            return role;
        }
    }

    /** Why the access was made, in words: DIRECT_CARE → "Direct care" (a purpose ICR no longer knows, as recorded). */
    public String purposeLabel(String purpose) {
        try {
            return purpose == null ? "" : Purpose.valueOf(purpose).label();
        } catch (IllegalArgumentException e) {
            return purpose;
        }
    }

    /** "Allowed", "Allowed (break-glass)", "Refused". */
    public String outcomeLabel(String outcome) {
        return switch (outcome == null ? "" : outcome) {
            case "GRANTED" -> "Allowed";
            case "GRANTED_BY_BREAK_GLASS" -> "Allowed (break-glass)";
            case "DENIED" -> "Refused";
            default -> outcome;
        };
    }

    public List<String> getOutcomes() {
        return List.of("GRANTED", "GRANTED_BY_BREAK_GLASS", "DENIED");
    }

    public AccessLogDataModel getEntries() { return entries; }
    public NhsNumber getNhsNumber() { return nhsNumber; }
    public void setNhsNumber(NhsNumber nhsNumber) { this.nhsNumber = nhsNumber; }
    public String getWho() { return who; }
    public void setWho(String who) { this.who = who; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public boolean isBreakGlassOnly() { return breakGlassOnly; }
    public void setBreakGlassOnly(boolean breakGlassOnly) { this.breakGlassOnly = breakGlassOnly; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}

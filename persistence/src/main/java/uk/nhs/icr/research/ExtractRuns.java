package uk.nhs.icr.research;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import uk.nhs.icr.platform.SqlValues;

/**
 * A project's extract runs and their log ({@code research_extract_run}, {@code research_extract_log}) in the hospital
 * database: progress while a run goes, the patients it took in or left out and why, and how it ended.
 */
@ApplicationScoped
public class ExtractRuns {

    /** Where a run stands. */
    public enum Status { STARTING, RUNNING, STOPPED, FAILED, PUBLISHED, REFUSED }

    /** A run as read back. */
    public record Run(long id, long projectId, int keyVersion, Long jobExecutionId, Status status, long patientsTotal, long patientsRead,
                      Long included, Long excludedOptOut, Long excludedNoConsent, Long personRows, Long entryRows, Long smallestGroup,
                      String outcome, String startedBy, Instant startedAt, Instant endedAt) {
    }

    /** A patient read by a run, and the rule that took them in or left them out. */
    public record Logged(String nhsNumber, ResearchUseRule.Reason reason) {
    }

    private static final String COLUMNS = "id, project_id, key_version, job_execution_id, status, patients_total, patients_read, included,"
            + " excluded_opt_out, excluded_no_consent, person_rows, entry_rows, smallest_group, outcome, started_by, started_at, ended_at";

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    /** A new run of the project (refused by the database while another of its runs is starting or running). */
    public long start(long projectId, int keyVersion, long patientsTotal, String startedBy, Instant at) {
        Number id = (Number) em.createNativeQuery("insert into research_extract_run (project_id, key_version, status, patients_total,"
                        + " started_by, started_at) values (?1, ?2, 'STARTING', ?3, ?4, ?5) returning id")
                .setParameter(1, projectId).setParameter(2, keyVersion).setParameter(3, patientsTotal).setParameter(4, startedBy)
                .setParameter(5, at).getSingleResult();
        return id.longValue();
    }

    /** Whether a run of the project is starting or running now. */
    public boolean running(long projectId) {
        return ((Number) em.createNativeQuery("select count(*) from research_extract_run where project_id = ?1"
                + " and status in ('STARTING', 'RUNNING')").setParameter(1, projectId).getSingleResult()).longValue() > 0;
    }

    /**
     * The job of a starting, stopped or failed run is under way with this execution; a run that has already ended (its
     * job was quicker than this) keeps its end.
     */
    public void running(long runId, long jobExecutionId) {
        em.createNativeQuery("update research_extract_run set status = 'RUNNING', job_execution_id = ?2, ended_at = null where id = ?1"
                        + " and status in ('STARTING', 'STOPPED', 'FAILED')")
                .setParameter(1, runId).setParameter(2, jobExecutionId).executeUpdate();
    }

    /** Runs starting or running as this server starts: their job died with the server that ran it. */
    public List<Run> unfinished() {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from research_extract_run where status in ('STARTING', 'RUNNING')")
                .getResultList();
        return rows.stream().map(Object[].class::cast).map(ExtractRuns::run).toList();
    }

    /** How far the run has read (never back: a chunk retried after a restart does not move it). */
    public void read(long runId, long patientsRead) {
        em.createNativeQuery("update research_extract_run set patients_read = greatest(patients_read, ?2) where id = ?1")
                .setParameter(1, runId).setParameter(2, patientsRead).executeUpdate();
    }

    /** The run stopped or failed part-way: it can be restarted from its last checkpoint. */
    public void interrupted(long runId, Status status, String outcome, Instant at) {
        em.createNativeQuery("update research_extract_run set status = ?2, outcome = ?3, ended_at = ?4 where id = ?1"
                        + " and status in ('STARTING', 'RUNNING')")
                .setParameter(1, runId).setParameter(2, status.name()).setParameter(3, outcome).setParameter(4, at).executeUpdate();
    }

    /** The run's end: its counts, the smallest group, whether it was published, and why. */
    public void ended(long runId, Status status, long personRows, long entryRows, long smallestGroup, String outcome, Instant at) {
        Map<ResearchUseRule.Reason, Long> reasons = reasons(runId);
        long included = reasons.entrySet().stream().filter(e -> e.getKey().included()).mapToLong(Map.Entry::getValue).sum();
        em.createNativeQuery("update research_extract_run set status = ?2, included = ?3, excluded_opt_out = ?4, excluded_no_consent = ?5,"
                        + " person_rows = ?6, entry_rows = ?7, smallest_group = ?8, outcome = ?9, ended_at = ?10, patients_read = patients_total"
                        + " where id = ?1")
                .setParameter(1, runId).setParameter(2, status.name()).setParameter(3, included)
                .setParameter(4, reasons.getOrDefault(ResearchUseRule.Reason.OPTED_OUT, 0L))
                .setParameter(5, reasons.getOrDefault(ResearchUseRule.Reason.NO_CONSENT, 0L)).setParameter(6, personRows)
                .setParameter(7, entryRows).setParameter(8, smallestGroup).setParameter(9, outcome).setParameter(10, at).executeUpdate();
    }

    /** The patients a run has read, counted by the rule that decided. */
    public Map<ResearchUseRule.Reason, Long> reasons(long runId) {
        List<?> rows = em.createNativeQuery("select reason, count(*) from research_extract_log where run_id = ?1 group by reason")
                .setParameter(1, runId).getResultList();
        java.util.EnumMap<ResearchUseRule.Reason, Long> counted = new java.util.EnumMap<>(ResearchUseRule.Reason.class);
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            counted.put(ResearchUseRule.Reason.valueOf((String) columns[0]), ((Number) columns[1]).longValue());
        }
        return counted;
    }

    /** Logs a chunk's patients in one statement; a chunk written again after a restart adds nothing. */
    public void log(long runId, List<Logged> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into research_extract_log (run_id, patient_nhs_number, reason) values ");
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?1, ?").append(2 * i + 2).append(", ?").append(2 * i + 3).append(')');
        }
        sql.append(" on conflict do nothing");
        Query insert = em.createNativeQuery(sql.toString()).setParameter(1, runId);
        for (int i = 0; i < chunk.size(); i++) {
            insert.setParameter(2 * i + 2, chunk.get(i).nhsNumber()).setParameter(2 * i + 3, chunk.get(i).reason().name());
        }
        insert.executeUpdate();
    }

    public Optional<Run> find(long runId) {
        return runs("select " + COLUMNS + " from research_extract_run where id = ?1", runId, 1).stream().findFirst();
    }

    /** A project's runs, newest first. */
    public List<Run> ofProject(long projectId, int limit) {
        return runs("select " + COLUMNS + " from research_extract_run where project_id = ?1 order by id desc", projectId, limit);
    }

    /** The projects whose runs read this patient, with the rule each time: project id, reason, when. */
    public List<Object[]> projectsOfPatient(String nhsNumber) {
        List<?> rows = em.createNativeQuery("select r.project_id, l.reason, max(r.started_at) from research_extract_log l"
                + " join research_extract_run r on r.id = l.run_id where l.patient_nhs_number = ?1 group by r.project_id, l.reason"
                + " order by 3 desc").setParameter(1, nhsNumber).getResultList();
        return rows.stream().map(Object[].class::cast).toList();
    }

    private List<Run> runs(String sql, long parameter, int limit) {
        List<?> rows = em.createNativeQuery(sql).setParameter(1, parameter).setMaxResults(limit).getResultList();
        return rows.stream().map(Object[].class::cast).map(ExtractRuns::run).toList();
    }

    private static Run run(Object[] c) {
        return new Run(number(c[0]), number(c[1]), (int) number(c[2]), nullable(c[3]), Status.valueOf((String) c[4]), number(c[5]),
                number(c[6]), nullable(c[7]), nullable(c[8]), nullable(c[9]), nullable(c[10]), nullable(c[11]), nullable(c[12]),
                (String) c[13], (String) c[14], SqlValues.instant(c[15]), SqlValues.instant(c[16]));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Long nullable(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

}

package uk.nhs.icr.research;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import uk.nhs.icr.platform.SqlValues;

/** A project's workspace: aggregate outputs as computed, their release requests and the checkers' decisions. */
@ApplicationScoped
public class ResearchOutputs {

    /** Where an output stands. */
    public enum Status { IN_WORKSPACE, RELEASE_REQUESTED, RELEASED, REJECTED }

    /** An output as stored: the query in words, the cells as computed (JSON), any differencing risk found. */
    public record Output(long id, long projectId, long runId, String query, String cells, String differencing, Status status,
                         String requestedBy, Instant createdAt, Instant releaseRequestedAt, Instant releasedAt) {
    }

    /** One checker's decision. */
    public record Check(String checker, boolean approved, String note, Instant checkedAt) implements java.io.Serializable {
    }

    private static final String COLUMNS = "id, project_id, run_id, query, cells, differencing, status, requested_by, created_at,"
            + " release_requested_at, released_at";

    @PersistenceContext(unitName = "hospital")
    EntityManager em;

    public long add(long projectId, long runId, String query, String cells, String differencing, String requestedBy, Instant at) {
        return ((Number) em.createNativeQuery("insert into research_output (project_id, run_id, query, cells, differencing, status,"
                        + " requested_by, created_at) values (?1, ?2, ?3, ?4, ?5, 'IN_WORKSPACE', ?6, ?7) returning id")
                .setParameter(1, projectId).setParameter(2, runId).setParameter(3, query).setParameter(4, cells)
                .setParameter(5, differencing).setParameter(6, requestedBy).setParameter(7, at).getSingleResult()).longValue();
    }

    /** The output, locked for a change of its status (two checkers deciding at once are taken in turn). */
    public Optional<Output> findForChange(long id) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from research_output where id = ?1 for update").setParameter(1, id)
                .getResultList();
        return rows.stream().map(Object[].class::cast).map(ResearchOutputs::output).findFirst();
    }

    public Optional<Output> find(long id) {
        return outputs("select " + COLUMNS + " from research_output where id = ?1", id, 1).stream().findFirst();
    }

    public List<Output> ofProject(long projectId, int limit) {
        return outputs("select " + COLUMNS + " from research_output where project_id = ?1 order by id desc", projectId, limit);
    }

    /** A project's released outputs, for the differencing check. */
    public List<Output> releasedOf(long projectId) {
        return outputs("select " + COLUMNS + " from research_output where project_id = ?1 and status = 'RELEASED' order by id", projectId, 500);
    }

    /** Every output waiting for its checks, oldest first. */
    public List<Output> waiting(int limit) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from research_output where status = 'RELEASE_REQUESTED'"
                + " order by release_requested_at").setMaxResults(limit).getResultList();
        return rows.stream().map(Object[].class::cast).map(ResearchOutputs::output).toList();
    }

    public void status(long id, Status status, Instant at) {
        String column = status == Status.RELEASE_REQUESTED ? ", release_requested_at = ?3" : status == Status.RELEASED ? ", released_at = ?3" : "";
        var update = em.createNativeQuery("update research_output set status = ?2" + column + " where id = ?1")
                .setParameter(1, id).setParameter(2, status.name());
        if (!column.isEmpty()) {
            update.setParameter(3, at);
        }
        update.executeUpdate();
    }

    /** Notes a differencing risk found when the release was asked for, for the checkers. */
    public void flag(long id, String differencing) {
        em.createNativeQuery("update research_output set differencing = ?2 where id = ?1").setParameter(1, id)
                .setParameter(2, differencing.length() > 2000 ? differencing.substring(0, 1997) + "..." : differencing).executeUpdate();
    }

    public void check(long id, String checker, boolean approved, String note, Instant at) {
        em.createNativeQuery("insert into research_output_check (output_id, checker, approved, note, checked_at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, id).setParameter(2, checker).setParameter(3, approved).setParameter(4, note).setParameter(5, at).executeUpdate();
    }

    public List<Check> checksOf(long id) {
        List<?> rows = em.createNativeQuery("select checker, approved, note, checked_at from research_output_check where output_id = ?1"
                + " order by checked_at").setParameter(1, id).getResultList();
        return rows.stream().map(Object[].class::cast).map(c -> new Check((String) c[0], (Boolean) c[1], (String) c[2], SqlValues.instant(c[3]))).toList();
    }

    private List<Output> outputs(String sql, long parameter, int limit) {
        List<?> rows = em.createNativeQuery(sql).setParameter(1, parameter).setMaxResults(limit).getResultList();
        return rows.stream().map(Object[].class::cast).map(ResearchOutputs::output).toList();
    }

    private static Output output(Object[] c) {
        return new Output(((Number) c[0]).longValue(), ((Number) c[1]).longValue(), ((Number) c[2]).longValue(), (String) c[3], (String) c[4],
                (String) c[5], Status.valueOf((String) c[6]), (String) c[7], SqlValues.instant(c[8]), SqlValues.instant(c[9]),
                SqlValues.instant(c[10]));
    }

}

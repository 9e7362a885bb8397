package uk.nhs.icr.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Work in doubt (issue 19): a two-phase commit whose branch is still prepared in PostgreSQL. Recovery finishes such a
 * branch within a pass or two (ICR_TX_RECOVERY_PERIOD_SECONDS); one older than {@code icr.in-doubt.alert-after}
 * (ICR_IN_DOUBT_ALERT_AFTER, default five minutes) means recovery cannot finish it (its server is gone for good, its
 * object store was lost, or the database refuses the recovery user) while the branch holds its rows locked. Readiness
 * then reports DOWN, naming for each database (hospital, social care, research) its count of prepared branches and the
 * oldest one's age in seconds: never the branch ids, which would say nothing useful and are not a hosting team's to read.
 */
@Readiness
@ApplicationScoped
public class InDoubtTransactionsCheck implements HealthCheck {

    /** Branches of this database only: pg_prepared_xacts lists the whole cluster's. */
    private static final String IN_DOUBT = "select count(*), coalesce(floor(extract(epoch from now() - min(prepared))), 0)"
            + " from pg_prepared_xacts where database = current_database()";

    @Resource(lookup = "java:jboss/datasources/HospitalDS")
    DataSource hospital;

    @Resource(lookup = "java:jboss/datasources/SocialCareDS")
    DataSource socialCare;

    /** A research extract's chunk is an XA transaction over the hospital and research databases. */
    @Resource(lookup = "java:jboss/datasources/ResearchDS")
    DataSource research;

    @Inject
    @ConfigProperty(name = "icr.in-doubt.alert-after", defaultValue = "PT5M")
    String alertAfter;

    @Override
    public HealthCheckResponse call() {
        long limit = Duration.parse(alertAfter).toSeconds();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("in-doubt-transactions").withData("alertAfterSeconds", limit);
        boolean overdue = report(response, "hospital", hospital, limit) | report(response, "socialCare", socialCare, limit)
                | report(response, "research", research, limit);
        return response.status(!overdue).build();
    }

    /** Adds one database's figures; true when its oldest prepared branch is past the limit. */
    private static boolean report(HealthCheckResponseBuilder response, String database, DataSource source, long limit) {
        try (Connection connection = source.getConnection();
             PreparedStatement query = connection.prepareStatement(IN_DOUBT);
             ResultSet row = query.executeQuery()) {
            row.next();
            long count = row.getLong(1);
            long oldest = row.getLong(2);
            response.withData(database + "InDoubt", count).withData(database + "OldestSeconds", oldest);
            return count > 0 && oldest > limit;
        } catch (SQLException | RuntimeException e) {
            // an unreachable database is its own readiness check's DOWN; here it is only unknown
            response.withData(database + "InDoubt", "unknown");
            return false;
        }
    }
}

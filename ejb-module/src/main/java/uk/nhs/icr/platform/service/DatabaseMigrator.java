package uk.nhs.icr.platform.service;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the three databases (hospital, social care, research) to the current schema when the application starts,
 * before any request is served. Runs outside JTA: Flyway manages its own transactions and locks per database.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = "java:jboss/datasources/HospitalDS")
    DataSource hospital;

    @Resource(lookup = "java:jboss/datasources/SocialCareDS")
    DataSource socialCare;

    @Resource(lookup = "java:jboss/datasources/ResearchDS")
    DataSource research;

    @PostConstruct
    void migrate() {
        migrate("hospital", hospital);
        migrate("socialcare", socialCare);
        migrate("research", research);
    }

    private void migrate(String database, DataSource dataSource) {
        Flyway flyway = Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/" + database)
                .javaMigrations(database.equals("hospital")
                        ? new JavaMigration[] {new V8__File_revealing_entries_under_their_category()} : new JavaMigration[0])
                .failOnMissingLocations(true)
                // the research database's own tables in a schema of their own, beside each project's dataset's schema
                .schemas(database.equals("research") ? new String[] {"registry"} : new String[0])
                .load();
        MigrateResult result = flyway.migrate();
        // the result names a target version only when something ran; the schema history always knows
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : String.valueOf(flyway.info().current() == null ? "none" : flyway.info().current().getVersion());
        LOG.info(() -> "Database " + database + ": " + result.migrationsExecuted + " migration(s) applied, schema now at version " + version);
    }
}

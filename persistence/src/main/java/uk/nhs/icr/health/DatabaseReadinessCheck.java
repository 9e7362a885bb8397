package uk.nhs.icr.health;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Readiness of one database: borrows a connection and asks the driver to validate it, so a stopped
 * PostgreSQL shows DOWN within seconds and UP again once it is back, without a restart.
 */
abstract class DatabaseReadinessCheck implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    abstract String name();

    abstract DataSource dataSource();

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource().getConnection()) {
            return HealthCheckResponse.named(name()).status(connection.isValid(VALIDATION_TIMEOUT_SECONDS)).build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named(name()).down().withData("reason", e.getClass().getSimpleName()).build();
        }
    }
}

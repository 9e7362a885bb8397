package uk.nhs.icr.health;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class HospitalDatabaseCheck extends DatabaseReadinessCheck {

    @Resource(lookup = "java:jboss/datasources/HospitalDS")
    DataSource hospital;

    @Override
    String name() {
        return "hospital-database";
    }

    @Override
    DataSource dataSource() {
        return hospital;
    }
}

package uk.nhs.icr.health;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class SocialCareDatabaseCheck extends DatabaseReadinessCheck {

    @Resource(lookup = "java:jboss/datasources/SocialCareDS")
    DataSource socialCare;

    @Override
    String name() {
        return "social-care-database";
    }

    @Override
    DataSource dataSource() {
        return socialCare;
    }
}

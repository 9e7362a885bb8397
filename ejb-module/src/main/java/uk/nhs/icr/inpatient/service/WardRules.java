package uk.nhs.icr.inpatient.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When a dose on the ward is overdue: a time-critical medicine (Parkinson's medicines, insulin, anti-epileptics) once
 * {@code icr.ward.time-critical-overdue-after} (30 minutes) has passed its due time with nothing recorded, any other once
 * {@code icr.ward.overdue-after} (60 minutes) has. A delayed dose stays overdue until it is given or not given.
 */
@ApplicationScoped
public class WardRules {

    @Inject
    @ConfigProperty(name = "icr.ward.overdue-after", defaultValue = "PT60M")
    Duration overdueAfter;

    @Inject
    @ConfigProperty(name = "icr.ward.time-critical-overdue-after", defaultValue = "PT30M")
    Duration timeCriticalOverdueAfter;

    public WardRules() {
        // for CDI
    }

    /** Rules with these settings (a test's). */
    static WardRules of(Duration overdueAfter, Duration timeCriticalOverdueAfter) {
        WardRules rules = new WardRules();
        rules.overdueAfter = overdueAfter;
        rules.timeCriticalOverdueAfter = timeCriticalOverdueAfter;
        return rules;
    }

    /** Whether a dose due at {@code due} and still open is overdue at {@code now}. */
    public boolean overdue(boolean timeCritical, Instant due, Instant now) {
        return now.isAfter(due.plus(timeCritical ? timeCriticalOverdueAfter : overdueAfter));
    }

    /** How far back an open dose can still be overdue: the ward list looks this far behind. */
    public Duration lookBack() {
        return Duration.ofHours(24);
    }
}

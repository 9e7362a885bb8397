package uk.nhs.icr.socialcare.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.socialcare.PlannedVisit;

/**
 * The timing rules of a provider's day, configured in one place: when a visit not started is late and when missed, how long a
 * time-critical dose may go unrecorded, when the day's drinks are checked. (When a visit is checked into is the care worker's
 * access window, which the access decision holds: {@code AccessControl.careWorkerWindow}.)
 */
@ApplicationScoped
public class CareRules {

    /** Where a visit not yet started stands at a moment. */
    public enum VisitTiming { NOT_DUE, LATE, MISSED }

    @Inject
    @ConfigProperty(name = "icr.visits.late-after", defaultValue = "PT30M")
    Duration lateAfter;

    @Inject
    @ConfigProperty(name = "icr.mar.time-critical-grace", defaultValue = "PT30M")
    Duration timeCriticalGrace;

    @Inject
    @ConfigProperty(name = "icr.fluids.check-time", defaultValue = "18:00")
    LocalTime fluidCheckTime;

    public CareRules() {
        // for CDI
    }

    /** Rules with these settings (a test's). */
    static CareRules of(Duration lateAfter, Duration timeCriticalGrace, LocalTime fluidCheckTime) {
        CareRules rules = new CareRules();
        rules.lateAfter = lateAfter;
        rules.timeCriticalGrace = timeCriticalGrace;
        rules.fluidCheckTime = fluidCheckTime;
        return rules;
    }

    /**
     * A visit not started at {@code now}: missed once its planned end has passed; late from {@code icr.visits.late-after} after
     * its planned start until then; otherwise not due yet (a visit shorter than that is missed at its end, never late).
     */
    public VisitTiming timingOf(PlannedVisit visit, Instant now) {
        if (!visit.plannedEnd().isAfter(now)) {
            return VisitTiming.MISSED;
        }
        return visit.plannedStart().plus(lateAfter).isAfter(now) ? VisitTiming.NOT_DUE : VisitTiming.LATE;
    }

    /** Whether the care worker arrived late: checked in more than {@code icr.visits.late-after} after the planned start. */
    public boolean arrivedLate(PlannedVisit visit) {
        return visit.checkedInAt() != null && visit.checkedInAt().isAfter(visit.plannedStart().plus(lateAfter));
    }

    /** When the drinks of {@code day} are checked against the target. */
    public Instant fluidCheckOn(LocalDate day) {
        return day.atTime(fluidCheckTime).atZone(UkClock.ZONE).toInstant();
    }

    public LocalTime fluidCheckTime() { return fluidCheckTime; }
    public Duration timeCriticalGrace() { return timeCriticalGrace; }
}

package uk.nhs.icr.socialcare.service;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.NotInFuture;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.socialcare.FluidCharts;
import uk.nhs.icr.socialcare.FluidIntake;

/**
 * Food and fluid charts (CQC: records that help to minimise dehydration): a daily fluid target per person, set by the
 * coordinator or a nurse; each drink recorded at the point of care; by the check time (18:00 by default) intake below the
 * target raises an alert to the coordinator (see {@link CareAlertService}).
 */
@Stateless
public class FluidChartService {

    public record FluidTarget(@Required @Min(100) @Max(5000) @Label("daily target (ml)") Integer dailyMl) {
    }

    public record NewIntake(@Required @Min(1) @Max(2000) @Label("amount (ml)") Integer amountMl,
                            @Required @Text(max = 60) String drink,
                            @NotInFuture @Label("time taken") Instant takenAt) {
    }

    public record IntakeView(long id, Instant takenAt, int amountMl, String drink, String recordedBy) implements Serializable {
    }

    /**
     * A day's chart: the drinks, the total, the target and, once the check time has passed, whether intake by then met it.
     * {@code belowTargetByCheckTime} is null before the check time or without a target.
     */
    public record FluidChartView(LocalDate date, Integer targetMl, int totalMl, Integer takenByCheckTimeMl, LocalTime checkTime,
                                 Boolean belowTargetByCheckTime, List<IntakeView> drinks) implements Serializable {
    }

    @Inject
    FluidCharts charts;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    UkClock clock;

    @Inject
    CareRules rules;

    @PatientDataAccess(resource = Resource.FLUID_TARGET, action = AuditAction.WRITE)
    public FluidChartView setTarget(NhsNumber person, @Valid FluidTarget target) {
        charts.setTarget(person, target.dailyMl(), currentCaller.require().username(), clock.now());
        return chart(person, clock.today());
    }

    @PatientDataAccess(resource = Resource.FLUID_CHART, action = AuditAction.CREATE)
    public IntakeView recordIntake(NhsNumber person, @Valid NewIntake intake) {
        Caller caller = currentCaller.require();
        Instant now = clock.now();
        FluidIntake drink = new FluidIntake(person, caller.organisation(), intake.takenAt() == null ? now : intake.takenAt(),
                intake.amountMl(), intake.drink().strip(), caller.username(), caller.displayName(), now);
        charts.add(drink);
        return view(drink);
    }

    @PatientDataAccess(resource = Resource.FLUID_CHART, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public FluidChartView chartOf(NhsNumber person, LocalDate day) {
        return chart(person, day);
    }

    private FluidChartView chart(NhsNumber person, LocalDate day) {
        Instant from = day.atStartOfDay(UkClock.ZONE).toInstant();
        Instant check = rules.fluidCheckOn(day);
        List<FluidIntake> drinks = charts.intakeOf(person, from, day.plusDays(1).atStartOfDay(UkClock.ZONE).toInstant());
        Integer target = charts.targetOf(person).orElse(null);
        int total = drinks.stream().mapToInt(FluidIntake::amountMl).sum();
        int byCheck = drinks.stream().filter(d -> d.takenAt().isBefore(check)).mapToInt(FluidIntake::amountMl).sum();
        boolean checked = !clock.now().isBefore(check);
        return new FluidChartView(day, target, total, checked ? byCheck : null, rules.fluidCheckTime(),
                target == null || !checked ? null : byCheck < target, drinks.stream().map(FluidChartService::view).toList());
    }

    private static IntakeView view(FluidIntake drink) {
        return new IntakeView(drink.id(), drink.takenAt(), drink.amountMl(), drink.drink(), drink.recordedByName());
    }
}

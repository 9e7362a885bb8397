package uk.nhs.icr.socialcare.service;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.access.service.PatientDataAccess;
import uk.nhs.icr.access.service.Resource;
import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.Codes;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.NotInFuture;
import uk.nhs.icr.platform.validation.Required;
import uk.nhs.icr.platform.validation.Text;
import uk.nhs.icr.socialcare.CarePlans;
import uk.nhs.icr.socialcare.DailyRecord;

/**
 * Daily records at the point of care, quick to enter on a phone: a note, a change of position with the skin checked, a
 * weight, a set of observations. Each is one small form; when it happened defaults to now.
 */
@Stateless
public class DailyRecordService {

    /** One daily record; which fields it needs depends on its kind. */
    public record NewDailyRecord(@Required DailyRecord.Kind kind,
                                 @NotInFuture @Label("time") Instant at,
                                 @Text(max = 2000) String note,
                                 DailyRecord.Position position,
                                 @Label("skin intact") Boolean skinIntact,
                                 @DecimalMin("20") @DecimalMax("350") @Label("weight (kg)") BigDecimal weightKg,
                                 @Min(20) @Max(250) Integer pulse,
                                 @DecimalMin("30") @DecimalMax("45") @Label("temperature (°C)") BigDecimal temperatureC,
                                 @Min(50) @Max(260) Integer systolic,
                                 @Min(20) @Max(160) Integer diastolic,
                                 @Min(4) @Max(60) @Label("respiration rate") Integer respirationRate,
                                 @Min(50) @Max(100) @Label("oxygen saturation") Integer oxygenSaturation) {
    }

    public record DailyRecordView(long id, String kind, Instant at, String note, String position, Boolean skinIntact, BigDecimal weightKg,
                                  Integer pulse, BigDecimal temperatureC, Integer systolic, Integer diastolic, Integer respirationRate,
                                  Integer oxygenSaturation, String recordedBy) implements Serializable {

        static DailyRecordView of(DailyRecord record) {
            DailyRecord.Observations o = record.observations();
            return new DailyRecordView(record.id(), Codes.of(record.kind()), record.recordedFor(), record.note(),
                    record.position() == null ? null : Codes.of(record.position()), record.skinIntact(), record.weightKg(), o.pulse(),
                    o.temperatureC(), o.systolic(), o.diastolic(), o.respirationRate(), o.oxygenSaturation(), record.recordedByName());
        }
    }

    @Inject
    CarePlans records;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    UkClock clock;

    @PatientDataAccess(resource = Resource.DAILY_RECORD, action = AuditAction.CREATE)
    public DailyRecordView record(NhsNumber person, @Valid NewDailyRecord made) {
        Caller caller = currentCaller.require();
        Instant now = clock.now();
        Instant at = made.at() == null ? now : made.at();
        String note = made.note() == null || made.note().isBlank() ? null : made.note().strip();
        DailyRecord record = switch (made.kind()) {
            case NOTE -> {
                if (note == null) {
                    throw InvalidInputException.of("note", "write the note");
                }
                yield DailyRecord.note(person, caller.organisation(), at, note, caller.username(), caller.displayName(), now);
            }
            case REPOSITIONING -> {
                if (made.position() == null) {
                    throw InvalidInputException.of("position", "the position the person was moved to");
                }
                yield DailyRecord.repositioning(person, caller.organisation(), at, made.position(), made.skinIntact(), note,
                        caller.username(), caller.displayName(), now);
            }
            case WEIGHT -> {
                if (made.weightKg() == null) {
                    throw InvalidInputException.of("weightKg", "the weight in kilograms");
                }
                yield DailyRecord.weight(person, caller.organisation(), at, made.weightKg(), note, caller.username(),
                        caller.displayName(), now);
            }
            case OBSERVATIONS -> {
                DailyRecord.Observations taken = new DailyRecord.Observations(made.pulse(), made.temperatureC(), made.systolic(),
                        made.diastolic(), made.respirationRate(), made.oxygenSaturation());
                if (taken.equals(new DailyRecord.Observations(null, null, null, null, null, null))) {
                    throw InvalidInputException.of("pulse", "at least one observation");
                }
                if ((made.systolic() == null) != (made.diastolic() == null)) {
                    throw InvalidInputException.of(made.systolic() == null ? "systolic" : "diastolic", "a blood pressure has both numbers");
                }
                yield DailyRecord.observations(person, caller.organisation(), at, taken, note, caller.username(), caller.displayName(), now);
            }
        };
        records.add(record);
        return DailyRecordView.of(record);
    }

    @PatientDataAccess(resource = Resource.DAILY_RECORD, action = AuditAction.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<DailyRecordView> day(NhsNumber person, LocalDate day) {
        return records.dailyRecords(person, day.atStartOfDay(UkClock.ZONE).toInstant(), day.plusDays(1).atStartOfDay(UkClock.ZONE)
                .toInstant()).stream().map(DailyRecordView::of).toList();
    }
}

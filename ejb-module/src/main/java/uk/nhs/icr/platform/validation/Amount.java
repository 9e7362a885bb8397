package uk.nhs.icr.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Digits;

/** A measured amount that fits where the record stores it (numeric(14,4)): below a billion, at most four decimal places. */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Digits(integer = 9, fraction = 4)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
public @interface Amount {

    String message() default "must be below a billion with at most 4 decimal places";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

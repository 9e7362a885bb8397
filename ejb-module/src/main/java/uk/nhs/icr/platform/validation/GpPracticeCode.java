package uk.nhs.icr.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import uk.nhs.icr.platform.OdsCode;

/** An ODS code of the shape GP practices have: one letter followed by five digits, e.g. {@code B86001}. */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Constraint(validatedBy = GpPracticeCode.Check.class)
public @interface GpPracticeCode {

    String message() default "must be a letter followed by five digits, e.g. B86001";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<GpPracticeCode, OdsCode> {

        @Override
        public boolean isValid(OdsCode value, ConstraintValidatorContext context) {
            return value == null || value.value().matches("[A-Z][0-9]{5}");
        }
    }
}

package uk.nhs.icr.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import uk.nhs.icr.platform.UkClock;

/**
 * Something that has already happened: a time no later than now (a minute's grace for clocks that differ), a
 * date no later than today in England. The time comes from {@link UkClock}, injected by the container.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Constraint(validatedBy = {NotInFuture.ForInstant.class, NotInFuture.ForDate.class})
public @interface NotInFuture {

    String message() default "cannot be in the future";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Clocks of partner systems and browsers drift: a minute ahead is still "now". */
    long GRACE_SECONDS = 60;

    class ForInstant implements ConstraintValidator<NotInFuture, Instant> {

        @Inject
        UkClock clock;

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || !value.isAfter(clock.now().plusSeconds(GRACE_SECONDS));
        }
    }

    class ForDate implements ConstraintValidator<NotInFuture, LocalDate> {

        @Inject
        UkClock clock;

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || !value.isAfter(clock.today());
        }
    }
}

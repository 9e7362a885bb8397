package uk.nhs.icr.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Collection;
import java.util.Objects;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A list of at most {@link #max()} items, none of them empty (a JSON {@code null} in the list, say). */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Constraint(validatedBy = Items.Check.class)
public @interface Items {

    int max();

    String message() default "must have at most {max} items";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Items, Collection<?>> {

        private int max;

        @Override
        public void initialize(Items constraint) {
            max = constraint.max();
        }

        @Override
        public boolean isValid(Collection<?> items, ConstraintValidatorContext context) {
            if (items == null) {
                return true;
            }
            if (items.stream().anyMatch(Objects::isNull)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must not have an empty item").addConstraintViolation();
                return false;
            }
            return items.size() <= max;
        }
    }
}

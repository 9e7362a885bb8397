package uk.nhs.icr.platform.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Two fields of a command record that must come in order (a visit's end after its start, a reference range's
 * high not below its low). The refusal is reported on {@link #later()}; either field absent is not this rule's
 * concern.
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Repeatable(InOrder.List.class)
@Constraint(validatedBy = InOrder.Check.class)
public @interface InOrder {

    String earlier();

    String later();

    /** True when the two may be equal. */
    boolean mayBeEqual() default false;

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @Documented
    @Retention(RUNTIME)
    @Target(TYPE)
    @interface List {
        InOrder[] value();
    }

    class Check implements ConstraintValidator<InOrder, Record> {

        private InOrder rule;

        @Override
        public void initialize(InOrder constraint) {
            rule = constraint;
        }

        @Override
        public boolean isValid(Record command, ConstraintValidatorContext context) {
            if (command == null) {
                return true;
            }
            Comparable<Object> earlier = value(command, rule.earlier());
            Comparable<Object> later = value(command, rule.later());
            if (earlier == null || later == null) {
                return true;
            }
            int order = later.compareTo(earlier);
            if (order > 0 || (order == 0 && rule.mayBeEqual())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(rule.message()).addPropertyNode(rule.later()).addConstraintViolation();
            return false;
        }

        @SuppressWarnings("unchecked")
        private static Comparable<Object> value(Record command, String name) {
            RecordComponent component = Arrays.stream(command.getClass().getRecordComponents())
                    .filter(c -> c.getName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(command.getClass().getSimpleName() + " has no field " + name));
            try {
                return (Comparable<Object>) component.getAccessor().invoke(command);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getSimpleName(), e);
            }
        }
    }
}

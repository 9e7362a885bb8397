package uk.nhs.icr.platform.validation;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import uk.nhs.icr.access.service.CurrentCaller;
import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.platform.service.FieldError;
import uk.nhs.icr.platform.service.Violations;

/**
 * Bean Validation as the server runs it (Hibernate Validator), outside the server: the clock the container
 * would inject into time constraints is one fixed here, and nobody is signed in (rules for staff apply).
 */
public final class CommandValidation {

    private final Validator validator;

    private CommandValidation(UkClock clock) {
        validator = Validation.byDefaultProvider().configure()
                .constraintValidatorFactory(new ClockInjecting(clock))
                .buildValidatorFactory()
                .getValidator();
    }

    public static CommandValidation at(Instant now) {
        return new CommandValidation(UkClock.fixedAt(now));
    }

    /** The field errors a client would be shown for this command. */
    public List<FieldError> errors(Object command) {
        return Violations.fieldErrors(validator.validate(command));
    }

    public List<String> refusedFields(Object command) {
        return errors(command).stream().map(FieldError::field).toList();
    }

    private record ClockInjecting(UkClock clock) implements ConstraintValidatorFactory {

        @Override
        public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> type) {
            try {
                T instance = type.getDeclaredConstructor().newInstance();
                for (Field field : type.getDeclaredFields()) {
                    if (field.getType() == UkClock.class) {
                        field.setAccessible(true);
                        field.set(instance, clock);
                    } else if (field.getType() == CurrentCaller.class) {
                        field.setAccessible(true);
                        field.set(instance, new CurrentCaller());
                    }
                }
                return instance;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make " + type.getName(), e);
            }
        }

        @Override
        public void releaseInstance(ConstraintValidator<?, ?> instance) {
            // nothing held
        }
    }
}

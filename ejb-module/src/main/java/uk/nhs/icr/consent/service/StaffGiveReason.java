package uk.nhs.icr.consent.service;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import uk.nhs.icr.access.service.Caller;
import uk.nhs.icr.access.service.CurrentCaller;

/**
 * Staff who record a directive for a patient say why, in at least {@link #min()} characters; a patient
 * recording their own owes nobody a reason. Who is recording comes from the signed-in caller.
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = StaffGiveReason.Check.class)
public @interface StaffGiveReason {

    int min();

    String message() default "must say why you record this for the patient (at least {min} characters)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<StaffGiveReason, ConsentService.NewConsentDirective> {

        @Inject
        CurrentCaller currentCaller;

        private int min;

        @Override
        public void initialize(StaffGiveReason constraint) {
            min = constraint.min();
        }

        @Override
        public boolean isValid(ConsentService.NewConsentDirective directive, ConstraintValidatorContext context) {
            boolean patient = currentCaller.get().map(Caller::isPatient).orElse(false);
            if (directive == null || patient || (directive.reason() != null && directive.reason().strip().length() >= min)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("reason").addConstraintViolation();
            return false;
        }
    }
}

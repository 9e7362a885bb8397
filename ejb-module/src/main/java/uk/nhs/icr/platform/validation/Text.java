package uk.nhs.icr.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text a person wrote: at most {@link #max()} characters; no control characters other than line breaks and tabs
 * (PostgreSQL refuses NUL outright); no text-direction overrides (U+202A to U+202E, U+2066 to U+2069: they
 * make a screen show other text than is stored); and no more than {@link #MAX_MARKS} combining marks on one
 * letter (real names need two or three; dozens are "zalgo" text that covers the lines around it). Absent text
 * is valid; {@link Required} says when it is not.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Constraint(validatedBy = Text.Check.class)
public @interface Text {

    int max();

    /** Vietnamese, Devanagari and Welsh letters carry at most three marks, even decomposed. */
    int MAX_MARKS = 4;

    String message() default "must be at most {max} characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Text, CharSequence> {

        private int max;

        @Override
        public void initialize(Text constraint) {
            max = constraint.max();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                return refuse(context, "must not contain control characters");
            }
            if (value.chars().anyMatch(c -> (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))) {
                return refuse(context, "must not contain text-direction controls");
            }
            if (mostMarksOnOneLetter(value) > MAX_MARKS) {
                return refuse(context, "must not stack more than " + MAX_MARKS + " accents or marks on one letter");
            }
            return value.length() <= max;
        }

        private static boolean refuse(ConstraintValidatorContext context, String message) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            return false;
        }

        static int mostMarksOnOneLetter(CharSequence value) {
            int most = 0;
            int run = 0;
            for (int i = 0; i < value.length(); i++) {
                int type = Character.getType(value.charAt(i));
                boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                        || type == Character.COMBINING_SPACING_MARK;
                run = mark ? run + 1 : 0;
                most = Math.max(most, run);
            }
            return most;
        }
    }
}

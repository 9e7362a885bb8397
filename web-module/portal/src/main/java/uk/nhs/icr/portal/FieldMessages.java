package uk.nhs.icr.portal;

import java.util.List;
import java.util.Set;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolationException;

import uk.nhs.icr.platform.service.FieldError;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.Violations;

/**
 * Puts a service's field errors beside the inputs they concern. Inputs are given the same ids as the
 * service's field names, so {@code nhsNumber} lands on {@code form:nhsNumber}; anything else is shown
 * at the top of the form.
 */
public final class FieldMessages {

    private FieldMessages() {
    }

    /** Puts each field a service refused beside its input (or at the top when the form has no such input). */
    public static void show(String formId, Set<String> fieldIds, RuntimeException refusal) {
        for (FieldError error : refusedFields(refusal)) {
            String clientId = fieldIds.contains(error.field()) ? formId + ":" + error.field() : null;
            error(clientId, error.message());
        }
    }

    /**
     * The fields a service refused, however it said so: a rule of its own ({@link InvalidInputException}) or Bean
     * Validation of its command ({@link ConstraintViolationException}).
     */
    public static List<FieldError> refusedFields(RuntimeException refusal) {
        if (refusal instanceof ConstraintViolationException violations) {
            return Violations.fieldErrors(violations.getConstraintViolations());
        }
        return ((InvalidInputException) refusal).errors();
    }

    public static void error(String clientId, String message) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, capitalise(message), null));
    }

    /** A confirmation at the top of the page. */
    public static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    private static String capitalise(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}

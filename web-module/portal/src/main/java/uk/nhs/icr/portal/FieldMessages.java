package uk.nhs.icr.portal;

import java.util.List;
import java.util.Set;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
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

    /**
     * An error beside the input {@code clientId} names (or at the top of the page when null). The input is marked
     * invalid too, so it is drawn as one and says so to a screen reader ({@code aria-invalid}).
     */
    public static void error(String clientId, String message) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, capitalise(message), null));
        if (clientId != null && faces.getViewRoot() != null && inputOf(faces, clientId) instanceof EditableValueHolder input) {
            input.setValid(false);
        }
    }

    /** The component a client id names, or null (an input inside a repeat is not found from the root: its message still shows). */
    private static Object inputOf(FacesContext faces, String clientId) {
        try {
            return faces.getViewRoot().findComponent(clientId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A confirmation at the top of the page. */
    public static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    private static String capitalise(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}

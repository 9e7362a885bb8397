package uk.nhs.icr.platform.service;

import java.util.List;

import jakarta.ejb.ApplicationException;

/** The request was refused field by field; nothing was written. Maps to 400 and to Faces field messages. */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("invalid input in " + errors.stream().map(FieldError::field).distinct().toList());
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}

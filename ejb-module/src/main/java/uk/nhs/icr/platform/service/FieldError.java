package uk.nhs.icr.platform.service;

import java.io.Serializable;

/** One refused input field: its name as the client sent it, and what is wrong in plain words. */
public record FieldError(String field, String message) implements Serializable {
}

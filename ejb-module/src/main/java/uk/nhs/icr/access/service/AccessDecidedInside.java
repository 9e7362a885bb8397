package uk.nhs.icr.access.service;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service method that takes a patient but is not {@link PatientDataAccess}: it decides and audits access
 * itself, by a rule of its own (registering a new patient, breaking the glass). Say which rule.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AccessDecidedInside {

    /** The rule the method applies instead, and why the usual decision does not fit. */
    String value();
}

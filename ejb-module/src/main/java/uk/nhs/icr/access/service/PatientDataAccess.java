package uk.nhs.icr.access.service;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import uk.nhs.icr.audit.AuditAction;

/**
 * Marks a service method that reads or writes one patient's data (the patient is its {@code NhsNumber}
 * parameter). Before the method runs, {@link PatientDataAccessInterceptor} asks the access decision point and
 * refuses if denied; a read is audited then, a write when it is recorded (or refused); the method finds what
 * consent withholds in {@link PatientAccess}. A service method that takes a patient and lacks this must say why with
 * {@link AccessDecidedInside} (a test checks every one).
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PatientDataAccess {

    /** No defaults: a write must never pass for a read by omission. */
    @Nonbinding
    Resource resource();

    @Nonbinding
    AuditAction action();
}

package uk.nhs.icr.access.service;

import java.lang.reflect.Method;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import uk.nhs.icr.patient.NhsNumber;

/** Puts every {@link PatientDataAccess} method behind the access decision point; the rules live there. */
@PatientDataAccess
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class PatientDataAccessInterceptor {

    @Inject
    AccessControl access;

    @AroundInvoke
    public Object decideFirst(InvocationContext invocation) throws Exception {
        PatientDataAccess binding = binding(invocation.getMethod());
        return access.around(patient(invocation), binding.resource(), binding.action(), invocation::proceed);
    }

    private static PatientDataAccess binding(Method method) {
        PatientDataAccess onMethod = method.getAnnotation(PatientDataAccess.class);
        return onMethod != null ? onMethod : method.getDeclaringClass().getAnnotation(PatientDataAccess.class);
    }

    private static NhsNumber patient(InvocationContext invocation) {
        for (Object parameter : invocation.getParameters()) {
            if (parameter instanceof NhsNumber patient) {
                return patient;
            }
        }
        throw new IllegalStateException(invocation.getMethod().getName() + " is marked @PatientDataAccess but takes no NhsNumber");
    }
}

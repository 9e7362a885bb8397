package uk.nhs.icr.access.service;

import java.lang.reflect.Method;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.service.InvalidInputException;

/** Puts every {@link PatientDataAccess} method behind the access decision point; the rules live there. */
// the binding's members are @Nonbinding: these values only satisfy the annotation, every use is intercepted
@PatientDataAccess(resource = Resource.SHARED_RECORD, action = AuditAction.READ)
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

    /** The method's NhsNumber argument; none given is a bad request, never a server error. */
    private static NhsNumber patient(InvocationContext invocation) {
        Class<?>[] types = invocation.getMethod().getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == NhsNumber.class) {
                if (invocation.getParameters()[i] == null) {
                    throw InvalidInputException.of("nhsNumber", "an NHS number is required");
                }
                return (NhsNumber) invocation.getParameters()[i];
            }
        }
        throw new IllegalStateException(invocation.getMethod().getName() + " is marked @PatientDataAccess but takes no NhsNumber");
    }
}

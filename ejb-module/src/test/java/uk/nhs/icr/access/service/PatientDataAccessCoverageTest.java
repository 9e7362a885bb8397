package uk.nhs.icr.access.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Paths;
import java.util.List;

import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import uk.nhs.icr.audit.AuditAction;
import uk.nhs.icr.patient.NhsNumber;

/**
 * Every business method of the EJB jar that takes a patient goes through the access decision point: it is
 * {@link PatientDataAccess}, or it says with {@link AccessDecidedInside} which rule of its own it applies.
 */
class PatientDataAccessCoverageTest {

    @Test
    void every_service_method_that_takes_a_patient_is_behind_the_access_decision() {
        // this module's own classes: the EJB jar, not the persistence jar its repositories live in
        JavaClasses production = new ClassFileImporter().importPath(Paths.get("target", "classes"));

        assertEquals(List.of(), unguarded(production));
    }

    /** The check itself: it must find a method that lacks the binding, and pass the ones that have it. */
    @Test
    void the_check_finds_a_patient_method_without_the_binding() {
        JavaClasses probes = new ClassFileImporter().importClasses(ForgetfulService.class, CarefulService.class);

        assertEquals(List.of("ForgetfulService.summary(NhsNumber)"), unguarded(probes));
    }

    static List<String> unguarded(JavaClasses classes) {
        return classes.stream()
                .filter(PatientDataAccessCoverageTest::isBusinessBean)
                .flatMap(bean -> bean.getMethods().stream())
                .filter(method -> method.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(method -> method.getRawParameterTypes().stream().anyMatch(type -> type.isEquivalentTo(NhsNumber.class)))
                .filter(method -> !method.isAnnotatedWith(PatientDataAccess.class) && !method.isAnnotatedWith(AccessDecidedInside.class)
                        && !method.getOwner().isAnnotatedWith(PatientDataAccess.class))
                .map(PatientDataAccessCoverageTest::describe)
                .sorted()
                .toList();
    }

    private static boolean isBusinessBean(JavaClass type) {
        return type.isAnnotatedWith(Stateless.class) || type.isAnnotatedWith(Singleton.class)
                || type.isAnnotatedWith(ApplicationScoped.class) || type.isAnnotatedWith(RequestScoped.class);
    }

    private static String describe(JavaMethod method) {
        return method.getOwner().getSimpleName() + "." + method.getName() + "("
                + String.join(", ", method.getRawParameterTypes().stream().map(JavaClass::getSimpleName).toList()) + ")";
    }

    @Stateless
    static class ForgetfulService {
        public String summary(NhsNumber patient) {
            return patient.value();
        }

        public String notAboutAPatient(String text) {
            return text;
        }
    }

    @Stateless
    static class CarefulService {
        @PatientDataAccess(resource = Resource.SHARED_RECORD, action = AuditAction.READ)
        public String summary(NhsNumber patient) {
            return patient.value();
        }

        @AccessDecidedInside("a probe for the test")
        public String grant(NhsNumber patient) {
            return patient.value();
        }
    }
}

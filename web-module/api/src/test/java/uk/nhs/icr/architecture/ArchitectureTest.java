package uk.nhs.icr.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.MappedSuperclass;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import uk.nhs.icr.platform.UkClock;

/**
 * The walls between ICR's layers, checked over the production classes of every module: this module's test
 * classpath holds the persistence and EJB jars, the shared web jar and the portal WAR's classes too.
 */
@AnalyzeClasses(packages = "uk.nhs.icr", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule only_the_clock_reads_the_time = noClasses()
            .that().doNotHaveFullyQualifiedName(UkClock.class.getName())
            .should().callMethodWhere(target(name("now")).and(target(owner(resideInAPackage("java.time")))))
            .orShould().callMethodWhere(target(name("systemUTC")).or(target(name("systemDefaultZone")))
                    .and(target(owner(resideInAPackage("java.time")))))
            .because("one injectable clock (UkClock) says what time and which UK date it is, and tests can fix it");

    @ArchTest
    static final ArchRule production_code_never_uses_demo_data = noClasses()
            .that().resideOutsideOfPackage("uk.nhs.icr.demo..")
            .should().dependOnClassesThat().resideInAPackage("uk.nhs.icr.demo..")
            .because("demo data is generated only when icr.demo-data.enabled is true, and nothing else may lean on it");

    @ArchTest
    static final ArchRule the_web_tier_never_sees_an_entity = noClasses()
            .that().resideInAnyPackage("uk.nhs.icr.portal..", "uk.nhs.icr.api..", "uk.nhs.icr.platform.web..")
            .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
            .orShould().dependOnClassesThat().areAnnotatedWith(MappedSuperclass.class)
            .orShould().dependOnClassesThat().areAssignableTo(EntityManager.class)
            .because("entities stay in the EJB tier; the web tier gets DTOs from the services");

    @ArchTest
    static final ArchRule the_portal_never_uses_the_api = noClasses()
            .that().resideInAnyPackage("uk.nhs.icr.portal..", "uk.nhs.icr.platform.web..")
            .should().dependOnClassesThat().resideInAPackage("uk.nhs.icr.api..")
            .because("the portal and the API are two WARs; what both need lives in uk.nhs.icr.platform.web");

    @ArchTest
    static final ArchRule the_api_never_uses_the_portal = noClasses()
            .that().resideInAnyPackage("uk.nhs.icr.api..", "uk.nhs.icr.platform.web..")
            .should().dependOnClassesThat().resideInAPackage("uk.nhs.icr.portal..")
            .because("the portal and the API are two WARs; what both need lives in uk.nhs.icr.platform.web");

    /**
     * String parameters of EJB business methods that are free text or an identifier kept as text, never a
     * value that has a type (an NHS number, a date, a number, a flag, a code): those are converted at the edge.
     */
    static final Set<String> FREE_TEXT = Set.of(
            "test",      // a blood test's name as the lab reports it
            "medicine",  // a medicine's name as dm+d writes it
            "typed",     // what someone typed into a search box, matched as text
            "reason",    // the clinician's words: why they break the glass
            "note",      // the privacy officer's words on a review
            "username",  // a sign-in name, as the staff directory holds it
            "studyId");  // a study's reference, as its approval issued it

    @Test
    void service_methods_take_values_not_strings_to_parse() throws ClassNotFoundException {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("uk.nhs.icr");
        List<String> stringly = new ArrayList<>();
        for (JavaClass bean : classes) {
            if (!bean.isAnnotatedWith(Stateless.class) && !bean.isAnnotatedWith(Singleton.class)) {
                continue;
            }
            for (Method method : Class.forName(bean.getName(), false, ArchitectureTest.class.getClassLoader()).getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                for (Parameter parameter : method.getParameters()) {
                    assertTrue(parameter.isNamePresent(), "compiled with -parameters");
                    if (parameter.getType() == String.class && !FREE_TEXT.contains(parameter.getName())) {
                        stringly.add(bean.getSimpleName() + "." + method.getName() + "(" + parameter.getName() + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), stringly);
    }

    /**
     * What the portal keeps between requests (session and view scoped beans, and what they hold) is copied to the other
     * node of a cluster, by Java serialization: a field that cannot be serialized fails that copy, which on a cluster
     * loses the user's page when their node dies and stops a node that joins from starting. Container proxies (injected
     * beans, EJBs) are serialized by reference and left out; java.util's collection interfaces are taken on trust (their
     * implementations are serializable), but their element types are checked, as are the permitted subtypes of a sealed
     * type. What a field's declared type cannot show (a subclass of an open type) is not seen.
     */
    @Test
    void what_the_portal_keeps_between_requests_can_be_copied_to_another_node() throws ClassNotFoundException {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("uk.nhs.icr.portal");
        List<String> problems = new ArrayList<>();
        Set<Class<?>> checked = new HashSet<>();
        int beans = 0;
        for (JavaClass bean : classes) {
            if (bean.isAnnotatedWith(ViewScoped.class) || bean.isAnnotatedWith(SessionScoped.class)
                    || bean.isAnnotatedWith(ConversationScoped.class)) {
                beans++;
                checkSerializable(Class.forName(bean.getName(), false, ArchitectureTest.class.getClassLoader()), bean.getSimpleName(),
                        problems, checked);
            }
        }
        assertTrue(beans > 10, "found the portal's view and session beans (" + beans + ")");
        assertEquals(List.of(), problems);
    }

    private static void checkSerializable(Type type, String path, List<String> problems, Set<Class<?>> checked) {
        if (type instanceof ParameterizedType parameterized) {
            checkSerializable(parameterized.getRawType(), path, problems, checked);
            for (Type argument : parameterized.getActualTypeArguments()) {
                checkSerializable(argument, path + "<>", problems, checked);
            }
        } else if (type instanceof GenericArrayType array) {
            checkSerializable(array.getGenericComponentType(), path + "[]", problems, checked);
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                checkSerializable(bound, path, problems, checked);
            }
        } else if (type instanceof TypeVariable<?>) {
            return; // its bound is checked where it is given
        } else if (type instanceof Class<?> c) {
            if (c.isPrimitive() || c.isEnum() || c == Object.class || isContainerProxy(c)) {
                return; // an enum is written by name
            }
            if (c.isSealed()) {
                for (Class<?> permitted : c.getPermittedSubclasses()) {
                    checkSerializable(permitted, path + "(" + permitted.getSimpleName() + ")", problems, checked);
                }
            }
            if (c.isArray()) {
                checkSerializable(c.getComponentType(), path + "[]", problems, checked);
            } else if (c.isInterface() && (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c))) {
                return; // the element types came as type arguments, checked above
            } else if (!Serializable.class.isAssignableFrom(c)) {
                problems.add(path + ": " + c.getName() + " is not serializable");
            } else if (c.getName().startsWith("uk.nhs.icr.") && checked.add(c)) {
                for (Class<?> level = c; level != null && level.getName().startsWith("uk.nhs.icr."); level = level.getSuperclass()) {
                    for (Field field : level.getDeclaredFields()) {
                        if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
                                || field.isAnnotationPresent(Inject.class) || field.isAnnotationPresent(EJB.class)) {
                            continue;
                        }
                        checkSerializable(field.getGenericType(), path + "." + field.getName(), problems, checked);
                    }
                }
            }
        }
    }

    /** An enterprise bean's type: what a field of it holds is the container's proxy, serialized by reference. */
    private static boolean isContainerProxy(Class<?> type) {
        return type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class)
                || type.isAnnotationPresent(Stateful.class) || type.isAnnotationPresent(Local.class);
    }

    /** A package split across two jars is two half-packages: each module owns its packages outright. */
    @Test
    void no_package_lives_in_two_modules() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("uk.nhs.icr");
        Map<String, Set<String>> modulesByPackage = new TreeMap<>();
        for (JavaClass javaClass : classes) {
            javaClass.getSource().ifPresent(source -> modulesByPackage
                    .computeIfAbsent(javaClass.getPackageName(), p -> new TreeSet<>()).add(moduleOf(source.getUri(), javaClass)));
        }
        Map<String, Set<String>> split = new TreeMap<>();
        modulesByPackage.forEach((pkg, modules) -> {
            if (modules.size() > 1) {
                split.put(pkg, modules);
            }
        });
        assertEquals(Map.of(), split, "packages found in more than one module");
    }

    /** The jar, or the classes directory, a class was loaded from. */
    private static String moduleOf(URI uri, JavaClass javaClass) {
        String location = uri.toString();
        int jar = location.indexOf("!/");
        if (jar >= 0) {
            return location.substring(0, jar);
        }
        String relative = javaClass.getName().replace('.', '/') + ".class";
        return location.endsWith(relative) ? location.substring(0, location.length() - relative.length()) : location;
    }
}

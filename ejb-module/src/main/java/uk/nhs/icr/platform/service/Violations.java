package uk.nhs.icr.platform.service;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import uk.nhs.icr.platform.validation.Label;
import uk.nhs.icr.platform.validation.Required;

/**
 * Bean Validation's refusals as the field errors clients and forms show: the field as the client named it
 * ({@code provisions[0].type}), the message after the field's label ("reference high must not be below
 * reference low"), in the order the command declares its fields.
 */
public final class Violations {

    private Violations() {
    }

    /** One error per field: "is required" when that is broken (nothing else about an empty field helps), else the first. */
    public static List<FieldError> fieldErrors(Collection<? extends ConstraintViolation<?>> violations) {
        record Placed(List<Integer> position, boolean required, FieldError error) {
        }
        Map<String, Placed> byField = new LinkedHashMap<>();
        violations.stream()
                .map(violation -> new Placed(position(violation),
                        violation.getConstraintDescriptor().getAnnotation() instanceof Required,
                        new FieldError(field(violation.getPropertyPath()), label(violation) + " " + violation.getMessage())))
                .sorted(Comparator.comparing((Placed placed) -> !placed.required()).thenComparing(placed -> placed.error().message()))
                .forEach(placed -> byField.putIfAbsent(placed.error().field(), placed));
        return byField.values().stream()
                .sorted((a, b) -> compare(a.position(), b.position()))
                .map(Placed::error)
                .toList();
    }

    /** The errors in the order {@code command} declares the fields they name (a field's name runs to '.' or '['). */
    public static List<FieldError> inFormOrder(Class<?> command, List<FieldError> errors) {
        return errors.stream()
                .sorted(Comparator.comparingInt(error -> index(command, error.field().split("[.\\[]", 2)[0])))
                .toList();
    }

    /** What a field is called in a sentence: its {@link Label}, or its name as lower-case words. */
    public static String label(Class<?> owner, String name) {
        return component(owner, name)
                .map(component -> component.getAnnotation(Label.class))
                .map(Label::value)
                .orElseGet(() -> name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT));
    }

    /** The field as the client named it; a method's own parameter (free text, say) by the parameter's name. */
    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = "";
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
            }
            if (kind != ElementKind.PROPERTY && kind != ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (kind == ElementKind.PROPERTY) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? parameter : field.toString();
    }

    private static String label(ConstraintViolation<?> violation) {
        String name = null;
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                name = node.getName();
            } else if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            }
        }
        if (name == null) {
            return parameter == null ? "the form" : label(Object.class, parameter);
        }
        Object leaf = violation.getLeafBean();
        return label(leaf == null ? Object.class : leaf.getClass(), name);
    }

    /**
     * Where the violated field stands in the command, level by level ({@code provisions[1].type}: the place of
     * provisions, item 1, the place of type in a provision), for a report in the form's order.
     */
    private static List<Integer> position(ConstraintViolation<?> violation) {
        List<Integer> position = new ArrayList<>();
        Type current = violation.getRootBeanClass();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER && violation.getExecutableParameters() != null) {
                Object argument = violation.getExecutableParameters()[node.as(Path.ParameterNode.class).getParameterIndex()];
                current = argument == null ? Object.class : argument.getClass();
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                position.add(node.getIndex());
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                Class<?> owner = itemClass(current);
                position.add(index(owner, node.getName()));
                current = component(owner, node.getName()).<Type>map(RecordComponent::getGenericType).orElse(Object.class);
            }
        }
        return position;
    }

    /** The class whose fields come next: a list's item class, or the type itself. */
    private static Class<?> itemClass(Type type) {
        if (type instanceof ParameterizedType list && list.getActualTypeArguments()[0] instanceof Class<?> item) {
            return item;
        }
        return type instanceof Class<?> plain ? plain : Object.class;
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = Integer.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int index(Class<?> command, String name) {
        RecordComponent[] components = command.getRecordComponents();
        if (components == null) {
            return Integer.MAX_VALUE;
        }
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static Optional<RecordComponent> component(Class<?> owner, String name) {
        RecordComponent[] components = owner.getRecordComponents();
        return components == null ? Optional.empty()
                : Arrays.stream(components).filter(component -> component.getName().equals(name)).findFirst();
    }
}

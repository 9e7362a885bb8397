package uk.nhs.icr.platform.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.Validator;

import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.platform.service.FieldError;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.platform.service.Violations;
import uk.nhs.icr.platform.web.FieldParsers;

/**
 * Turns a form as a person or partner system typed it (a JSON object; a portal form's fields as one) into a
 * service's command record: each field converted to its type (numbers, times, dates, codes, NHS numbers and
 * other value objects, lists, nested records). A field that cannot be read is refused by name; the rest of the
 * form is then checked against the command's constraints too, so that every bad field is reported at once.
 * A command that converts cleanly goes to its service, which validates it (Bean Validation) as the authority.
 */
@ApplicationScoped
public class CommandBinder {

    /** No ICR form has more; a longer list is refused before it is read. */
    static final int MAX_LIST_LENGTH = 1000;

    @Inject
    Validator validator;

    public <C extends Record> C bind(Class<C> type, JsonObject typed) {
        List<FieldError> refused = new ArrayList<>();
        C command = record(type, typed, "", refused);
        if (refused.isEmpty()) {
            return command;
        }
        List<FieldError> errors = new ArrayList<>(refused);
        Violations.fieldErrors(validator.validate(command)).stream()
                .filter(error -> refused.stream().noneMatch(r -> within(error.field(), r.field())))
                .forEach(errors::add);
        throw new InvalidInputException(Violations.inFormOrder(type, errors));
    }

    /**
     * A web form's fields by name, as typed: text (or anything else, as its text), true/false, lists of them, and
     * maps for nested records; a field left empty ({@code null}) is absent.
     */
    public <C extends Record> C bind(Class<C> type, Map<String, ?> fields) {
        return bind(type, object(fields));
    }

    private static JsonObject object(Map<String, ?> fields) {
        JsonObjectBuilder typed = Json.createObjectBuilder();
        fields.forEach((name, value) -> {
            if (value != null) {
                typed.add(name, json(value));
            }
        });
        return typed.build();
    }

    @SuppressWarnings("unchecked")
    private static JsonValue json(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Boolean yes) {
            return yes ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Map<?, ?> nested) {
            return object((Map<String, ?>) nested);
        }
        if (value instanceof Collection<?> items) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            items.forEach(item -> array.add(json(item)));
            return array.build();
        }
        return Json.createValue(value.toString());
    }

    private static boolean within(String field, String refused) {
        return field.equals(refused) || field.startsWith(refused + ".") || field.startsWith(refused + "[");
    }

    private static <C extends Record> C record(Class<C> type, JsonObject typed, String prefix, List<FieldError> refused) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String label = Violations.label(type, component.getName());
            JsonValue value = typed == null ? null : typed.get(component.getName());
            values[i] = convert(component.getGenericType(), value, prefix + component.getName(), label, refused);
        }
        try {
            Constructor<C> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static Object convert(Type type, JsonValue value, String field, String label, List<FieldError> refused) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return list(list.getActualTypeArguments()[0], value, field, label, refused);
        }
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        Class<?> target = (Class<?>) type;
        if (target.isRecord() && !hasParser(target)) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                refused.add(new FieldError(field, label + " must be an object"));
                return null;
            }
            return record(target.asSubclass(Record.class), value.asJsonObject(), field + ".", refused);
        }
        if (value.getValueType() == JsonValue.ValueType.OBJECT || value.getValueType() == JsonValue.ValueType.ARRAY) {
            refused.add(new FieldError(field, label + " must be a single value, not a list or an object"));
            return null;
        }
        // a page break or a vertical tab pasted from a document is a line break to the reader, not a reason to refuse it
        String text = (value instanceof JsonString string ? string.getString() : value.toString())
                .replace('\f', '\n').replace('\013', '\n');
        if (hasControlCharacter(text)) {
            // PostgreSQL cannot store a NUL in text, and nothing a person types has a bell or an escape in it
            refused.add(new FieldError(field, label + " must not contain control characters"));
            return null;
        }
        if (text.isBlank()) {
            return null;
        }
        try {
            // one spelling for what looks the same: composed accents (NFC), as names are compared and searched
            return parser(target, label).apply(Normalizer.normalize(text.strip(), Normalizer.Form.NFC));
        } catch (InvalidValueException e) {
            refused.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    /** A C0 control character or DEL other than the tab and line breaks a note may hold. */
    public static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f);
    }

    private static List<Object> list(Type element, JsonValue value, String field, String label, List<FieldError> refused) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            refused.add(new FieldError(field, label + " must be a list"));
            return List.of();
        }
        JsonArray array = value.asJsonArray();
        if (array.size() > MAX_LIST_LENGTH) {
            refused.add(new FieldError(field, label + " must have at most " + MAX_LIST_LENGTH + " items"));
            return List.of();
        }
        List<Object> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            int refusedBefore = refused.size();
            Object item = convert(element, array.get(i), field + "[" + i + "]", label, refused);
            // an item that could not be read is left out, so that the list is not refused again for an empty item
            if (item != null || refused.size() == refusedBefore) {
                items.add(item);
            }
        }
        return items;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Function<String, ?> parser(Class<?> target, String label) {
        if (target == String.class) {
            return Function.identity();
        }
        if (target == BigDecimal.class) {
            return FieldParsers.decimal(label, false);
        }
        if (target == Long.class) {
            return FieldParsers.wholeNumber(label);
        }
        if (target == Integer.class) {
            return FieldParsers.wholeNumber(label).andThen(number -> {
                if (number > Integer.MAX_VALUE) {
                    throw new InvalidValueException(label + " must be at most " + Integer.MAX_VALUE);
                }
                return number.intValue();
            });
        }
        if (target == Boolean.class) {
            return FieldParsers.yesNo(label, false);
        }
        if (target == Instant.class) {
            return FieldParsers.anyInstant(label);
        }
        if (target == LocalDate.class) {
            return FieldParsers.date(label, false);
        }
        if (target == LocalTime.class) {
            return FieldParsers.timeOfDay(label);
        }
        if (target.isEnum()) {
            return FieldParsers.oneOf(label, (Class) target);
        }
        Method parse = valueObjectParser(target);
        return text -> {
            try {
                return parse.invoke(null, text);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw new IllegalStateException(e);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static boolean hasParser(Class<?> target) {
        try {
            valueObjectParser(target);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** A value object reads itself from text with {@code public static T parse(String)} (NhsNumber, OdsCode, Postcode). */
    private static Method valueObjectParser(Class<?> target) {
        try {
            Method parse = target.getMethod("parse", String.class);
            if (Modifier.isStatic(parse.getModifiers()) && target.isAssignableFrom(parse.getReturnType())) {
                return parse;
            }
        } catch (NoSuchMethodException e) {
            // refused below
        }
        throw new IllegalStateException("no conversion from text to " + target.getName());
    }
}

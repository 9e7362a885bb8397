package uk.nhs.icr.api.openapi;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * An example for every JSON request and answer whose operation shows none of its own, made from the body's schema: the
 * examples its properties carry (an NHS number, a postcode, an ODS code), an enumeration's first value, the lowest value
 * a number may take, a date; every property, one item in each list. Each says it was made from the schema, so that a
 * partner reading the document can tell it from the operations' own worked examples.
 */
final class SchemaExamples {

    static final String NAME = "from the schema";
    private static final String SUMMARY = "Made from the schema (each field's own example or a value of its type)";
    /** Deeper than any ICR body; stops a schema that refers to itself. */
    private static final int MAX_DEPTH = 8;

    private final Map<String, Schema> components;

    private SchemaExamples(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
        components = schemas == null ? Map.of() : schemas;
    }

    /** Adds an example to each JSON request body and 2xx answer of every operation that has a schema and no example. */
    static void addWhereMissing(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        SchemaExamples examples = new SchemaExamples(openAPI);
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getRequestBody() != null) {
                    examples.addTo(operation.getRequestBody().getContent());
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().getAPIResponses().forEach((status, response) -> {
                        if (status.startsWith("2") && response.getRef() == null) {
                            examples.addTo(response.getContent());
                        }
                    });
                }
            }
        }
    }

    private void addTo(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((type, media) -> {
            if (type.contains("json") && !hasExample(media) && media.getSchema() != null) {
                Object value = valueOf(media.getSchema(), "", 0, new HashSet<>());
                if (value != null) {
                    media.addExample(NAME, OASFactory.createExample().summary(SUMMARY).value(value));
                }
            }
        });
    }

    private static boolean hasExample(MediaType media) {
        return media.getExample() != null || (media.getExamples() != null && !media.getExamples().isEmpty());
    }

    private Object valueOf(Schema schema, String name, int depth, Set<String> visiting) {
        if (schema == null || depth > MAX_DEPTH) {
            return null;
        }
        if (schema.getRef() != null) {
            String component = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (!visiting.add(component)) {
                return null;
            }
            Object value = valueOf(components.get(component), name, depth + 1, visiting);
            visiting.remove(component);
            return value;
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getConstValue() != null) {
            return schema.getConstValue();
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().stream().filter(value -> value != null).findFirst().orElse(null);
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return allOf(schema.getAllOf(), name, depth, visiting);
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return valueOf(schema.getOneOf().get(0), name, depth + 1, visiting);
        }
        if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
            return valueOf(schema.getAnyOf().get(0), name, depth + 1, visiting);
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        Schema.SchemaType type = types.stream().filter(t -> t != Schema.SchemaType.NULL).findFirst()
                .orElse(schema.getProperties() != null ? Schema.SchemaType.OBJECT : null);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case OBJECT -> object(schema, depth, visiting);
            case ARRAY -> {
                Object item = valueOf(schema.getItems(), name, depth + 1, visiting);
                yield item == null ? List.of() : List.of(item);
            }
            case STRING -> string(schema, name);
            case INTEGER -> schema.getMinimum() != null ? schema.getMinimum().max(BigDecimal.ONE).toBigInteger() : 1;
            case NUMBER -> schema.getMinimum() != null ? schema.getMinimum().max(BigDecimal.ONE) : new BigDecimal("1.5");
            case BOOLEAN -> false;
            default -> null;
        };
    }

    private Map<String, Object> object(Schema schema, int depth, Set<String> visiting) {
        Map<String, Object> object = new LinkedHashMap<>();
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((property, propertySchema) -> {
                Object value = valueOf(propertySchema, property, depth + 1, visiting);
                if (value != null) {
                    object.put(property, value);
                }
            });
        }
        return object;
    }

    @SuppressWarnings("unchecked")
    private Object allOf(List<Schema> parts, String name, int depth, Set<String> visiting) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Schema part : parts) {
            Object value = valueOf(part, name, depth + 1, visiting);
            if (value instanceof Map<?, ?> map) {
                merged.putAll((Map<String, Object>) map);
            } else if (value != null && parts.size() == 1) {
                return value;
            }
        }
        return merged;
    }

    /**
     * A string of the schema's format, or, for a plain string, one a reader recognises by the field's name; none where the
     * schema's pattern would refuse it (an example that breaks its own schema misleads more than no example).
     */
    private static String string(Schema schema, String name) {
        String candidate = candidate(schema.getFormat() == null ? "" : schema.getFormat(), name.toLowerCase(Locale.ROOT), name);
        if (schema.getPattern() != null) {
            try {
                // the whole value, as the API's own check (Jakarta Validation's @Pattern) reads it
                return Pattern.compile(schema.getPattern()).matcher(candidate).matches() ? candidate : null;
            } catch (PatternSyntaxException e) {
                return null;
            }
        }
        return candidate;
    }

    /** Examples of the string formats the API's schemas use. */
    private static final Map<String, String> BY_FORMAT = Map.of(
            "date", "2026-11-30",
            "date-time", "2026-11-30T09:30:00Z",
            "uuid", "3f1c2a9e-7b4d-4c1e-9a57-2d8e6b0c4f11",
            "uri", "https://example.org/");

    /** A property whose lower-case name passes the test gets the example; the first that passes wins. */
    private record NamedExample(Predicate<String> test, String example) {
    }

    private static final List<NamedExample> BY_NAME = List.of(
            new NamedExample(name -> name.contains("nhsnumber"), "9434765919"),
            new NamedExample(name -> name.endsWith("odscode"), "Y90001"),
            new NamedExample(name -> name.contains("postcode"), "LS1 4AP"),
            new NamedExample("snomedcode"::equals, "38341003"),
            new NamedExample("ward"::equals, "OAK"),
            new NamedExample("givenname"::equals, "Ada"),
            new NamedExample("familyname"::equals, "Lovelace"));

    private static String candidate(String format, String lower, String name) {
        String byFormat = BY_FORMAT.get(format);
        if (byFormat != null) {
            return byFormat;
        }
        return BY_NAME.stream().filter(named -> named.test().test(lower)).map(NamedExample::example).findFirst()
                .orElse(name.isEmpty() ? "text" : "text of " + name);
    }
}

package uk.nhs.icr.platform;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;

/**
 * Stores a list of value objects as one JSON array (JSON-B), for values that are always read and written
 * whole (a consent directive's provisions, a donor's representatives). Subclass with the element type.
 */
public abstract class JsonListConverter<T> implements AttributeConverter<List<T>, String> {

    private static final Jsonb JSON = JsonbBuilder.create();

    private final Type listType;

    protected JsonListConverter(Class<T> elementType) {
        this.listType = new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {elementType};
            }

            @Override
            public Type getRawType() {
                return List.class;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
    }

    @Override
    public String convertToDatabaseColumn(List<T> values) {
        return values == null ? null : JSON.toJson(values, listType);
    }

    @Override
    public List<T> convertToEntityAttribute(String json) {
        if (json == null) {
            return List.of();
        }
        List<T> values = JSON.fromJson(json, listType);
        return values == null ? List.of() : List.copyOf(values);
    }
}

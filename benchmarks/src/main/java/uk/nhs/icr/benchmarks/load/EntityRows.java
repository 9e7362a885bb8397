package uk.nhs.icr.benchmarks.load;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * Writes JPA entities as rows of PostgreSQL's {@code COPY … FROM STDIN} text format, reading the same mapping
 * annotations Hibernate reads (columns, embeddables, attribute overrides, converters, enums, the discriminator), so
 * that the bulk loader writes exactly what the application would have written and no column list is kept twice.
 * Identity columns are left to the database; a sequence-generated id must be given by the caller.
 * <p>
 * One instance covers one table: the union of the columns of the entity classes given (a single-table hierarchy's
 * subclasses), each row writing {@code \N} in the columns its class does not map.
 */
public final class EntityRows {

    private final String table;
    private final List<String> columns;
    private final Map<Class<?>, Map<String, Function<Object, Object>>> valuesByClass = new HashMap<>();
    private final Map<Class<?>, AttributeConverter<Object, Object>> autoApplied;

    /** @param autoApplied the persistence unit's {@code autoApply} converters: NHS numbers, ODS codes, postcodes */
    public EntityRows(List<Class<? extends AttributeConverter<?, ?>>> autoApplied, Class<?>... entities) {
        this.autoApplied = new HashMap<>();
        for (Class<? extends AttributeConverter<?, ?>> converter : autoApplied) {
            this.autoApplied.put(convertedType(converter), instantiate(converter));
        }
        String tableName = null;
        LinkedHashMap<String, Boolean> union = new LinkedHashMap<>();
        for (Class<?> entity : entities) {
            Map<String, Function<Object, Object>> values = mapping(entity);
            values.keySet().forEach(column -> union.put(column, true));
            valuesByClass.put(entity, values);
            String name = tableOf(entity);
            if (tableName != null && !tableName.equals(name)) {
                throw new IllegalArgumentException(entity + " is stored in " + name + ", not " + tableName);
            }
            tableName = name;
        }
        this.table = tableName;
        this.columns = List.copyOf(union.keySet());
    }

    /** The statement that takes these rows. */
    public String copyStatement(String... extraColumns) {
        List<String> all = new ArrayList<>(columns);
        all.addAll(List.of(extraColumns));
        return "COPY " + table + " (" + String.join(", ", all) + ") FROM STDIN";
    }

    /** Appends the entity's row (then each extra value, in the order of {@link #copyStatement}'s extra columns). */
    public void append(Object entity, StringBuilder out, Object... extraValues) {
        Map<String, Function<Object, Object>> values = valuesByClass.get(entity.getClass());
        if (values == null) {
            throw new IllegalArgumentException(entity.getClass() + " is not one of this table's entities");
        }
        for (int i = 0; i < columns.size(); i++) {
            Function<Object, Object> value = values.get(columns.get(i));
            writeField(value == null ? null : value.apply(entity), out, i == 0);
        }
        for (Object extra : extraValues) {
            writeField(extra, out, false);
        }
        out.append('\n');
    }

    /** Appends a row of plain values (for tables the application writes with native SQL). */
    public static void appendRow(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            writeField(values[i], out, i == 0);
        }
        out.append('\n');
    }

    private Map<String, Function<Object, Object>> mapping(Class<?> entity) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        Map<String, String> overrides = new HashMap<>();
        for (Class<?> c : hierarchy) {
            for (AttributeOverride override : c.getAnnotationsByType(AttributeOverride.class)) {
                overrides.put(override.name(), override.column().name());
            }
        }
        Map<String, Function<Object, Object>> values = new LinkedHashMap<>();
        for (Class<?> c : hierarchy) {
            DiscriminatorColumn discriminator = c.getAnnotation(DiscriminatorColumn.class);
            DiscriminatorValue value = entity.getAnnotation(DiscriminatorValue.class);
            if (discriminator != null && value != null) {
                values.put(discriminator.name(), any -> value.value());
            }
            for (Field field : c.getDeclaredFields()) {
                addField(field, overrides, Function.identity(), values);
            }
        }
        return values;
    }

    private void addField(Field field, Map<String, String> overrides, Function<Object, Object> owner,
                          Map<String, Function<Object, Object>> values) {
        if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
                || field.isAnnotationPresent(Transient.class) || field.isAnnotationPresent(ElementCollection.class)
                || field.isAnnotationPresent(OneToMany.class)) {
            return;
        }
        field.setAccessible(true);
        Function<Object, Object> read = owner.andThen(target -> target == null ? null : get(field, target));
        if (field.isAnnotationPresent(Embedded.class) || field.getType().isAnnotationPresent(Embeddable.class)) {
            for (Field inner : field.getType().getDeclaredFields()) {
                addField(inner, Map.of(), read, values);
            }
            return;
        }
        if (field.isAnnotationPresent(ManyToOne.class)) {
            String column = field.getAnnotation(JoinColumn.class).name();
            values.put(column, read.andThen(target -> {
                if (target != null) {
                    throw new UnsupportedOperationException("the bulk loader writes no associations: " + field);
                }
                return null;
            }));
            return;
        }
        GeneratedValue generated = field.getAnnotation(GeneratedValue.class);
        if (field.isAnnotationPresent(Id.class)) {
            if (generated != null && generated.strategy() == GenerationType.IDENTITY) {
                return;
            }
            values.put(columnName(field, overrides, "id"), read);
            return;
        }
        if (field.isAnnotationPresent(Version.class)) {
            values.put(columnName(field, overrides, "version"), read);
            return;
        }
        Column column = field.getAnnotation(Column.class);
        if (column == null) {
            throw new IllegalStateException(field + " has no @Column: say where it is stored");
        }
        if (!column.insertable()) {
            return;
        }
        values.put(columnName(field, overrides, null), read.andThen(converterFor(field)));
    }

    private Function<Object, Object> converterFor(Field field) {
        Convert convert = field.getAnnotation(Convert.class);
        if (convert != null) {
            @SuppressWarnings("unchecked")
            AttributeConverter<Object, Object> converter = instantiate((Class<? extends AttributeConverter<?, ?>>) convert.converter());
            return value -> value == null ? null : converter.convertToDatabaseColumn(value);
        }
        AttributeConverter<Object, Object> auto = autoApplied.get(field.getType());
        if (auto != null) {
            return value -> value == null ? null : auto.convertToDatabaseColumn(value);
        }
        if (field.getType().isEnum()) {
            Enumerated enumerated = field.getAnnotation(Enumerated.class);
            boolean byName = enumerated != null && enumerated.value() == EnumType.STRING;
            return value -> value == null ? null : byName ? ((Enum<?>) value).name() : ((Enum<?>) value).ordinal();
        }
        return Function.identity();
    }

    private static String columnName(Field field, Map<String, String> overrides, String fallback) {
        String override = overrides.get(field.getName());
        if (override != null) {
            return override;
        }
        Column column = field.getAnnotation(Column.class);
        if (column != null && !column.name().isEmpty()) {
            return column.name();
        }
        if (fallback != null) {
            return fallback;
        }
        throw new IllegalStateException(field + " names no column");
    }

    private static String tableOf(Class<?> entity) {
        for (Class<?> c = entity; c != null; c = c.getSuperclass()) {
            Table table = c.getAnnotation(Table.class);
            if (table != null) {
                return table.name();
            }
        }
        throw new IllegalArgumentException(entity + " names no table");
    }

    private static Object get(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> convertedType(Class<?> converter) {
        for (Type type : converter.getGenericInterfaces()) {
            if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == AttributeConverter.class) {
                return (Class<?>) parameterized.getActualTypeArguments()[0];
            }
        }
        throw new IllegalArgumentException(converter + " is not an AttributeConverter");
    }

    @SuppressWarnings("unchecked")
    private static AttributeConverter<Object, Object> instantiate(Class<? extends AttributeConverter<?, ?>> converter) {
        try {
            var constructor = converter.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (AttributeConverter<Object, Object>) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + converter, e);
        }
    }

    /** One field of the text format: {@code \N} for null, booleans as t/f, backslash escapes for the separators. */
    private static void writeField(Object value, StringBuilder out, boolean first) {
        if (!first) {
            out.append('\t');
        }
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString());
        } else {
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
    }
}

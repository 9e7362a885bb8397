package uk.nhs.icr.sharedrecord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.DiscriminatorValue;

import org.junit.jupiter.api.Test;

import uk.nhs.icr.hospital.HospitalEntry;
import uk.nhs.icr.socialcare.SocialCareEntry;

class EntryTypeTest {

    @Test
    void each_stored_name_is_its_types_name() throws IllegalAccessException {
        Map<String, String> stored = new TreeMap<>();
        for (Field field : EntryType.Stored.class.getFields()) {
            stored.put(field.getName(), (String) field.get(null));
        }
        Map<String, String> expected = new TreeMap<>();
        Arrays.stream(EntryType.values()).forEach(type -> expected.put(type.name(), type.name()));
        assertEquals(expected, stored);
    }

    /** Every entity the persistence units map stores one entry type, in the record that type belongs to. */
    @Test
    void each_entry_type_has_one_entity_in_its_own_record() throws IOException, ClassNotFoundException {
        Map<EntryType, RecordSource> mapped = new TreeMap<>();
        for (Class<?> entity : mappedClasses()) {
            DiscriminatorValue value = entity.getAnnotation(DiscriminatorValue.class);
            if (value == null) {
                continue;
            }
            RecordSource store = HospitalEntry.class.isAssignableFrom(entity) ? RecordSource.HOSPITAL
                    : SocialCareEntry.class.isAssignableFrom(entity) ? RecordSource.SOCIAL_CARE : null;
            mapped.put(EntryType.valueOf(value.value()), store);
        }
        Map<EntryType, RecordSource> expected = new TreeMap<>();
        Arrays.stream(EntryType.values()).forEach(type -> expected.put(type, type.source()));
        assertEquals(expected, mapped);
    }

    private static Iterable<Class<?>> mappedClasses() throws IOException, ClassNotFoundException {
        String xml;
        try (InputStream in = EntryTypeTest.class.getResourceAsStream("/META-INF/persistence.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        java.util.List<Class<?>> classes = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("<class>([\\w.]+)</class>").matcher(xml);
        while (m.find()) {
            classes.add(Class.forName(m.group(1)));
        }
        return classes;
    }
}

package uk.nhs.icr.fhir;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.RecordSource;

/**
 * The categories a {@code category} search matches, as {@link RecordEntryResources} writes them: ICR's kind of entry
 * ({@code blood-test}), the record that holds it ({@code hospital}, {@code social-care}) and the standard category where FHIR has
 * one ({@code laboratory}, {@code problem-list-item}, a flag's {@code clinical} or {@code safety}). A code without a
 * system matches in any of them.
 */
final class EntryCategories {

    private EntryCategories() {
    }

    /** {@code blood-test}: the entry type's code in ICR's entry-type code system. */
    static String code(EntryType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kinds of entry one category (system may be null) stands for. */
    static Set<EntryType> typesIn(String system, String code) {
        Set<EntryType> types = EnumSet.noneOf(EntryType.class);
        if (code == null) {
            return types;
        }
        if (system == null || system.isEmpty() || Systems.ENTRY_TYPE.equals(system)) {
            for (EntryType type : EntryType.values()) {
                if (code(type).equals(code)) {
                    types.add(type);
                }
            }
        }
        if (system == null || system.isEmpty() || Systems.RECORD_STORE.equals(system)) {
            RecordSource.fromCode(code).ifPresent(source -> {
                for (EntryType type : EntryType.values()) {
                    if (type.source() == source) {
                        types.add(type);
                    }
                }
            });
        }
        boolean any = system == null || system.isEmpty();
        if ((any || Systems.OBSERVATION_CATEGORY.equals(system)) && "laboratory".equals(code)) {
            types.add(EntryType.BLOOD_TEST);
        }
        if ((any || Systems.CONDITION_CATEGORY.equals(system)) && "problem-list-item".equals(code)) {
            types.add(EntryType.PROBLEM);
        }
        if ((any || Systems.FLAG_CATEGORY.equals(system)) && "clinical".equals(code)) {
            types.add(EntryType.ALERT);
        }
        if ((any || Systems.FLAG_CATEGORY.equals(system)) && "safety".equals(code)) {
            types.add(EntryType.SAFEGUARDING_CONCERN);
        }
        return types;
    }
}

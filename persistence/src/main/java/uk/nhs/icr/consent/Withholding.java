package uk.nhs.icr.consent;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

import uk.nhs.icr.sharedrecord.DataCategory;

/**
 * What a viewer may not see of a patient's record because of the patient's consent directive, and the rule
 * that says so (for the audit). The viewer is told that something is withheld, never what.
 */
public record Withholding(Set<DataCategory> categories, String rule) implements Serializable {

    public Withholding {
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
    }

    public static Withholding none(String rule) {
        return new Withholding(Set.of(), rule);
    }

    public boolean withholdsAnything() {
        return !categories.isEmpty();
    }

    public boolean withholdsEverything() {
        return categories.containsAll(EnumSet.allOf(DataCategory.class));
    }

    public boolean withholds(DataCategory category) {
        return categories.contains(category);
    }
}

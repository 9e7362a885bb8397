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

    /** This and the {@code more} categories, with the rule that adds them (nothing changes when there are none). */
    public Withholding and(Set<DataCategory> more, String why) {
        if (categories.containsAll(more)) {
            return this;
        }
        Set<DataCategory> all = EnumSet.noneOf(DataCategory.class);
        all.addAll(categories);
        all.addAll(more);
        return new Withholding(all, rule + "; " + why + ": " + more);
    }

    /** This without {@code category}, with the rule that releases it (nothing changes when it was not withheld). */
    public Withholding except(DataCategory category, String why) {
        if (!categories.contains(category)) {
            return this;
        }
        Set<DataCategory> rest = EnumSet.noneOf(DataCategory.class);
        rest.addAll(categories);
        rest.remove(category);
        return new Withholding(rest, rule + "; " + why);
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

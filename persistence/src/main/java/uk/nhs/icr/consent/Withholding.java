package uk.nhs.icr.consent;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;

import uk.nhs.icr.sharedrecord.DataCategory;

/**
 * What a viewer may not see of a patient's record, and the rule that says so (for the audit). A viewer staff
 * are restricted from is told that something is withheld, never what ({@code told}); what is kept from a
 * patient's own view for their safety (a safeguarding concern about them) is not announced, since the notice
 * alone would tell.
 */
public record Withholding(Set<DataCategory> categories, String rule, boolean told) implements Serializable {

    public Withholding {
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
    }

    public Withholding(Set<DataCategory> categories, String rule) {
        this(categories, rule, true);
    }

    public static Withholding none(String rule) {
        return new Withholding(Set.of(), rule);
    }

    /** Kept from the reader without saying so. */
    public static Withholding untold(Set<DataCategory> categories, String rule) {
        return new Withholding(categories, rule, false);
    }

    /** This and the {@code more} categories, with the rule that adds them (nothing changes when there are none). */
    public Withholding and(Set<DataCategory> more, String why) {
        if (categories.containsAll(more)) {
            return this;
        }
        Set<DataCategory> all = EnumSet.noneOf(DataCategory.class);
        all.addAll(categories);
        all.addAll(more);
        return new Withholding(all, rule + "; " + why + ": " + more, told);
    }

    /** This without {@code category}, with the rule that releases it (nothing changes when it was not withheld). */
    public Withholding except(DataCategory category, String why) {
        if (!categories.contains(category)) {
            return this;
        }
        Set<DataCategory> rest = EnumSet.noneOf(DataCategory.class);
        rest.addAll(categories);
        rest.remove(category);
        return new Withholding(rest, rule + "; " + why, told);
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

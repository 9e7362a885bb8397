package uk.nhs.icr.consent;

import java.io.Serializable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import uk.nhs.icr.sharedrecord.DataCategory;
import uk.nhs.icr.sharedrecord.EntryType;
import uk.nhs.icr.sharedrecord.RecordedEntry;

/**
 * What a viewer may not see of a patient's record, and the rule that says so (for the audit). A viewer staff
 * are restricted from is told that something is withheld, never what ({@code told}); what is kept from a
 * patient's own view for their safety (a safeguarding concern about them) is not announced, since the notice
 * alone would tell. Kinds of entry in {@code alwaysShown} are shown whatever their category (the emergency
 * minimum a clinician reads under break-glass: allergies and alerts). The patient's own view (and their proxies') is
 * taken at a moment ({@code patientViewAt}, null for staff): entries marked not for patient view, and those held back
 * then (a result awaiting review), are left out of it, again without saying so.
 */
public record Withholding(Set<DataCategory> categories, String rule, boolean told, Set<EntryType> alwaysShown,
                          Instant patientViewAt) implements Serializable {

    public Withholding {
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
        alwaysShown = Set.copyOf(alwaysShown);
    }

    public Withholding(Set<DataCategory> categories, String rule, boolean told, Set<EntryType> alwaysShown) {
        this(categories, rule, told, alwaysShown, null);
    }

    public Withholding(Set<DataCategory> categories, String rule, boolean told) {
        this(categories, rule, told, Set.of());
    }

    public Withholding(Set<DataCategory> categories, String rule) {
        this(categories, rule, true);
    }

    public static Withholding none(String rule) {
        return new Withholding(Set.of(), rule);
    }

    /**
     * What the patient's own view leaves out at {@code now}: safeguarding concerns about them (consent is theirs, so it
     * withholds nothing else), entries marked not for patient view and entries held back (a result awaiting review).
     */
    public static Withholding patientsOwnView(Instant now) {
        return new Withholding(Set.of(DataCategory.SAFEGUARDING), "the patient's own view: consent not applied; safeguarding"
                + " concerns, entries not for patient view and results not yet released are not shown", false, Set.of(), now);
    }

    /** The patient's own view (or a proxy's for them) at this moment; empty for staff. */
    public Optional<Instant> patientView() {
        return Optional.ofNullable(patientViewAt);
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
        return new Withholding(all, rule + "; " + why + ": " + more, told, alwaysShown, patientViewAt);
    }

    /** This without {@code category}, with the rule that releases it (nothing changes when it was not withheld). */
    public Withholding except(DataCategory category, String why) {
        if (!categories.contains(category)) {
            return this;
        }
        Set<DataCategory> rest = EnumSet.noneOf(DataCategory.class);
        rest.addAll(categories);
        rest.remove(category);
        return new Withholding(rest, rule + "; " + why, told, alwaysShown, patientViewAt);
    }

    /** The same, with these kinds of entry shown whatever their category (nothing changes when nothing is withheld). */
    public Withholding showingAlways(Set<EntryType> kinds, String why) {
        return categories.isEmpty() ? this : new Withholding(categories, rule + "; " + why, told, kinds, patientViewAt);
    }

    public boolean withholdsAnything() {
        return !categories.isEmpty();
    }

    /** Nothing at all is shown: every category withheld, and no kind of entry shown regardless. */
    public boolean withholdsEverything() {
        return alwaysShown.isEmpty() && categories.containsAll(EnumSet.allOf(DataCategory.class));
    }

    /** Whether an entry of this kind and category is kept from the reader. */
    public boolean withholds(EntryType type, DataCategory category) {
        return categories.contains(category) && !alwaysShown.contains(type);
    }

    /** Whether this entry is kept from the reader: by its kind and category, or as the patient's own view leaves it out. */
    public boolean withholds(RecordedEntry entry) {
        return withholds(entry.type(), entry.category()) || (patientViewAt != null && !entry.visibleToPatientAt(patientViewAt));
    }
}

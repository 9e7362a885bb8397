package uk.nhs.icr.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import uk.nhs.icr.access.StaffRole;
import uk.nhs.icr.consent.Provision;
import uk.nhs.icr.sharedrecord.DataCategory;

/**
 * A consent directive in words, as a clinician checks it before saving and reads it afterwards: "Withhold mental health
 * and sexual health from hospital clinicians at RXB until 31 December 2026." No codes on screen.
 */
public final class DirectiveWords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private DirectiveWords() {
    }

    /** One provision as a sentence. Empty categories: everything; empty roles and organisations: everyone. */
    public static String provision(Provision.Type type, Collection<DataCategory> categories, Collection<StaffRole> roles,
                                   Collection<String> organisations, LocalDate start, LocalDate end) {
        String what = categories.isEmpty() ? "everything" : list(categories.stream().sorted().map(DataCategory::words).toList());
        String who = who(roles, organisations);
        String sentence = type == Provision.Type.PERMIT
                ? "Let " + who + " see " + what + ", as an exception to what is withheld"
                : "Withhold " + what + " from " + who;
        return sentence + period(start, end) + ".";
    }

    /** What a version with this status and these provisions does, a sentence each. */
    public static List<String> directive(String status, List<String> provisionSentences) {
        return switch (status == null ? "" : status) {
            case "inactive" -> List.of("Nothing is withheld: the directive no longer applies.");
            case "entered-in-error" -> List.of("The version in force is marked as entered in error: the version before it applies again.");
            default -> provisionSentences.isEmpty() ? List.of("Nothing is withheld: the directive has no provisions.")
                    : provisionSentences;
        };
    }

    private static String who(Collection<StaffRole> roles, Collection<String> organisations) {
        String people = roles.isEmpty() ? "everyone" : list(roles.stream().sorted().map(DirectiveWords::plural).toList());
        if (organisations.isEmpty()) {
            return people;
        }
        String where = list(organisations.stream().sorted().toList());
        return (roles.isEmpty() ? "staff" : people) + " at " + where;
    }

    private static String plural(StaffRole role) {
        return switch (role) {
            case GP -> "GPs";
            case ORGAN_DONATION_NURSE -> "specialist nurses for organ donation";
            default -> role.label().toLowerCase(Locale.UK) + "s";
        };
    }

    private static String period(LocalDate start, LocalDate end) {
        if (start != null && end != null) {
            return " from " + DAY.format(start) + " until " + DAY.format(end);
        }
        if (start != null) {
            return " from " + DAY.format(start);
        }
        return end != null ? " until " + DAY.format(end) : "";
    }

    /** "a", "a and b", "a, b and c". */
    static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        List<String> head = new ArrayList<>(items.subList(0, items.size() - 1));
        return String.join(", ", head) + " and " + items.get(items.size() - 1);
    }
}

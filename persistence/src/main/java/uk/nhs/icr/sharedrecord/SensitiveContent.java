package uk.nhs.icr.sharedrecord;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Medicines and tests whose mere presence tells a reader about a sensitive condition (lithium or sertraline:
 * mental health; an antiretroviral or an HIV viral load: sexual health; methadone: substance misuse), so that
 * the entry is filed under that category whatever the writer chose: a consent directive that withholds mental
 * health then withholds the lithium level too. Matched on whole words of the medicine's or test's name, in
 * any case. A small, curated table: a writer may always file an entry under a sensitive category themselves.
 */
public final class SensitiveContent {

    private static final Map<DataCategory, List<String>> TERMS = Map.of(
            DataCategory.MENTAL_HEALTH, List.of("lithium", "sertraline", "fluoxetine", "citalopram", "escitalopram", "paroxetine",
                    "mirtazapine", "venlafaxine", "duloxetine", "amitriptyline", "clozapine", "olanzapine", "quetiapine",
                    "risperidone", "aripiprazole", "haloperidol", "valproate semisodium", "depot antipsychotic"),
            DataCategory.SEXUAL_HEALTH, List.of("hiv", "cd4", "antiretroviral", "tenofovir", "emtricitabine", "dolutegravir",
                    "efavirenz", "raltegravir", "darunavir", "chlamydia", "gonorrhoea", "gonorrhea", "syphilis", "herpes simplex",
                    "trichomonas", "prep"),
            DataCategory.REPRODUCTIVE_HEALTH, List.of("hcg", "pregnancy test", "mifepristone", "misoprostol", "ulipristal",
                    "levonorgestrel", "desogestrel", "medroxyprogesterone", "ivf"),
            DataCategory.SUBSTANCE_MISUSE, List.of("methadone", "buprenorphine", "naltrexone", "naloxone", "disulfiram",
                    "acamprosate", "drug screen", "urine drug", "opiate screen", "carbohydrate deficient transferrin"));

    /** The sensitive categories, in the order they are checked. */
    private static final List<DataCategory> ORDER = List.of(DataCategory.SEXUAL_HEALTH, DataCategory.MENTAL_HEALTH,
            DataCategory.SUBSTANCE_MISUSE, DataCategory.REPRODUCTIVE_HEALTH);

    private SensitiveContent() {
    }

    /** The sensitive category a medicine's or test's name reveals, if the table knows it. */
    public static Optional<DataCategory> categoryOf(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String words = " " + String.join(" ", Arrays.asList(name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))) + " ";
        return ORDER.stream()
                .filter(category -> TERMS.get(category).stream().anyMatch(term -> words.contains(" " + term + " ")))
                .findFirst();
    }

    /**
     * What an entry is filed under: the writer's choice when it is a sensitive one, otherwise what its content
     * reveals, otherwise the writer's (general) choice. A writer may raise the category, never lower it.
     */
    public static DataCategory fileUnder(DataCategory chosen, String name) {
        if (chosen != DataCategory.GENERAL && chosen != null) {
            return chosen;
        }
        return categoryOf(name).orElse(chosen == null ? DataCategory.GENERAL : chosen);
    }
}

package uk.nhs.icr.sharedrecord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SensitiveContentTest {

    @Test
    void a_medicine_or_test_that_reveals_a_condition_is_filed_under_it() {
        assertEquals(Optional.of(DataCategory.MENTAL_HEALTH), SensitiveContent.categoryOf("Lithium carbonate 400mg modified-release tablets"));
        assertEquals(Optional.of(DataCategory.MENTAL_HEALTH), SensitiveContent.categoryOf("Serum lithium"));
        assertEquals(Optional.of(DataCategory.MENTAL_HEALTH), SensitiveContent.categoryOf("Sertraline 50mg tablets"));
        assertEquals(Optional.of(DataCategory.SEXUAL_HEALTH), SensitiveContent.categoryOf("HIV-1 viral load"));
        assertEquals(Optional.of(DataCategory.SEXUAL_HEALTH), SensitiveContent.categoryOf("Emtricitabine/tenofovir disoproxil"));
        assertEquals(Optional.of(DataCategory.SUBSTANCE_MISUSE), SensitiveContent.categoryOf("METHADONE 1mg/ml oral solution"));
        assertEquals(Optional.of(DataCategory.REPRODUCTIVE_HEALTH), SensitiveContent.categoryOf("Serum hCG"));
    }

    @Test
    void whole_words_only_and_everyday_medicines_stay_general() {
        assertEquals(Optional.empty(), SensitiveContent.categoryOf("Potassium"));
        assertEquals(Optional.empty(), SensitiveContent.categoryOf("Amlodipine 5mg tablets"));
        assertEquals(Optional.empty(), SensitiveContent.categoryOf("Preparation H"), "prep is a word, not a prefix");
        assertEquals(Optional.empty(), SensitiveContent.categoryOf(null));
    }

    @Test
    void a_writer_may_raise_the_category_but_never_lower_it() {
        assertEquals(DataCategory.MENTAL_HEALTH, SensitiveContent.fileUnder(DataCategory.GENERAL, "Lithium"));
        assertEquals(DataCategory.MENTAL_HEALTH, SensitiveContent.fileUnder(null, "Lithium"));
        assertEquals(DataCategory.SEXUAL_HEALTH, SensitiveContent.fileUnder(DataCategory.SEXUAL_HEALTH, "Ceftriaxone 1g injection"));
        assertEquals(DataCategory.GENERAL, SensitiveContent.fileUnder(DataCategory.GENERAL, "Paracetamol"));
    }
}

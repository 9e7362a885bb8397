package uk.nhs.icr.research;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Disclosure control on a hand-worked table (patients with a high potassium by age band and sex):
 *
 * <pre>
 * group          patients  mean  median   controlled                         why
 * 40-49 female       23    5.71   5.6     25, 5.7, 5.6                       rounded
 * 40-49 male          7    5.90   5.8     [REDACTED] x3                      7 or fewer
 * 50-59 female       12    6.04   6.0     10, 6.0, 6.0                       rounded (12 to 10)
 * 50-59 male          8    5.55   5.5     10, 5.6 (5.55 half up), 5.5        8 is above 7: rounded to 10
 * 60-69 female        3    6.40   6.4     [REDACTED] x3                      7 or fewer
 * total              53                   45                                 23 + 12 + 8 = 43, to 45 (not 53 to 55)
 * </pre>
 */
class DisclosureControlTest {

    @Test
    void small_cells_are_redacted_others_rounded_to_5_and_the_total_recomputed_without_the_redacted() {
        DisclosureControl.Controlled controlled = DisclosureControl.apply(List.of(
                new DisclosureControl.Cell(List.of("40-49", "female"), 23, 5.71, 5.6, 23L),
                new DisclosureControl.Cell(List.of("40-49", "male"), 7, 5.9, 5.8, 7L),
                new DisclosureControl.Cell(List.of("50-59", "female"), 12, 6.04, 6.0, 12L),
                new DisclosureControl.Cell(List.of("50-59", "male"), 8, 5.55, 5.5, 8L),
                new DisclosureControl.Cell(List.of("60-69", "female"), 3, 6.4, 6.4, 3L)));
        List<DisclosureControl.ControlledCell> cells = controlled.cells();
        assertEquals(List.of("25", "[REDACTED]", "10", "10", "[REDACTED]"), cells.stream().map(DisclosureControl.ControlledCell::patients).toList());
        assertEquals(java.util.Arrays.asList("5.7", "[REDACTED]", "6.0", "5.6", "[REDACTED]"),
                cells.stream().map(DisclosureControl.ControlledCell::mean).toList());
        assertEquals("rounded to the nearest 5", cells.get(0).rule());
        assertEquals("redacted: 7 or fewer patients; mean and median suppressed with it", cells.get(1).rule());
        assertEquals("45", controlled.total(), "23 + 12 + 8 = 43 rounded, never the 53 that would give the redacted cells away");
    }

    @Test
    void a_mean_is_suppressed_where_7_or_fewer_of_a_large_group_have_a_value() {
        DisclosureControl.ControlledCell cell = DisclosureControl.apply(List.of(
                new DisclosureControl.Cell(List.of("female"), 50, 6.8, 6.8, 1L))).cells().get(0);
        assertEquals("50", cell.patients());
        assertEquals("[REDACTED]", cell.mean(), "one patient's own result, were it shown");
        assertEquals("[REDACTED]", cell.median());
        assertEquals("rounded to the nearest 5; mean and median suppressed: 7 or fewer patients have a value", cell.rule());
    }

    @Test
    void counts_only_and_a_table_left_with_7_or_fewer_in_all() {
        DisclosureControl.Controlled controlled = DisclosureControl.apply(List.of(
                new DisclosureControl.Cell(List.of("blood-test"), 2, null, null, null),
                new DisclosureControl.Cell(List.of("problem"), 6, null, null, null)));
        assertEquals("redacted: 7 or fewer patients", controlled.cells().get(0).rule(), "nothing said of a mean never asked for");
        assertEquals(null, controlled.cells().get(0).mean());
        assertEquals("[REDACTED]", controlled.total());
        assertEquals(15, DisclosureControl.rounded(13));
        assertEquals(10, DisclosureControl.rounded(12));
        assertEquals(0, DisclosureControl.rounded(2));
    }
}

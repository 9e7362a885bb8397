package uk.nhs.icr.research;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Statistical disclosure control, as OpenSAFELY applies it to every output before release: a cell describing
 * {@value #REDACT_AT_OR_BELOW} or fewer patients is redacted; every other count is rounded to the nearest
 * {@value #ROUND_TO}; the total is recomputed from the cells left after redaction (so a redacted cell cannot be found
 * by subtraction) and rounded too; a mean or median is suppressed wherever its group is redacted or 7 or fewer of its
 * patients have a value of what it measures.
 */
public final class DisclosureControl {

    public static final int REDACT_AT_OR_BELOW = 7;
    public static final int ROUND_TO = 5;
    public static final String REDACTED = "[REDACTED]";

    /**
     * A cell as computed: its group's values, the patients in it, and (where asked) the mean and median of a measure and how
     * many of the group's patients have a value of it: a group of 50 where one patient has a result must not show theirs.
     */
    public record Cell(List<String> group, long patients, Double mean, Double median, Long measured) implements Serializable {
    }

    /** A cell as it may leave: the controlled values as text, and the rule each had applied. */
    public record ControlledCell(List<String> group, String patients, String mean, String median, String rule) implements Serializable {
    }

    /** A whole table as it may leave. */
    public record Controlled(List<ControlledCell> cells, String total, String totalRule) implements Serializable {
    }

    private DisclosureControl() {
    }

    public static Controlled apply(List<Cell> cells) {
        List<ControlledCell> controlled = new ArrayList<>(cells.size());
        long kept = 0;
        for (Cell cell : cells) {
            if (cell.patients() <= REDACT_AT_OR_BELOW) {
                boolean measure = cell.measured() != null;
                controlled.add(new ControlledCell(cell.group(), REDACTED, measure ? REDACTED : null, measure ? REDACTED : null,
                        "redacted: " + REDACT_AT_OR_BELOW + " or fewer patients" + (measure ? "; mean and median suppressed with it" : "")));
            } else if (cell.measured() != null && cell.measured() <= REDACT_AT_OR_BELOW) {
                kept += cell.patients();
                controlled.add(new ControlledCell(cell.group(), Long.toString(rounded(cell.patients())), REDACTED, REDACTED,
                        "rounded to the nearest " + ROUND_TO + "; mean and median suppressed: " + REDACT_AT_OR_BELOW
                                + " or fewer patients have a value"));
            } else {
                kept += cell.patients();
                controlled.add(new ControlledCell(cell.group(), Long.toString(rounded(cell.patients())), oneDecimal(cell.mean()),
                        oneDecimal(cell.median()), "rounded to the nearest " + ROUND_TO));
            }
        }
        String total = kept <= REDACT_AT_OR_BELOW ? REDACTED : Long.toString(rounded(kept));
        String totalRule = "the cells left after redaction, summed, then " + (kept <= REDACT_AT_OR_BELOW
                ? "redacted: " + REDACT_AT_OR_BELOW + " or fewer patients" : "rounded to the nearest " + ROUND_TO);
        return new Controlled(controlled, total, totalRule);
    }

    /** To the nearest 5, halves up: 12 is 10, 13 is 15, 12.5 never happens (counts are whole). */
    static long rounded(long count) {
        return Math.round(count / (double) ROUND_TO) * ROUND_TO;
    }

    private static String oneDecimal(Double value) {
        return value == null ? null : String.format(Locale.ROOT, "%.1f", value);
    }
}

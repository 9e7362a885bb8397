package uk.nhs.icr.research;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;

/** How identifying values are coarsened before they reach a research dataset. */
public final class Generalise {

    private Generalise() {
    }

    /** Age in ten-year bands on a day: 0-9, 10-19 ... 80-89, then 90+ (too few people above it to say more). */
    public static String ageBand(LocalDate birthDate, LocalDate on) {
        int age = Math.max(0, Period.between(birthDate, on).getYears());
        if (age >= 90) {
            return "90+";
        }
        int low = age / 10 * 10;
        return low + "-" + (low + 9);
    }

    /** The year and month, the day removed: 1957-03. */
    public static String month(LocalDate date) {
        return date.toString().substring(0, 7);
    }

    /** The postcode's outward code only: LS1 4AP is LS1; unknown when it cannot be told. */
    public static String postcodeDistrict(String postcode) {
        String compact = postcode == null ? "" : postcode.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        if (compact.length() < 5 || compact.length() > 7) {
            return "unknown";
        }
        return compact.substring(0, compact.length() - 3);
    }
}

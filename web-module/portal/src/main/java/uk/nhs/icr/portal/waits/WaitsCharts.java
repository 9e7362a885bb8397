package uk.nhs.icr.portal.waits;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

/**
 * The Chart.js configurations PrimeFaces' {@code p:chart} draws on the waiting-times dashboard: the weeks waited by
 * weekly band (bands from 18 weeks in red: past the standard), the monthly share within 18 weeks against the 92 % line,
 * and trusts side by side.
 */
final class WaitsCharts {

    static final String WITHIN = "#005eb8";
    static final String PAST = "#d5281b";
    static final String STANDARD = "#007f3b";
    /** Bands shown one by one; the rest are one bar, "52+". */
    static final int SHOWN_BANDS = 52;

    private WaitsCharts() {
    }

    /** One bar per week waited (0-1 ... 51-52, 52+), red from the 18th week. */
    static String bands(List<Long> patientsByWeekBand, int standardWeeks) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder counts = Json.createArrayBuilder();
        JsonArrayBuilder colours = Json.createArrayBuilder();
        for (int band = 0; band < SHOWN_BANDS; band++) {
            labels.add(band + "-" + (band + 1));
            counts.add(patientsByWeekBand.get(band));
            colours.add(band < standardWeeks ? WITHIN : PAST);
        }
        labels.add(SHOWN_BANDS + "+");
        counts.add(patientsByWeekBand.subList(SHOWN_BANDS, patientsByWeekBand.size()).stream().mapToLong(Long::longValue).sum());
        colours.add(PAST);
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", "People waiting, by weeks waited (red: past " + standardWeeks + " weeks)")
                                .add("data", counts).add("backgroundColor", colours))))
                .add("options", Json.createObjectBuilder().add("animation", false).add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("title", title("Weeks waited")))
                                .add("y", Json.createObjectBuilder().add("beginAtZero", true).add("title", title("People waiting")))))
                .build().toString();
    }

    /** The share within 18 weeks month by month (percent), with the 92 % standard as a line. */
    static String trend(List<String> months, List<Double> shares, double standard) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        JsonArrayBuilder target = Json.createArrayBuilder();
        for (int i = 0; i < months.size(); i++) {
            labels.add(months.get(i));
            if (shares.get(i) == null) {
                values.addNull();
            } else {
                values.add(Math.round(shares.get(i) * 1000) / 10.0);
            }
            target.add(standard * 100);
        }
        return Json.createObjectBuilder().add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", "Waiting under 18 weeks (%)").add("data", values)
                                .add("borderColor", WITHIN).add("backgroundColor", WITHIN).add("fill", false))
                        .add(Json.createObjectBuilder().add("label", "The standard: 92 %").add("data", target).add("borderColor", STANDARD)
                                .add("borderDash", Json.createArrayBuilder().add(6).add(4)).add("pointRadius", 0).add("fill", false))))
                .add("options", Json.createObjectBuilder().add("animation", false).add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("min", 0).add("max", 100)
                                .add("title", title("% waiting under 18 weeks")))))
                .build().toString();
    }

    /** Each trust's share within 18 weeks this month (percent), red where short of the standard. */
    static String trusts(List<String> names, List<Double> shares, double standard) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        JsonArrayBuilder colours = Json.createArrayBuilder();
        for (int i = 0; i < names.size(); i++) {
            labels.add(names.get(i));
            Double share = shares.get(i);
            if (share == null) {
                values.addNull();
            } else {
                values.add(Math.round(share * 1000) / 10.0);
            }
            colours.add(share != null && share >= standard ? WITHIN : PAST);
        }
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", "Waiting under 18 weeks (%): red, short of 92 %").add("data", values)
                                .add("backgroundColor", colours))))
                .add("options", Json.createObjectBuilder().add("animation", false).add("maintainAspectRatio", false).add("indexAxis", "y")
                        .add("scales", Json.createObjectBuilder().add("x", Json.createObjectBuilder().add("min", 0).add("max", 100))))
                .build().toString();
    }

    private static jakarta.json.JsonObjectBuilder title(String text) {
        return Json.createObjectBuilder().add("display", true).add("text", text);
    }
}

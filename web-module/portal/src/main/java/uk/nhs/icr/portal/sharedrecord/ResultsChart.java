package uk.nhs.icr.portal.sharedrecord;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import uk.nhs.icr.sharedrecord.service.SharedRecordService.ResultPoint;

/**
 * Builds the Chart.js configuration PrimeFaces' {@code p:chart} draws: one test's values against time, spaced by the
 * time between them (x is the report time in milliseconds; the page's {@code icrResultsOverTime} extender writes those
 * as dates), out-of-range points in red, and the reference range as a shaded band (down to zero when it has only an upper
 * limit; a range with only a lower limit, such as eGFR's, is a dashed line).
 */
final class ResultsChart {

    private static final String VALUE_COLOUR = "#005eb8";
    private static final String ABNORMAL_COLOUR = "#d5281b";
    private static final String RANGE_COLOUR = "#007f3b";
    private static final String BAND_FILL = "rgba(0, 127, 59, 0.12)";

    private ResultsChart() {
    }

    static String lineChart(String test, List<ResultPoint> points) {
        List<ResultPoint> inTime = points.stream().sorted(Comparator.comparing(ResultPoint::reportedAt)).toList();
        JsonArrayBuilder pointColours = Json.createArrayBuilder();
        inTime.forEach(point -> pointColours.add(point.abnormal() ? ABNORMAL_COLOUR : VALUE_COLOUR));
        String unit = inTime.isEmpty() ? "" : " (" + inTime.get(0).unit() + ")";
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(dataset(test + unit, inTime, ResultPoint::value).add("borderColor", VALUE_COLOUR)
                        .add("pointBackgroundColor", pointColours).add("pointBorderColor", pointColours).add("pointRadius", 4)
                        .add("fill", false));
        boolean low = inTime.stream().anyMatch(point -> point.referenceLow() != null);
        boolean high = inTime.stream().anyMatch(point -> point.referenceHigh() != null);
        if (low) {
            datasets.add(rangeEdge("Reference range: low", inTime, ResultPoint::referenceLow).add("fill", false));
        }
        if (high) {
            // shaded down to the low edge (the dataset before it) or, with no low edge, to zero
            datasets.add(rangeEdge(low ? "Reference range: high" : "Reference range: up to", inTime, ResultPoint::referenceHigh)
                    .add("fill", low ? "-1" : "origin").add("backgroundColor", BAND_FILL));
        }
        return Json.createObjectBuilder()
                .add("type", "line")
                .add("data", Json.createObjectBuilder().add("datasets", datasets))
                .add("options", Json.createObjectBuilder()
                        .add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("type", "linear")
                                        .add("title", Json.createObjectBuilder().add("display", true).add("text", "Reported")))
                                .add("y", Json.createObjectBuilder()
                                        .add("title", Json.createObjectBuilder().add("display", true).add("text", test + unit))))
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("position", "bottom"))))
                .build().toString();
    }

    private static JsonObjectBuilder rangeEdge(String label, List<ResultPoint> points, Function<ResultPoint, BigDecimal> bound) {
        return dataset(label, points, bound).add("borderColor", RANGE_COLOUR).add("borderDash", Json.createArrayBuilder().add(6).add(4))
                .add("pointRadius", 0).add("borderWidth", 1);
    }

    /** The points as {x: report time in ms, y: value}; a point without this value is left out, not drawn at zero. */
    private static JsonObjectBuilder dataset(String label, List<ResultPoint> points, Function<ResultPoint, BigDecimal> value) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        points.forEach(point -> {
            BigDecimal number = value.apply(point);
            if (number != null) {
                data.add(Json.createObjectBuilder().add("x", point.reportedAt().toEpochMilli()).add("y", number));
            }
        });
        return Json.createObjectBuilder().add("label", label).add("data", data).add("tension", 0);
    }
}

package uk.nhs.icr.portal.sharedrecord;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import uk.nhs.icr.platform.UkClock;
import uk.nhs.icr.sharedrecord.service.SharedRecordService.ResultPoint;

/**
 * Builds the Chart.js configuration PrimeFaces' {@code p:chart} draws: one test's values over time, out-of-range
 * points in red, and the reference range as two dashed lines.
 */
final class ResultsChart {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(UkClock.ZONE);
    private static final String VALUE_COLOUR = "#005eb8";
    private static final String ABNORMAL_COLOUR = "#d5281b";
    private static final String RANGE_COLOUR = "#768692";

    private ResultsChart() {
    }

    static String lineChart(String test, List<ResultPoint> points) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder pointColours = Json.createArrayBuilder();
        points.forEach(point -> {
            labels.add(DAY.format(point.reportedAt()));
            pointColours.add(point.abnormal() ? ABNORMAL_COLOUR : VALUE_COLOUR);
        });
        String unit = points.isEmpty() ? "" : " (" + points.get(0).unit() + ")";
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(dataset(test + unit, points, ResultPoint::value).add("borderColor", VALUE_COLOUR)
                        .add("pointBackgroundColor", pointColours).add("pointRadius", 4));
        if (points.stream().anyMatch(point -> point.referenceLow() != null)) {
            datasets.add(rangeLine("Reference low", points, ResultPoint::referenceLow));
        }
        if (points.stream().anyMatch(point -> point.referenceHigh() != null)) {
            datasets.add(rangeLine("Reference high", points, ResultPoint::referenceHigh));
        }
        return Json.createObjectBuilder()
                .add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder()
                        .add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("position", "bottom"))))
                .build().toString();
    }

    private static JsonObjectBuilder rangeLine(String label, List<ResultPoint> points, Function<ResultPoint, BigDecimal> bound) {
        return dataset(label, points, bound).add("borderColor", RANGE_COLOUR).add("borderDash", Json.createArrayBuilder().add(6).add(4))
                .add("pointRadius", 0).add("borderWidth", 1);
    }

    private static JsonObjectBuilder dataset(String label, List<ResultPoint> points, Function<ResultPoint, BigDecimal> value) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        points.forEach(point -> {
            BigDecimal number = value.apply(point);
            if (number == null) {
                data.addNull();
            } else {
                data.add(number);
            }
        });
        return Json.createObjectBuilder().add("label", label).add("data", data).add("fill", false).add("tension", 0);
    }
}

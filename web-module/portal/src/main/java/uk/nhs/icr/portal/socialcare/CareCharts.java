package uk.nhs.icr.portal.socialcare;

import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import uk.nhs.icr.socialcare.service.CareReportsService.DayOfVisits;

/** The Chart.js configurations PrimeFaces' {@code p:chart} draws on the care reports page. */
final class CareCharts {

    static final String ON_TIME = "#007f3b";
    static final String LATE = "#ffb81c";
    static final String MISSED = "#d5281b";
    static final String BARS = "#005eb8";

    private CareCharts() {
    }

    /** Visits by day, stacked: on time, late, missed. */
    static String visitsByDay(List<DayOfVisits> days) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder onTime = Json.createArrayBuilder();
        JsonArrayBuilder late = Json.createArrayBuilder();
        JsonArrayBuilder missed = Json.createArrayBuilder();
        for (DayOfVisits day : days) {
            labels.add(day.day().toString());
            onTime.add(day.onTime());
            late.add(day.late());
            missed.add(day.missed());
        }
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(dataset("On time", onTime, ON_TIME)).add(dataset("Late", late, LATE)).add(dataset("Missed", missed, MISSED))))
                .add("options", Json.createObjectBuilder().add("animation", false).add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("stacked", true))
                                .add("y", Json.createObjectBuilder().add("stacked", true).add("beginAtZero", true)
                                        .add("title", Json.createObjectBuilder().add("display", true).add("text", "Visits")))))
                .build().toString();
    }

    /** Incidents by kind. */
    static String incidents(Map<String, Long> byKind) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder counts = Json.createArrayBuilder();
        byKind.forEach((kind, count) -> {
            labels.add(kind.replace('-', ' '));
            counts.add(count);
        });
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(dataset("Incidents", counts, BARS))))
                .add("options", Json.createObjectBuilder().add("animation", false).add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }

    private static JsonObjectBuilder dataset(String label, JsonArrayBuilder data, String colour) {
        return Json.createObjectBuilder().add("label", label).add("data", data).add("backgroundColor", colour);
    }
}

package uk.nhs.icr.platform;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Times of day in one column, "08:00 14:00 22:00", read and written whole with the row that owns them (no second query). */
@Converter
public class TimesOfDayConverter implements AttributeConverter<List<LocalTime>, String> {

    @Override
    public String convertToDatabaseColumn(List<LocalTime> times) {
        return times == null || times.isEmpty() ? null
                : times.stream().sorted().distinct().map(LocalTime::toString).collect(Collectors.joining(" "));
    }

    @Override
    public List<LocalTime> convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? List.of()
                : Arrays.stream(column.trim().split("\\s+")).map(LocalTime::parse).sorted().toList();
    }
}

package uk.nhs.icr.portal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;

import uk.nhs.icr.platform.UkClock;

/** An instant as the time of day in the UK (14:05), for lists of one day: a round, a MAR chart. Display only. */
@FacesConverter("icr.ukClockTime")
public class UkClockTimeConverter implements Converter<Instant> {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm").withZone(UkClock.ZONE);

    @Override
    public Instant getAsObject(FacesContext context, UIComponent component, String value) {
        throw new UnsupportedOperationException("display only");
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Instant value) {
        return value == null ? "" : FORMAT.format(value);
    }
}

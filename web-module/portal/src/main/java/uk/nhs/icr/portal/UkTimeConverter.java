package uk.nhs.icr.portal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;

import uk.nhs.icr.platform.UkClock;

/**
 * Shows an instant as UK local time, {@code 25/11/2026 09:30} (Faces 4.0's date-time converter has no
 * instant type). Display only: nothing is typed back through it.
 */
@FacesConverter("icr.ukTime")
public class UkTimeConverter implements Converter<Instant> {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(UkClock.ZONE);

    @Override
    public Instant getAsObject(FacesContext context, UIComponent component, String value) {
        throw new UnsupportedOperationException("display only");
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Instant value) {
        return format(value);
    }

    /** The instant as the portal writes times, in UK time: 18/11/2026 14:05; empty for none. */
    public static String format(Instant value) {
        return value == null ? "" : FORMAT.format(value);
    }
}

package uk.nhs.icr.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.InvalidValueException;

/**
 * Every NHS number the portal takes (a field, an address parameter) becomes an {@link NhsNumber} here, or a
 * message beside the field (at the top of the page for an address) saying what is wrong with it; view beans and services only see the value object.
 * Shown as people read it, {@code 943 476 5919}.
 */
@FacesConverter(forClass = NhsNumber.class)
public class FacesNhsNumberConverter implements Converter<NhsNumber> {

    @Override
    public NhsNumber getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return NhsNumber.parse(value);
        } catch (InvalidValueException e) {
            FacesMessage message = new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), e.getMessage());
            if (component instanceof UIViewParameter) {
                // an address parameter has no field to show it beside: say it at the top of the page
                context.addMessage(null, message);
            }
            throw new ConverterException(message);
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, NhsNumber value) {
        return value == null ? "" : value.formatted();
    }
}

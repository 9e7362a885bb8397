package uk.nhs.icr.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class PostcodeConverter implements AttributeConverter<Postcode, String> {

    @Override
    public String convertToDatabaseColumn(Postcode postcode) {
        return postcode == null ? null : postcode.value();
    }

    @Override
    public Postcode convertToEntityAttribute(String value) {
        return value == null ? null : new Postcode(value);
    }
}

package uk.nhs.icr.socialcare;

import jakarta.persistence.Converter;

import uk.nhs.icr.platform.JsonListConverter;

/** An incident's body map, stored as one JSON array. */
@Converter
public class BodyMarksConverter extends JsonListConverter<BodyMark> {

    public BodyMarksConverter() {
        super(BodyMark.class);
    }
}

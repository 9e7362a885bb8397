package uk.nhs.icr.organdonation;

import jakarta.persistence.Converter;

import uk.nhs.icr.platform.JsonListConverter;

/** The appointed representatives, as a JSON array. */
@Converter
public class RepresentativesConverter extends JsonListConverter<Representative> {

    public RepresentativesConverter() {
        super(Representative.class);
    }
}

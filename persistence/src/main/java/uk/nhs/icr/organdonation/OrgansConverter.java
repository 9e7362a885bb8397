package uk.nhs.icr.organdonation;

import jakarta.persistence.Converter;

import uk.nhs.icr.platform.JsonListConverter;

/** The organs chosen, as a JSON array. */
@Converter
public class OrgansConverter extends JsonListConverter<Organ> {

    public OrgansConverter() {
        super(Organ.class);
    }
}

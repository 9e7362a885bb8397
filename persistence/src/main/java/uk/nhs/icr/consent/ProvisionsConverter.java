package uk.nhs.icr.consent;

import jakarta.persistence.Converter;

import uk.nhs.icr.platform.JsonListConverter;

/** A directive's provisions as one JSON array. */
@Converter
public class ProvisionsConverter extends JsonListConverter<Provision> {

    public ProvisionsConverter() {
        super(Provision.class);
    }
}

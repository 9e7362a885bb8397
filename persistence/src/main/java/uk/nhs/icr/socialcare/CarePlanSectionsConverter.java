package uk.nhs.icr.socialcare;

import jakarta.persistence.Converter;

import uk.nhs.icr.platform.JsonListConverter;

/** A care plan version's sections, stored as one JSON array. */
@Converter
public class CarePlanSectionsConverter extends JsonListConverter<CarePlanSection> {

    public CarePlanSectionsConverter() {
        super(CarePlanSection.class);
    }
}

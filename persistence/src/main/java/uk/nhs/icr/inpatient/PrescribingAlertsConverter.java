package uk.nhs.icr.inpatient;

import jakarta.persistence.Converter;

import uk.nhs.icr.platform.JsonListConverter;

@Converter
public class PrescribingAlertsConverter extends JsonListConverter<PrescribingAlert> {

    public PrescribingAlertsConverter() {
        super(PrescribingAlert.class);
    }
}

package uk.nhs.icr.patient;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link NhsNumber} as its ten digits. */
@Converter(autoApply = true)
public class NhsNumberConverter implements AttributeConverter<NhsNumber, String> {

    @Override
    public String convertToDatabaseColumn(NhsNumber nhsNumber) {
        return nhsNumber == null ? null : nhsNumber.value();
    }

    @Override
    public NhsNumber convertToEntityAttribute(String digits) {
        return digits == null ? null : NhsNumber.parse(digits);
    }
}

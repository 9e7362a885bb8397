package uk.nhs.icr.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.api.problem.InvalidInputMapper;
import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.platform.OdsCode;
import uk.nhs.icr.platform.service.FieldError;

/** Turns {@code {odsCode}} in an address into an {@link OdsCode}; a malformed code is 400 naming the field, as for NHS numbers. */
@Provider
public class OdsCodeParameters implements ParamConverterProvider {

    private static final ParamConverter<OdsCode> CONVERTER = new ParamConverter<>() {
        @Override
        public OdsCode fromString(String value) {
            try {
                return OdsCode.parse(value);
            } catch (InvalidValueException e) {
                throw new BadRequestException(InvalidInputMapper.refused(List.of(new FieldError("odsCode", e.getMessage()))));
            }
        }

        @Override
        public String toString(OdsCode value) {
            return value.value();
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == OdsCode.class ? (ParamConverter<T>) CONVERTER : null;
    }
}

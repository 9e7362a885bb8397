package uk.nhs.icr.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.api.problem.InvalidInputMapper;
import uk.nhs.icr.patient.NhsNumber;
import uk.nhs.icr.platform.InvalidValueException;
import uk.nhs.icr.platform.service.FieldError;

/**
 * Turns {@code {nhsNumber}} in an address into an {@link NhsNumber} before any resource sees it, so services
 * take the value object. A number that fails its check is 400 naming the field, as a bad body field is (not
 * the 404 JAX-RS gives a path parameter it cannot convert: the failure is a WebApplicationException, which
 * the runtime passes on as it is).
 */
@Provider
public class NhsNumberParameters implements ParamConverterProvider {

    private static final ParamConverter<NhsNumber> CONVERTER = new ParamConverter<>() {
        @Override
        public NhsNumber fromString(String value) {
            try {
                return NhsNumber.parse(value);
            } catch (InvalidValueException e) {
                throw new BadRequestException(InvalidInputMapper.refused(List.of(new FieldError("nhsNumber", e.getMessage()))));
            }
        }

        @Override
        public String toString(NhsNumber value) {
            return value.value();
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == NhsNumber.class ? (ParamConverter<T>) CONVERTER : null;
    }
}

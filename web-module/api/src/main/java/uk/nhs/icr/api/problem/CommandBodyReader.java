package uk.nhs.icr.api.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.platform.web.CommandBinder;

/**
 * Reads a JSON request body into the service's command record through {@link CommandBinder}, so that a partner
 * hears about every bad field at once (JSON-B would stop at the first value it cannot convert). An empty body
 * is an empty form; anything but a JSON object is a malformed body.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class CommandBodyReader implements MessageBodyReader<Record> {

    /** Far above any ICR form; a bigger body is not read into memory. */
    static final int MAX_BODY_BYTES = 1 << 20;

    @Inject
    CommandBinder binder;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getPackageName().startsWith("uk.nhs.icr.");
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        byte[] body = entityStream.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new WebApplicationException(Problem.of("body-too-large", "Request body too large", Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "ICR forms are far smaller than 1 MB. Nothing was recorded.").toResponse());
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return binder.bind(type, JsonValue.EMPTY_JSON_OBJECT);
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new BadRequestException(UnexpectedExceptionMapper.malformedBody(), e);
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new BadRequestException(UnexpectedExceptionMapper.malformedBody());
        }
        return binder.bind(type, (JsonObject) value);
    }
}

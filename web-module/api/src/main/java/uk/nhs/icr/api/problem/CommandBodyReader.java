package uk.nhs.icr.api.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import uk.nhs.icr.platform.web.CommandBinder;

/**
 * Reads a JSON request body into the service's command record through {@link CommandBinder}, so that a partner
 * hears about every bad field at once (JSON-B would stop at the first value it cannot convert). An empty body
 * is an empty form. Strict where a lenient reader would guess: UTF-8 only, one JSON object and nothing after
 * it, no key twice (which of two values counts would otherwise depend on the reader), no nesting deeper than
 * {@value #MAX_NESTING}; a body over
 * {@code icr.max-body-bytes} ({@code ICR_MAX_BODY_BYTES}, default 1 MiB) is refused unread with 413.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class CommandBodyReader implements MessageBodyReader<Record> {

    private static final JsonReaderFactory NO_DUPLICATE_KEYS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    /** Deeper than any ICR form (two levels), shallow enough for any reader's stack. */
    static final int MAX_NESTING = 32;

    @Inject
    CommandBinder binder;

    @Inject
    @ConfigProperty(name = "icr.max-body-bytes", defaultValue = "1048576")
    int maxBodyBytes;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getPackageName().startsWith("uk.nhs.icr.");
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        String declared = httpHeaders.getFirst(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.matches("[0-9]{1,18}") && Long.parseLong(declared) > maxBodyBytes) {
            throw tooLarge();
        }
        byte[] body = entityStream.readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw tooLarge();
        }
        String text = utf8(body);
        if (text.isBlank()) {
            return binder.bind(type, JsonValue.EMPTY_JSON_OBJECT);
        }
        if (nestingDepth(text) > MAX_NESTING) {
            throw new BadRequestException(UnexpectedExceptionMapper.malformedBody());
        }
        JsonValue value;
        try (JsonReader reader = NO_DUPLICATE_KEYS.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new BadRequestException(UnexpectedExceptionMapper.malformedBody(), e);
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT || !endsAfterOneValue(text)) {
            throw new BadRequestException(UnexpectedExceptionMapper.malformedBody());
        }
        return binder.bind(type, (JsonObject) value);
    }

    /**
     * How deep the text's arrays and objects nest, strings skipped. The JSON reader builds nested values by recursion: a
     * body of 5,000 opening brackets overflowed its stack (a 500, found by the fuzzing test), where ICR's forms nest two
     * levels at most.
     */
    static int nestingDepth(String text) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return deepest;
    }

    /** The reader stops after the first value; a parser says whether anything but white space follows it. */
    private static boolean endsAfterOneValue(String text) {
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            parser.next();
            parser.skipObject();
            return !parser.hasNext();
        } catch (JsonParsingException e) {
            return false;
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException(UnexpectedExceptionMapper.malformedBody());
        }
    }

    /** 413, closing the connection: the rest of the body is never read, so the connection cannot carry another request. */
    private WebApplicationException tooLarge() {
        Response problem = Problem.of("body-too-large", "Request body too large", Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "A request body may be at most " + maxBodyBytes + " bytes; ICR's forms are far smaller. Nothing was recorded.")
                .toResponse();
        return new WebApplicationException(Response.fromResponse(problem).header("Connection", "close").build());
    }
}

package uk.nhs.icr.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.r4.model.Bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;

import uk.nhs.icr.access.service.CurrentCaller;

/**
 * A JSON bundle posted to {@code /fhir} read as a stream, one entry at a time, rather than as HAPI reads a body (the whole
 * of it into one byte array, then into one JSON tree, then into the model: three copies of up to 64 MiB at once). Each
 * entry is read on its own and parsed into the model by HAPI's parser, so only the model of the bundle is held whole,
 * which the import needs (references resolve in any order, and all of it is written in one transaction). Runs after the
 * caller is known and refuses anyone but a record importer before reading a byte of any bundle, JSON or XML; an XML bundle
 * is then left to HAPI.
 * <p>
 * Jackson's limits on what one document may hold stay as they are but one: a string may be as long as the body (the size
 * limit, {@code ICR_MAX_IMPORT_BYTES}, already bounds it), as an attachment's base64 data can pass Jackson's 20 million
 * characters. Nesting deeper than 1,000 and numbers longer than 1,000 digits are refused (400), which no FHIR resource
 * needs.
 */
@Interceptor
final class BundleStream {

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build());

    private final FhirContext context;
    private final CurrentCaller currentCaller;

    BundleStream(FhirContext context, CurrentCaller currentCaller) {
        this.context = context;
        this.currentCaller = currentCaller;
    }

    /** After {@link FhirCaller} (order 0): HAPI then takes the bundle read here rather than reading the body itself. */
    @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = 100)
    public boolean read(ServletRequestDetails details) throws IOException {
        RestOperationTypeEnum operation = details.getRestOperationType();
        if (operation != RestOperationTypeEnum.TRANSACTION && operation != RestOperationTypeEnum.BATCH) {
            return true;
        }
        ImportProvider.requireImporter(currentCaller);
        if (!json(details.getHeader("Content-Type"))) {
            return true;
        }
        details.setResource(read(details.getServletRequest().getInputStream(), context));
        return true;
    }

    private static boolean json(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    /** The bundle in the stream: its own elements, then each entry parsed as it arrives. */
    static Bundle read(InputStream body, FhirContext context) throws IOException {
        IParser parser = context.newJsonParser();
        ObjectNode shell = JSON.createObjectNode();
        List<Bundle.BundleEntryComponent> entries = new ArrayList<>();
        try (JsonParser in = JSON.getFactory().createParser(body)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidRequestException("Send a Bundle as a JSON object");
            }
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                if (!"entry".equals(field)) {
                    shell.set(field, JSON.readTree(in));
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new InvalidRequestException("Bundle.entry: send an array of entries");
                }
                while (in.nextToken() != JsonToken.END_ARRAY) {
                    entries.add(entry(JSON.readTree(in), entries.size(), parser));
                }
            }
            // read to the end of the body: a response sent while the client is still sending resets an HTTP/2 stream, and
            // the client would see no answer at all
            if (in.nextToken() != null) {
                throw new InvalidRequestException("The body goes on after the Bundle: send one Bundle, nothing after it");
            }
        } catch (StreamConstraintsException e) {
            // Jackson's message names the limit and the size reached, never the content (less the Java method it comes from)
            throw new InvalidRequestException("The body is beyond what ICR reads" + at(e.getLocation()) + ": "
                    + e.getOriginalMessage().replaceAll(", from `[^`]*`", "") + ": nothing was imported");
        } catch (JsonProcessingException e) {
            // where it broke, not what was there: the body is a patient's record
            throw new InvalidRequestException("The body is not well-formed JSON" + at(e.getLocation()) + ": nothing was imported");
        }
        Bundle bundle = parse(parser, shell, "Bundle");
        entries.forEach(bundle::addEntry);
        return bundle;
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** One entry, parsed by HAPI as the only entry of a bundle (so fullUrl, request and resource are read as HAPI reads them). */
    private static Bundle.BundleEntryComponent entry(JsonNode entry, int index, IParser parser) {
        ObjectNode one = JSON.createObjectNode();
        one.put("resourceType", "Bundle");
        one.putArray("entry").add(entry);
        return parse(parser, one, "Bundle.entry[" + index + "]").getEntryFirstRep();
    }

    private static Bundle parse(IParser parser, ObjectNode json, String where) {
        try {
            return parser.parseResource(Bundle.class, json.toString());
        } catch (DataFormatException e) {
            throw new InvalidRequestException(where + ": " + e.getMessage());
        }
    }
}

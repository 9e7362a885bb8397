package uk.nhs.icr.api.problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import uk.nhs.icr.platform.service.FieldError;

/** An RFC 9457 problem detail, with the refused fields when input was at fault. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:icr:problem:";
    private static final Jsonb JSON = JsonbBuilder.create();

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(String slug, String title, Response.StatusType status, String detail) {
        return of(slug, title, status.getStatusCode(), detail);
    }

    /** For statuses {@link Response.Status} does not name (422). */
    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, List.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, fieldErrors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** The same answer as {@link #toResponse()}, for refusals made before JAX-RS runs (servlet level). */
    public void writeTo(HttpServletResponse response) throws IOException {
        byte[] body = JSON.toJson(this).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE); // JSON is UTF-8 by definition: no charset parameter, as JAX-RS sends it
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

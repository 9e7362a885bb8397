package uk.nhs.icr.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import uk.nhs.icr.platform.service.Precondition;

/**
 * HTTP's optimistic concurrency for a patient's versioned decisions: each version's ETag is its number
 * ({@code "3"}); a change sends {@code If-Match} with the ETag it read, or {@code If-None-Match: *} to create
 * the first version. A resource method takes these headers as a {@code @BeanParam}; what they say becomes the
 * services' {@link Precondition}.
 */
public class VersionTags {

    @HeaderParam("If-Match")
    @Parameter(description = "the ETag of the version you change; required once one exists (428 without, 412 when stale)")
    String ifMatch;

    @HeaderParam("If-None-Match")
    @Parameter(description = "* to create the first version (412 if one appeared meanwhile)")
    String ifNoneMatch;

    /** What the caller's headers say about the version they change. */
    public Precondition precondition() {
        return Precondition.fromHeaders(ifMatch, ifNoneMatch);
    }

    /** The entity with its version's ETag (none for version 0: nothing recorded yet). */
    public static Response tagged(Object entity, int version) {
        Response.ResponseBuilder response = Response.ok(entity);
        return (version > 0 ? response.tag(new EntityTag(Integer.toString(version))) : response).build();
    }
}

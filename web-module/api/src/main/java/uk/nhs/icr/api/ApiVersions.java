package uk.nhs.icr.api;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.api.problem.Problem;

/**
 * Versions of the API without moving its paths: today's paths are version 1, and a client names the version it was
 * written for with the {@code Api-Version} header or a {@code version} parameter on the JSON media type it accepts
 * ({@code Accept: application/json; version=1}); naming none means version 1. A version ICR does not serve is refused
 * (400, problem details listing the versions it does) before anything else happens. Every answer says the version that
 * served it. The deprecation policy (how long an old version is served, the {@code Deprecation} and {@code Sunset}
 * headers that announce its end) is in docs/partners.md.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class ApiVersions implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Api-Version";
    static final String CURRENT = "1";
    static final List<String> SERVED = List.of(CURRENT);

    @Override
    public void filter(ContainerRequestContext request) {
        String asked = request.getHeaderString(HEADER);
        String inMediaType = request.getAcceptableMediaTypes().stream()
                .map(type -> type.getParameters().get("version"))
                .filter(version -> version != null)
                .findFirst().orElse(null);
        for (String version : new String[] {asked, inMediaType}) {
            if (version != null && !SERVED.contains(version.trim())) {
                request.abortWith(Problem.of("unsupported-api-version", "Unsupported API version", 400,
                        "This server serves API version " + String.join(", ", SERVED) + "; the request asked for "
                                + version.trim() + " (" + (version.equals(asked) ? HEADER + " header" : "Accept version parameter")
                                + ").").toResponse());
                return;
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, CURRENT);
    }
}

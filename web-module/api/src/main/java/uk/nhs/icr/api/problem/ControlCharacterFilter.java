package uk.nhs.icr.api.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import uk.nhs.icr.platform.service.FieldError;
import uk.nhs.icr.platform.web.CommandBinder;

/**
 * A query or path parameter with a control character in it (NUL, escape, a bell: nothing a person types) is refused
 * with 400 naming the parameter, before any resource sees it: PostgreSQL cannot store or even compare a NUL in text, and
 * no ICR parameter means anything with the others in it. Found by the fuzzing test (issue 19), where "?query=%00" was a 500.
 * Bodies get the same rule, field by field, in {@link CommandBinder}.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class ControlCharacterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<FieldError> refused = new ArrayList<>();
        check(request.getUriInfo().getPathParameters(), refused);
        check(request.getUriInfo().getQueryParameters(), refused);
        if (!refused.isEmpty()) {
            request.abortWith(InvalidInputMapper.refused(refused));
        }
    }

    private static void check(MultivaluedMap<String, String> parameters, List<FieldError> refused) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getValue().stream().anyMatch(CommandBinder::hasControlCharacter)) {
                refused.add(new FieldError(parameter.getKey(), "must not contain control characters"));
            }
        }
    }
}

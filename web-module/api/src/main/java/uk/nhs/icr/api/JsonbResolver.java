package uk.nhs.icr.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The one JSON-B instance every request and response body of the API is bound with. Without it RESTEasy's JSON-B
 * provider builds a new {@code Jsonb} for each body, looking its implementation up through the deployment's class
 * loaders each time: a third of the server's CPU in a profile of the shared-record read (docs/performance.md).
 * A {@code Jsonb} is thread-safe and caches what it learns of each class, so one is shared.
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSON;
    }
}
